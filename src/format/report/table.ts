/** `abx report` in the terminal: cli-table3 tables, unicode bar charts for distributions, chalk for status. */
import type { ChalkInstance } from 'chalk';
import { sectionsOf, type BetsReport, type CalibrationReport, type CalibrationRow, type KpiRow, type KpisReport, type Report, type RoiReport, type SignalsReport, type TiersReport, type CollateralReport, type MessagingReport, type PlanReport } from '../../core/report/index.js';
import {
  MEETING_TITLES,
  NOTHING_YET,
  SECTION_TITLES,
  focusTiers,
  gridCells,
  ownerText,
  refText,
  budgetText,
  hours,
  latestText,
  liftText,
  PHASE_LABELS,
  coverageText,
  metricText,
  reviewText,
  pct,
  percent,
  periodText,
  plural,
  reportTitle,
  statusLabel,
  targetWithComparison,
  trendText,
  unicodeBar,
  usdText,
  VERDICT_LABELS,
  weightsText,
  wonLost,
} from './common.js';
import { terminalText } from '../escape/terminal.js';
import { fitColour, pureColour } from '../score/table.js';
import type { Renderer, ReportView } from '../views.js';
import { fittedTable, type Column } from '../fit-width.js';
import { visibleWidth, wrapText } from '../wrap.js';

type Paint = (s: string) => string;

/** A table that fits the terminal (src/format/fit-width.ts): rows are pushed, then it is printed. */
function table(chalk: ChalkInstance, width: number | undefined, head: string[], options: { colAligns?: ('left' | 'right' | 'center')[]; colWidths?: (number | null)[]; ruled?: boolean } = {}) {
  const rows: string[][] = [];
  const columns: Column[] = head.map((h, i) => ({ head: h, align: options.colAligns?.[i] ?? 'left', wrap: true, min: Math.max(6, visibleWidth(h)) }));
  const widths = options.colWidths && options.colWidths.length > 0 ? options.colWidths.map((w) => (w === null ? null : w - 2)) : undefined;
  return {
    push: (row: string[]) => void rows.push(row),
    toString: () => fittedTable(columns, rows, { chalk, width, widths, ruled: options.ruled }),
  };
}

const heading = (chalk: ChalkInstance, text: string) => chalk.bold(text);

export function renderReportTable(report: Report, chalk: ChalkInstance, width?: number): string {
  const parts: string[] = [chalk.bold(reportTitle(report))];
  parts.push(...sectionsOf(report, { tiers: tiersSection, kpis: kpisSection, bets: betsSection, signals: signalsSection, messaging: messagingSection, collateral: collateralSection, plan: planSection, roi: roiSection, calibration: calibrationSection }, chalk, width));
  const text = parts.join('\n\n');
  if (width === undefined) return `${text}\n`;
  // Lines outside the tables (summaries, the MQA list, budget guidance) wrap at spaces.
  return `${text
    .split('\n')
    .flatMap((line) => (visibleWidth(line) <= width ? [line] : wrapText(line, width)))
    .join('\n')}\n`;
}

function tiersSection(t: TiersReport, chalk: ChalkInstance, width: number | undefined): string {
  const out = [chalk.bold.underline(SECTION_TITLES.tiers)];
  if (t.accounts === 0) {
    out.push(NOTHING_YET.accounts, '', `Budget guidance (${t.budget.label}): ${budgetText(t.budget)}.`);
    return out.join('\n');
  }
  const maxPure = Math.max(...t.pure.map((r) => r.count), t.unscored.count);
  const pure = table(chalk, width, ['PURE tier', 'Totals', 'Accounts', '', 'Priority', 'Resource allocation'], { colAligns: ['left', 'left', 'right', 'left', 'left', 'left'] });
  for (const r of t.pure) {
    const c = pureColour(chalk, r.tier);
    pure.push([c(`${r.tier} ${r.name}`), r.totals, String(r.count), c(unicodeBar(r.count, maxPure)), r.priority, r.resources]);
  }
  pure.push([chalk.dim('unscored'), '—', String(t.unscored.count), chalk.dim(unicodeBar(t.unscored.count, maxPure)), '—', chalk.dim('add a pure block to score it')]);
  out.push(heading(chalk, `PURE tiers · ${plural(t.accounts, 'account')}`), pure.toString());

  const maxFit = Math.max(...t.fit.map((r) => r.count));
  const fit = table(chalk, width, ['Fit tier', 'Fit score', 'Accounts', '', 'Motion', 'Guide'], { colAligns: ['left', 'left', 'right', 'left', 'left', 'right'] });
  for (const r of t.fit) {
    const c = fitColour(chalk, r.tier);
    fit.push([c(`${r.tier} ${r.name}`), r.scores, String(r.count), c(unicodeBar(r.count, maxFit)), r.motion, r.guide]);
  }
  out.push('', heading(chalk, 'Fit tiers'), fit.toString());

  const grid = table(chalk, width, ['Fit \\ PURE', 'T1', 'T2', 'T3', 'T4', 'T5', 'unscored'], { colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right'] });
  for (const row of t.grid) {
    grid.push([
      fitColour(chalk, row.fitTier)(`${row.fitTier} ${row.fitName}`),
      ...row.cells.map((c) => (c.count === 0 ? chalk.dim('·') : heat(chalk, row.fitTier, c.pureTier)(String(c.count)))),
      row.unscored === 0 ? chalk.dim('·') : String(row.unscored),
    ]);
  }
  out.push('', heading(chalk, 'Fit × PURE grid (spend top-left first: high fit, hair on fire)'), grid.toString());
  out.push('', heading(chalk, MEETING_TITLES.cells));
  for (const c of gridCells(t)) out.push(`  ${c.label}: ${c.refs.map((r) => terminalText(refText(r), 80)).join(', ')}${c.more > 0 ? `, and ${c.more} more` : ''}`);

  if (t.focus.length > 0) {
    const focus = table(chalk, width, ['Account', 'Owner', 'Motion', 'PURE tier', 'Fit tier', 'MQA', 'Next action'], { ruled: true });
    for (const f of t.focus) {
      const tiers = focusTiers(f);
      focus.push([`${terminalText(f.name, 60)}\n${chalk.dim(f.id)}`, f.owner === null ? chalk.dim('no owner') : terminalText(f.owner, 60), f.motion ?? chalk.dim('—'), pureColour(chalk, f.pureTier ?? undefined)(tiers.pure), fitColour(chalk, f.fitTier)(tiers.fit), f.mqa ? chalk.green('yes') : 'no', f.nextAction === null ? chalk.dim('—') : terminalText(f.nextAction, 200)]);
    }
    out.push('', heading(chalk, MEETING_TITLES.focus), focus.toString());
  }

  const owners = table(chalk, width, ['Owner', 'Accounts', 'PURE T1', 'Fit T1', 'MQA', 'Open signals'], { colAligns: ['left', 'right', 'right', 'right', 'right', 'right'] });
  for (const o of t.owners) owners.push([o.owner === null ? chalk.dim(ownerText(null)) : terminalText(o.owner, 40), String(o.accounts), String(o.pureTier1), String(o.fitTier1), String(o.mqa), String(o.openSignals)]);
  out.push('', heading(chalk, MEETING_TITLES.owners), owners.toString());

  const seg = table(chalk, width, ['Segment', 'Accounts', 'P1', 'P2', 'P3', 'P4', 'P5', 'Unscored', 'F1', 'F2', 'F3', 'MQA'], { colAligns: ['left', ...Array<'right'>(11).fill('right')] });
  for (const s of t.bySegment) {
    const label = s.segment === null ? chalk.dim('no segment') : `${terminalText(s.name, 40)}${s.known ? '' : chalk.red(' (no such segment)')}`;
    seg.push([label, String(s.accounts), ...['1', '2', '3', '4', '5', 'unscored'].map((k) => String(s.pure[k] ?? 0)), ...['1', '2', '3'].map((k) => String(s.fit[k] ?? 0)), String(s.mqa)]);
  }
  out.push('', heading(chalk, 'By segment (P = PURE tier, F = fit tier)'), seg.toString());

  const maxMotion = Math.max(...t.motions.map((m) => m.count), t.noMotion);
  const motions = table(chalk, width, ['Motion', 'Accounts', ''], { colAligns: ['left', 'right', 'left'] });
  for (const m of t.motions) motions.push([m.motion, String(m.count), chalk.cyan(unicodeBar(m.count, maxMotion))]);
  if (t.noMotion > 0) motions.push([chalk.dim('no motion'), String(t.noMotion), chalk.dim(unicodeBar(t.noMotion, maxMotion))]);
  out.push('', heading(chalk, 'Motions (detect → decode → engage → accelerate → expand)'), motions.toString());

  out.push(
    '',
    `${chalk.bold('MQA')}: ${t.mqa.count} of ${plural(t.accounts, 'account')}${t.mqa.count > 0 ? ` (${t.mqa.accounts.map((a) => terminalText(a, 60)).join(', ')})` : ''}`,
    `${chalk.bold('Budget guidance')} (${t.budget.label}): ${budgetText(t.budget)}.`,
  );
  return out.join('\n');
}

/** Warmer where fit and PURE are both high. */
function heat(chalk: ChalkInstance, fitTier: number, pureTier: number): Paint {
  const score = 3 - fitTier + (5 - pureTier); // 0..6
  return score >= 5 ? chalk.red.bold : score >= 3 ? chalk.yellow : chalk.white;
}

function statusColour(chalk: ChalkInstance, status: KpiRow['status']): Paint {
  return status === 'met' ? chalk.green : status === 'missed' ? chalk.red : chalk.dim;
}

function kpisSection(k: KpisReport, chalk: ChalkInstance, width: number | undefined): string {
  const out = [chalk.bold.underline(SECTION_TITLES.kpis)];
  if (k.records === 0) out.push(NOTHING_YET.kpiRecords);
  out.push(`${k.summary.met} met · ${k.summary.missed} missed · ${k.summary.noData} no data`);
  for (const g of k.groups) {
    const t = table(chalk, width, ['KPI', 'Latest', 'Period', 'Target', 'Status', 'Trend'], { colAligns: ['left', 'right', 'left', 'left', 'left', 'left'] });
    for (const row of g.kpis) {
      const trend = trendText(row);
      const trendColour = row.improving === null ? (s: string) => s : row.improving ? chalk.green : chalk.red;
      t.push([terminalText(row.id, 60), latestText(row), periodText(row), targetWithComparison(row), statusColour(chalk, row.status)(statusLabel(row.status)), trendColour(trend)]);
    }
    out.push('', heading(chalk, `${g.tier[0]?.toUpperCase()}${g.tier.slice(1)} · ${g.cadence}`), t.toString());
  }
  return out.join('\n');
}

function betsSection(b: BetsReport, chalk: ChalkInstance, width: number | undefined): string {
  const out = [chalk.bold.underline(SECTION_TITLES.bets)];
  if (b.total === 0) {
    out.push(NOTHING_YET.bets);
    return out.join('\n');
  }
  out.push(`${plural(b.total, 'bet')} · ${b.columns.map((c) => `${c.status} ${c.count}`).join(' · ')}${b.overdue.length > 0 ? chalk.red(` · ${b.overdue.length} overdue`) : ''}`);
  for (const column of b.columns) {
    out.push('', heading(chalk, `${column.status[0]?.toUpperCase()}${column.status.slice(1)} (${column.count})`));
    if (column.count === 0) {
      out.push(chalk.dim(`No ${column.status} bets.`));
      continue;
    }
    const closed = column.status === 'won' || column.status === 'killed';
    const t = table(chalk, width, ['Bet', 'Review by', 'Kill condition', ...(closed ? ['Result'] : [])], { colWidths: closed ? [36, 14, 34, 34] : [36, 14, 46], ruled: true });
    for (const bet of column.bets) {
      const review = bet.reviewBy === null ? chalk.dim('—') : bet.overdue ? chalk.red.bold(`${bet.reviewBy} overdue ${plural(bet.daysOverdue ?? 0, 'day')}`) : bet.reviewBy;
      const about = chalk.dim([`${terminalText(bet.id, 60)}${bet.category ? ` · ${terminalText(bet.category, 40)}` : ''}`, ...(bet.owner ? [terminalText(bet.owner, 60)] : [])].join('\n'));
      const long = (text: string | null) => (text === null ? chalk.dim('—') : terminalText(text, 240));
      t.push([`${terminalText(bet.name, 80)}\n${about}`, review, long(bet.killCondition), ...(closed ? [long(bet.result)] : [])]);
    }
    out.push(t.toString());
  }
  const maxCategory = Math.max(...b.byCategory.map((c) => c.count));
  const cats = table(chalk, width, ['Category', 'Bets', ''], { colAligns: ['left', 'right', 'left'] });
  for (const c of b.byCategory) cats.push([c.category, String(c.count), chalk.cyan(unicodeBar(c.count, maxCategory))]);
  out.push('', heading(chalk, 'By category'), cats.toString());
  return out.join('\n');
}

function signalsSection(s: SignalsReport, chalk: ChalkInstance, width: number | undefined): string {
  const out = [chalk.bold.underline(SECTION_TITLES.signals)];
  if (s.total === 0) {
    out.push(s.accounts === 0 ? NOTHING_YET.accounts : NOTHING_YET.signals);
    return out.join('\n');
  }
  const median = s.medianLatencyHours === null ? chalk.dim('—') : (s.medianLatencyHours < s.targetHours ? chalk.green : chalk.red)(hours(s.medianLatencyHours));
  out.push(
    `${plural(s.total, 'signal')}: ${s.touched} touched, ${s.open} open (${s.openPastTarget} past ${s.targetHours} h)`,
    `Median latency ${median} (target under ${s.targetHours} h) · touched within ${s.targetHours} h: ${percent(s.withinTargetShare)} (${s.withinTarget} of ${s.touched})`,
  );
  out.push('', heading(chalk, 'Open signals'));
  if (s.openSignals.length === 0) {
    out.push(NOTHING_YET.openSignals);
  } else {
    const t = table(chalk, width, ['Account', 'Owner', 'Type', 'Date', 'Open for', 'Summary'], { colAligns: ['left', 'left', 'left', 'left', 'right', 'left'] });
    for (const o of s.openSignals) {
      t.push([terminalText(o.account, 60), o.owner === null ? chalk.dim('no owner') : terminalText(o.owner, 30), terminalText(o.type, 30), o.date, (o.pastTarget ? chalk.red.bold : (x: string) => x)(`${hours(o.openHours)}${o.pastTarget ? ' !' : ''}`), terminalText(o.summary, 60)]);
    }
    out.push(t.toString());
    const byOwner = table(chalk, width, ['Owner', 'Open', `Past ${s.targetHours} h`], { colAligns: ['left', 'right', 'right'] });
    for (const o of s.byOwner) byOwner.push([o.owner === null ? chalk.dim(ownerText(null)) : terminalText(o.owner, 40), String(o.open), o.openPastTarget > 0 ? chalk.red(String(o.openPastTarget)) : '0']);
    out.push('', heading(chalk, MEETING_TITLES.signalOwners), byOwner.toString());
  }
  const maxType = Math.max(...s.byType.map((x) => x.total));
  const t = table(chalk, width, ['Type', 'Signals', '', 'Touched', 'Open', `Past ${s.targetHours} h`, 'Median latency', `Within ${s.targetHours} h`], { colAligns: ['left', 'right', 'left', 'right', 'right', 'right', 'right', 'right'] });
  for (const x of s.byType) {
    t.push([x.type, String(x.total), chalk.cyan(unicodeBar(x.total, maxType, 12)), String(x.touched), String(x.open), x.openPastTarget > 0 ? chalk.red(String(x.openPastTarget)) : String(x.openPastTarget), hours(x.medianLatencyHours), percent(x.withinTargetShare)]);
  }
  out.push('', heading(chalk, 'By signal type'), t.toString());
  return out.join('\n');
}

function messagingSection(r: MessagingReport, chalk: ChalkInstance, width: number | undefined): string {
  const out = [chalk.bold.underline(SECTION_TITLES.messaging)];
  if (r.total === 0) {
    out.push(NOTHING_YET.messaging);
    return out.join('\n');
  }
  out.push(`${plural(r.total, 'messaging file')} · benefits for served segments ${coverageText(r.benefitCoverage)} · personas with a message ${coverageText(r.personaCoverage)}`);
  for (const m of r.messaging) {
    out.push('', heading(chalk, `${terminalText(m.name, 80)} (${m.id})`));
    out.push(`Serves ${m.columns.filter((c) => c.served).map((c) => c.segment).join(', ') || chalk.dim('no segment')}`);
    out.push(`Category narrative: ${m.categoryNarrative === null ? chalk.red('missing') : terminalText(m.categoryNarrative, 300)}`);
    out.push('', heading(chalk, `Capability matrix · benefits ${coverageText(m.benefitCoverage)}`));
    if (m.capabilities.length === 0) {
      out.push(chalk.dim('No capabilities yet.'));
    } else {
      // 80 columns: the capability column, then the rest shared by the segments.
      const k = m.columns.length;
      const each = k === 0 ? 0 : Math.max(10, Math.floor((75 - 22 - (k - 1)) / k));
      const t = table(chalk, width, ['Capability', ...m.columns.map((c) => `${terminalText(c.segment, 40)}${c.served ? '' : ' (not served)'}`)], { colWidths: [22, ...Array<number>(k).fill(each)] });
      for (const c of m.capabilities) {
        t.push([
          `${terminalText(c.capability, 80)}${c.soWhat === null ? `\n${chalk.red('no so what')}` : `\n${chalk.dim(terminalText(c.soWhat, 120))}`}`,
          ...c.cells.map((cell) => (cell.benefit !== null ? terminalText(cell.benefit, 120) : cell.gap ? chalk.red.bold('GAP') : chalk.dim('—'))),
        ]);
      }
      out.push(t.toString());
    }
    out.push('', heading(chalk, `Persona map · personas ${coverageText(m.personaCoverage)}`));
    if (m.personas.length > 0) {
      const t = table(chalk, width, ['Persona', 'Message', 'Proof points'], { colWidths: [22, 31, 23] });
      for (const p of m.personas) {
        const proofs = p.proofPoints.length === 0 ? chalk.yellow('none') : p.proofPoints.map((x) => (x.name === null ? chalk.red(`${terminalText(x.id, 40)} (no such collateral)`) : terminalText(x.name, 60))).join('\n');
        t.push([`${terminalText(p.persona, 60)}${p.caresAbout ? `\n${chalk.dim(terminalText(p.caresAbout, 80))}` : ''}`, p.message === null ? chalk.dim('—') : terminalText(p.message, 200), proofs]);
      }
      out.push(t.toString());
    }
    if (m.missingPersonas.length > 0) out.push(chalk.red(`No message for: ${m.missingPersonas.map((x) => terminalText(x, 60)).join(', ')}`));
    if (m.keywords.length > 0) out.push(`Keywords: ${m.keywords.map((x) => terminalText(x, 60)).join(' · ')}`);
  }
  return out.join('\n');
}

function collateralSection(r: CollateralReport, chalk: ChalkInstance, width: number | undefined): string {
  const out = [chalk.bold.underline(SECTION_TITLES.collateral)];
  if (r.total === 0) {
    out.push(NOTHING_YET.collateral);
    return out.join('\n');
  }
  out.push(
    `${plural(r.total, 'asset')} · review: ${r.review.overdue > 0 ? chalk.red(`${r.review.overdue} overdue`) : '0 overdue'}, ${r.review.never} never reviewed, ${r.review.due} due, ${r.review.ok} on time`,
    `Metrics: ${r.metrics.met} met, ${r.metrics.missed} missed, ${r.metrics['no-data']} no data, ${r.metrics['no-target']} without a target`,
  );
  const maxType = Math.max(...r.byType.map((x) => x.count));
  const types = table(chalk, width, ['Type', 'Assets', ''], { colAligns: ['left', 'right', 'left'] });
  for (const x of r.byType) types.push([x.type, String(x.count), chalk.cyan(unicodeBar(x.count, maxType))]);
  out.push('', heading(chalk, 'By type'), types.toString());
  const t = table(chalk, width, ['Asset', 'Review', 'Metrics against targets'], { colWidths: [26, 22, 28] });
  for (const a of r.assets) {
    const paint = a.review === 'overdue' || a.review === 'never' ? chalk.red : a.review === 'due' ? chalk.yellow : (x: string) => x;
    const metrics = a.metrics.length === 0 ? chalk.yellow('no metrics') : a.metrics.map((m) => (m.status === 'missed' ? chalk.red : m.status === 'met' ? chalk.green : chalk.dim)(`${terminalText(m.metric, 60)}: ${metricText(m)}`)).join('\n');
    t.push([`${terminalText(a.name, 80)}\n${chalk.dim(`${a.id} · ${a.type}`)}`, paint(reviewText(a)), metrics]);
  }
  out.push('', heading(chalk, 'Assets (overdue first)'), t.toString());
  return out.join('\n');
}

function planSection(r: PlanReport, chalk: ChalkInstance, width: number | undefined): string {
  const out = [chalk.bold.underline(SECTION_TITLES.plan)];
  const plan = r.plan;
  if (plan === null) {
    out.push(NOTHING_YET.plan);
    return out.join('\n');
  }
  out.push(`${terminalText(plan.name, 80)} · started ${plan.started} · day ${plan.day} · ${plan.done} of ${plural(plan.total, 'task')} done`);
  const t = table(chalk, width, ['Phase', 'Ends', 'Done', 'Status'], { colAligns: ['left', 'left', 'right', 'left'] });
  for (const p of plan.phases) {
    const paint = p.status === 'overdue' || p.status === 'missing' ? chalk.red : p.status === 'done' ? chalk.green : p.status === 'current' ? chalk.yellow : chalk.dim;
    t.push([p.label, p.ends, `${p.done}/${p.total}`, paint(PHASE_LABELS[p.status])]);
  }
  out.push(t.toString());
  for (const p of plan.phases) {
    const open = p.tasks.filter((x) => !x.done);
    if (open.length === 0) continue;
    out.push('', heading(chalk, `Open in ${p.label}`), ...open.map((x) => `  ☐ ${terminalText(x.text, 200)}`));
  }
  return out.join('\n');
}

function roiSection(r: RoiReport, chalk: ChalkInstance, width: number | undefined): string {
  const out = [chalk.bold.underline(SECTION_TITLES.roi)];
  if (r.periods.length === 0 || r.total === null) {
    out.push(NOTHING_YET.roi);
    return out.join('\n');
  }
  const roiPaint = (v: number | null) => (v === null ? chalk.dim('—') : (v >= 0 ? chalk.green : chalk.red)(pct(v)));
  const t = table(chalk, width, ['Period', 'Revenue', 'Investment', 'ROI', 'Win rate', 'Won / lost', 'Avg deal', 'Pipeline created'], { colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] });
  for (const p of r.periods) t.push([p.period, usdText(p.revenueUsd), usdText(p.investmentUsd), roiPaint(p.roi), pct(p.winRate), `${p.won} / ${p.lost}`, usdText(p.averageDealUsd), usdText(p.pipelineCreatedUsd)]);
  const all = r.total;
  if (r.periods.length > 1) t.push([chalk.bold('all'), usdText(all.revenueUsd), usdText(all.investmentUsd), roiPaint(all.roi), pct(all.winRate), `${all.won} / ${all.lost}`, usdText(all.averageDealUsd), usdText(all.pipelineCreatedUsd)]);
  out.push(heading(chalk, `By ${r.granularity} · ROI = (revenue − investment) ÷ investment`), t.toString());
  const tiers = table(chalk, width, ['Tier (as of today)', 'Won / lost', 'Win rate', ''], { colAligns: ['left', 'right', 'right', 'left'] });
  for (const x of all.winRateByFit) tiers.push([fitColour(chalk, x.tier ?? 3)(`fit ${x.tier} ${x.name}`), `${x.won} / ${x.lost}`, pct(x.winRate), chalk.cyan(unicodeBar(x.winRate ?? 0, 100, 12))]);
  for (const x of all.winRateByPure) {
    if (x.won + x.lost === 0 && x.tier === null) continue;
    tiers.push([x.tier === null ? chalk.dim('PURE unscored') : pureColour(chalk, x.tier)(`PURE ${x.tier} ${x.name}`), `${x.won} / ${x.lost}`, pct(x.winRate), chalk.cyan(unicodeBar(x.winRate ?? 0, 100, 12))]);
  }
  out.push('', heading(chalk, `Win rate by tier${r.periods.length > 1 ? ' (all periods)' : ''}`), tiers.toString());
  return out.join('\n');
}

function calibrationSection(c: CalibrationReport, chalk: ChalkInstance, width: number | undefined): string {
  const out = [chalk.bold.underline(SECTION_TITLES.calibration)];
  if (c.closedDeals === 0) {
    out.push(NOTHING_YET.calibration);
    return out.join('\n');
  }
  out.push(`${plural(c.closedDeals, 'closed deal')} (${wonLost(c)}), overall win rate ${pct(c.winRate)}; each account scored as of its deal's created date.`);
  const cells = (r: CalibrationRow) => [String(r.count), String(r.won), pct(r.winRate), liftText(r.lift)];
  const head = ['Deals', 'Won', 'Win rate', 'Lift'];
  const [first, second] = c.models;
  // Side by side the bars are left out so both models fit in 80 columns; * marks the --weights columns.
  const fit = table(chalk, width, [second ? 'Fit tier' : 'Fit tier at created', ...(second ? ['Deals', 'Won', 'Rate', 'Lift'] : head), ...(second ? ['Deals*', 'Won*', 'Rate*', 'Lift*'] : [''])], { colAligns: ['left', 'right', 'right', 'right', 'right', ...(second ? (['right', 'right', 'right', 'right'] as const) : (['left'] as const))] });
  (first?.fit ?? []).forEach((r, i) => {
    const alt = second?.fit[i];
    fit.push([fitColour(chalk, r.tier ?? 3)(`${r.tier} ${r.name}`), ...cells(r), ...(alt ? cells(alt) : [chalk.cyan(unicodeBar(r.winRate ?? 0, 100, 12))])]);
  });
  out.push('', heading(chalk, second ? 'By fit tier (* under --weights)' : 'By fit tier'), fit.toString());
  for (const m of c.models) {
    const paint = m.verdict === 'predictive' ? chalk.green : m.verdict === 'not-predictive' ? chalk.red.bold : chalk.dim;
    out.push(`${m.label === 'config' ? 'Weights of the config' : 'Weights of --weights'} (${weightsText(m.weights)}): ${paint(VERDICT_LABELS[m.verdict])} · ${m.reason}`);
  }
  const pure = table(chalk, width, ['PURE tier at created', ...head, ''], { colAligns: ['left', 'right', 'right', 'right', 'right', 'left'] });
  for (const r of c.pure) {
    if (r.tier === null && r.count === 0) continue;
    pure.push([r.tier === null ? chalk.dim('unscored') : pureColour(chalk, r.tier)(`${r.tier} ${r.name}`), ...cells(r), chalk.cyan(unicodeBar(r.winRate ?? 0, 100, 12))]);
  }
  out.push('', heading(chalk, 'By PURE tier'), pure.toString());
  return out.join('\n');
}

export const render: Renderer<ReportView> = (v) => renderReportTable(v.report, v.chalk, v.width);

/** `abx report --format markdown`: GitHub-flavoured markdown for wikis and pull-request comments. */
import { sectionsOf, type BetsReport, type CalibrationReport, type CalibrationRow, type KpisReport, type Report, type RoiReport, type SignalsReport, type TiersReport, type CollateralReport, type MessagingReport, type PlanReport } from '../../core/report/index.js';
import {
  MEETING_TITLES,
  NOTHING_YET,
  SECTION_TITLES,
  focusTiers,
  gridCells,
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
import type { Renderer, ReportView } from '../views.js';
import { markdownCode, markdownText } from '../escape/markdown.js';

/** A user value in a table cell: one line, pipes escaped, no raw HTML (a `<` never opens a tag). */
const md = (value: string, max = 200): string => markdownText(value, max);

/** An owner is often an e-mail address: as code, so that it is not turned into a link. */
const owner = (o: string | null) => (o === null ? '_no owner_' : code(o));
const code = (id: string) => markdownCode(id, { table: true, max: 80 });

function tableLines(head: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function renderReportMarkdown(report: Report): string {
  const parts: string[][] = [[`# ${md(reportTitle(report))}`]];
  parts.push(...sectionsOf(report, { tiers: tiersMd, kpis: kpisMd, bets: betsMd, signals: signalsMd, messaging: messagingMd, collateral: collateralMd, plan: planMd, roi: roiMd, calibration: calibrationMd }));
  return `${parts.map((p) => p.join('\n')).join('\n\n')}\n`;
}

function tiersMd(t: TiersReport): string[] {
  const out = [`## ${SECTION_TITLES.tiers}`, ''];
  const budget = `**Budget guidance** (${t.budget.label}): ${budgetText(t.budget)}.`;
  if (t.accounts === 0) return [...out, NOTHING_YET.accounts.replace('abx new account <id>', '`abx new account <id>`'), '', budget];
  const maxPure = Math.max(...t.pure.map((r) => r.count), t.unscored.count);
  out.push(
    `### PURE tiers (${plural(t.accounts, 'account')})`,
    '',
    ...tableLines(
      ['PURE tier', 'Totals', 'Accounts', 'Distribution', 'Priority', 'Resource allocation'],
      ['l', 'l', 'r', 'l', 'l', 'l'],
      [
        ...t.pure.map((r) => [`${r.tier} ${r.name}`, r.totals, String(r.count), unicodeBar(r.count, maxPure), r.priority, r.resources]),
        ['unscored', '—', String(t.unscored.count), unicodeBar(t.unscored.count, maxPure), '—', 'add a `pure` block to score it'],
      ],
    ),
  );
  const maxFit = Math.max(...t.fit.map((r) => r.count));
  out.push(
    '',
    '### Fit tiers',
    '',
    ...tableLines(['Fit tier', 'Fit score', 'Accounts', 'Distribution', 'Motion', 'Guide'], ['l', 'l', 'r', 'l', 'l', 'r'], t.fit.map((r) => [`${r.tier} ${r.name}`, r.scores, String(r.count), unicodeBar(r.count, maxFit), r.motion, r.guide])),
  );
  out.push(
    '',
    '### Fit × PURE grid',
    '',
    'Spend top-left first: high fit and hair on fire.',
    '',
    ...tableLines(
      ['Fit \\ PURE', 'T1', 'T2', 'T3', 'T4', 'T5', 'unscored'],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
      t.grid.map((row) => [`${row.fitTier} ${row.fitName}`, ...row.cells.map((c) => (c.count === 0 ? '·' : `**${c.count}**`)), row.unscored === 0 ? '·' : String(row.unscored)]),
    ),
    '',
    `### ${MEETING_TITLES.cells}`,
    '',
    ...gridCells(t).map((c) => `- **${c.label}**: ${c.refs.map((r) => `${md(r.name, 80)} (${owner(r.owner)})`).join(', ')}${c.more > 0 ? `, and ${c.more} more` : ''}`),
  );
  if (t.focus.length > 0) {
    out.push(
      '',
      `### ${MEETING_TITLES.focus}`,
      '',
      ...tableLines(
        ['Account', 'Owner', 'Motion', 'PURE tier', 'Fit tier', 'MQA', 'Next action'],
        ['l', 'l', 'l', 'l', 'l', 'l', 'l'],
        t.focus.map((f) => {
          const tiers = focusTiers(f);
          return [`${md(f.name, 80)} (${code(f.id)})`, owner(f.owner), f.motion ?? '—', tiers.pure, tiers.fit, f.mqa ? 'yes' : 'no', f.nextAction === null ? '—' : md(f.nextAction, 200)];
        }),
      ),
    );
  }
  out.push(
    '',
    `### ${MEETING_TITLES.owners}`,
    '',
    ...tableLines(
      ['Owner', 'Accounts', 'PURE T1', 'Fit T1', 'MQA', 'Open signals'],
      ['l', 'r', 'r', 'r', 'r', 'r'],
      t.owners.map((o) => [owner(o.owner), String(o.accounts), String(o.pureTier1), String(o.fitTier1), String(o.mqa), String(o.openSignals)]),
    ),
  );
  out.push(
    '',
    '### By segment',
    '',
    ...tableLines(
      ['Segment', 'Accounts', 'PURE T1', 'T2', 'T3', 'T4', 'T5', 'Unscored', 'Fit T1', 'T2', 'T3', 'MQA'],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      t.bySegment.map((s) => [
        s.segment === null ? '_no segment_' : `${md(s.name, 60)}${s.known ? '' : ' (no such segment)'}`,
        String(s.accounts),
        ...['1', '2', '3', '4', '5', 'unscored'].map((k) => String(s.pure[k] ?? 0)),
        ...['1', '2', '3'].map((k) => String(s.fit[k] ?? 0)),
        String(s.mqa),
      ]),
    ),
  );
  const motions = [...t.motions.map((m) => `${m.motion} ${m.count}`), ...(t.noMotion > 0 ? [`no motion ${t.noMotion}`] : [])];
  out.push(
    '',
    `**Motions**: ${motions.join(' → ')}`,
    '',
    `**MQA**: ${t.mqa.count} of ${plural(t.accounts, 'account')}${t.mqa.count > 0 ? ` (${t.mqa.accounts.map(code).join(', ')})` : ''}`,
    '',
    budget,
  );
  return out;
}

const STATUS_MARK = { met: '✅ met', missed: '❌ missed', 'no-data': '⚪ no data' } as const;

function kpisMd(k: KpisReport): string[] {
  const out = [`## ${SECTION_TITLES.kpis}`, ''];
  if (k.records === 0) out.push(NOTHING_YET.kpiRecords.replace(/- \{ kpi: .*? \}/, (m) => `\`${m}\``), '');
  out.push(`${k.summary.met} met · ${k.summary.missed} missed · ${k.summary.noData} no data`);
  for (const g of k.groups) {
    out.push(
      '',
      `### ${g.tier[0]?.toUpperCase()}${g.tier.slice(1)} (${g.cadence})`,
      '',
      ...tableLines(
        ['KPI', 'Latest', 'Period', 'Target', 'Status', 'Trend'],
        ['l', 'r', 'l', 'l', 'l', 'l'],
        g.kpis.map((r) => [code(r.id), latestText(r), periodText(r), targetWithComparison(r), r.status === 'no-data' ? statusLabel(r.status) : STATUS_MARK[r.status], trendText(r)]),
      ),
    );
  }
  return out;
}

function betsMd(b: BetsReport): string[] {
  const out = [`## ${SECTION_TITLES.bets}`, ''];
  if (b.total === 0) return [...out, NOTHING_YET.bets.replace('abx new bet <id>', '`abx new bet <id>`')];
  out.push(`${plural(b.total, 'bet')}: ${b.columns.map((c) => `${c.status} ${c.count}`).join(', ')}${b.overdue.length > 0 ? `; **${b.overdue.length} overdue**` : ''}`);
  for (const column of b.columns) {
    out.push('', `### ${column.status[0]?.toUpperCase()}${column.status.slice(1)} (${column.count})`, '');
    if (column.count === 0) {
      out.push(`No ${column.status} bets.`);
      continue;
    }
    const closed = column.status === 'won' || column.status === 'killed';
    out.push(
      ...tableLines(
        ['Bet', 'Category', 'Owner', 'Review by', 'Kill condition', ...(closed ? ['Result'] : [])],
        ['l', 'l', 'l', 'l', 'l', ...(closed ? (['l'] as const) : [])],
        column.bets.map((bet) => [
          `${md(bet.name, 80)} (${code(bet.id)})`,
          md(bet.category ?? '—', 60),
          bet.owner === null ? '—' : code(bet.owner),
          bet.reviewBy === null ? '—' : bet.overdue ? `**${bet.reviewBy}, overdue ${plural(bet.daysOverdue ?? 0, 'day')}**` : bet.reviewBy,
          md(bet.killCondition ?? '—', 300),
          ...(closed ? [md(bet.result ?? '—', 300)] : []),
        ]),
      ),
    );
  }
  out.push('', '### By category', '', ...tableLines(['Category', 'Bets'], ['l', 'r'], b.byCategory.map((c) => [md(c.category, 60), String(c.count)])));
  return out;
}

function signalsMd(s: SignalsReport): string[] {
  const out = [`## ${SECTION_TITLES.signals}`, ''];
  if (s.total === 0) return [...out, s.accounts === 0 ? NOTHING_YET.accounts.replace('abx new account <id>', '`abx new account <id>`') : NOTHING_YET.signals.replace('signals:', '`signals:`')];
  out.push(
    `${plural(s.total, 'signal')}: ${s.touched} touched, ${s.open} open (${s.openPastTarget} past ${s.targetHours} h).`,
    `Median latency ${hours(s.medianLatencyHours)} (target under ${s.targetHours} h); touched within ${s.targetHours} h: ${percent(s.withinTargetShare)} (${s.withinTarget} of ${s.touched}).`,
    '',
    '### Open signals',
    '',
  );
  if (s.openSignals.length === 0) out.push(NOTHING_YET.openSignals);
  else {
    out.push(
      ...tableLines(
        ['Account', 'Owner', 'Type', 'Date', 'Open for', 'Summary'],
        ['l', 'l', 'l', 'l', 'r', 'l'],
        s.openSignals.map((o) => [code(o.account), owner(o.owner), md(o.type, 40), o.date, o.pastTarget ? `**${hours(o.openHours)}**` : hours(o.openHours), md(o.summary, 120)]),
      ),
      '',
      `### ${MEETING_TITLES.signalOwners}`,
      '',
      ...tableLines(['Owner', 'Open', `Past ${s.targetHours} h`], ['l', 'r', 'r'], s.byOwner.map((o) => [owner(o.owner), String(o.open), String(o.openPastTarget)])),
    );
  }
  out.push(
    '',
    '### By signal type',
    '',
    ...tableLines(
      ['Type', 'Signals', 'Touched', 'Open', `Past ${s.targetHours} h`, 'Median latency', `Within ${s.targetHours} h`],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
      s.byType.map((x) => [md(x.type, 40), String(x.total), String(x.touched), String(x.open), String(x.openPastTarget), hours(x.medianLatencyHours), percent(x.withinTargetShare)]),
    ),
  );
  return out;
}

function messagingMd(r: MessagingReport): string[] {
  const out = [`## ${SECTION_TITLES.messaging}`, ''];
  if (r.total === 0) return [...out, NOTHING_YET.messaging.replace('abx new messaging <id>', '`abx new messaging <id>`')];
  out.push(`${plural(r.total, 'messaging file')}; benefits for served segments ${coverageText(r.benefitCoverage)}; personas with a message ${coverageText(r.personaCoverage)}.`);
  for (const m of r.messaging) {
    out.push('', `### ${md(m.name, 80)} (${code(m.id)})`, '');
    out.push(`Serves ${m.columns.filter((c) => c.served).map((c) => code(c.segment)).join(', ') || 'no segment'}.`, '');
    out.push(`**Category narrative:** ${m.categoryNarrative === null ? '**missing**' : md(m.categoryNarrative, 600)}`, '');
    out.push(`**Capability matrix** (benefits ${coverageText(m.benefitCoverage)}; **GAP** = a served segment without a benefit)`, '');
    if (m.capabilities.length === 0) out.push('No capabilities yet.');
    else
      out.push(
        ...tableLines(
          ['Capability', 'So what', ...m.columns.map((c) => `${code(c.segment)}${c.served ? '' : ' (not served)'}`)],
          ['l', 'l', ...m.columns.map(() => 'l' as const)],
          m.capabilities.map((c) => [md(c.capability, 120), c.soWhat === null ? '**missing**' : md(c.soWhat, 300), ...c.cells.map((x) => (x.benefit !== null ? md(x.benefit, 300) : x.gap ? '**GAP**' : '—'))]),
        ),
      );
    out.push('', `**Persona map** (personas ${coverageText(m.personaCoverage)})`, '');
    if (m.personas.length > 0)
      out.push(
        ...tableLines(
          ['Persona', 'Cares about', 'Message', 'Proof points'],
          ['l', 'l', 'l', 'l'],
          m.personas.map((p) => [
            md(p.persona, 80),
            p.caresAbout === null ? '—' : md(p.caresAbout, 200),
            p.message === null ? '—' : md(p.message, 300),
            p.proofPoints.length === 0 ? '**none**' : p.proofPoints.map((x) => (x.name === null ? `${code(x.id)} (no such collateral)` : `${md(x.name, 80)} (${code(x.id)})`)).join('; '),
          ]),
        ),
      );
    if (m.missingPersonas.length > 0) out.push('', `**No message for:** ${m.missingPersonas.map((x) => md(x, 80)).join(', ')}`);
    if (m.keywords.length > 0) out.push('', `Keywords: ${m.keywords.map((x) => md(x, 80)).join(' · ')}`);
  }
  return out;
}

function collateralMd(r: CollateralReport): string[] {
  const out = [`## ${SECTION_TITLES.collateral}`, ''];
  if (r.total === 0) return [...out, NOTHING_YET.collateral.replace('abx new collateral <id> --type case-study', '`abx new collateral <id> --type case-study`')];
  out.push(
    `${plural(r.total, 'asset')}; review: ${r.review.overdue > 0 ? `**${r.review.overdue} overdue**` : '0 overdue'}, ${r.review.never} never reviewed, ${r.review.due} due, ${r.review.ok} on time. Metrics: ${r.metrics.met} met, ${r.metrics.missed} missed, ${r.metrics['no-data']} no data, ${r.metrics['no-target']} without a target.`,
    '',
    ...tableLines(['Type', 'Assets'], ['l', 'r'], r.byType.map((x) => [x.type, String(x.count)])),
    '',
    '### Assets (overdue first)',
    '',
    ...tableLines(
      ['Asset', 'Type', 'Review', 'Metrics against targets'],
      ['l', 'l', 'l', 'l'],
      r.assets.map((a) => [
        `${md(a.name, 80)} (${code(a.id)})`,
        a.type,
        a.review === 'overdue' || a.review === 'never' ? `**${reviewText(a)}**` : reviewText(a),
        a.metrics.length === 0 ? '**no metrics**' : a.metrics.map((m) => `${md(m.metric, 80)}: ${md(metricText(m), 120)}`).join('; '),
      ]),
    ),
  );
  return out;
}

function planMd(r: PlanReport): string[] {
  const out = [`## ${SECTION_TITLES.plan}`, ''];
  const plan = r.plan;
  if (plan === null) return [...out, NOTHING_YET.plan.replace('plan.md', '`plan.md`')];
  out.push(`${md(plan.name, 80)}: started ${plan.started}, day ${plan.day}, ${plan.done} of ${plural(plan.total, 'task')} done.`, '');
  out.push(...tableLines(['Phase', 'Ends', 'Done', 'Status'], ['l', 'l', 'r', 'l'], plan.phases.map((p) => [p.label, p.ends, `${p.done}/${p.total}`, p.status === 'overdue' ? `**${PHASE_LABELS[p.status]}**` : PHASE_LABELS[p.status]])));
  for (const p of plan.phases) {
    const open = p.tasks.filter((x) => !x.done);
    if (open.length > 0) out.push('', `Open in ${p.label}:`, '', ...open.map((x) => `- ${md(x.text, 300)}`));
  }
  return out;
}

function roiMd(r: RoiReport): string[] {
  const out = [`## ${SECTION_TITLES.roi}`, ''];
  if (r.periods.length === 0 || r.total === null) return [...out, NOTHING_YET.roi.replace('deals:', '`deals:`').replace('investments/*.yaml', '`investments/*.yaml`')];
  const all = r.total;
  const row = (label: string, p: typeof all) => [label, usdText(p.revenueUsd), usdText(p.investmentUsd), pct(p.roi), pct(p.winRate), `${p.won} / ${p.lost}`, usdText(p.averageDealUsd), usdText(p.pipelineCreatedUsd)];
  out.push(
    `ROI = (revenue − investment) ÷ investment, by ${r.granularity}.`,
    '',
    ...tableLines(
      ['Period', 'Revenue', 'Investment', 'ROI', 'Win rate', 'Won / lost', 'Avg deal', 'Pipeline created'],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      [...r.periods.map((p) => row(p.period, p)), ...(r.periods.length > 1 ? [row('**all**', all)] : [])],
    ),
    '',
    `### Win rate by tier${r.periods.length > 1 ? ' (all periods)' : ''}`,
    '',
    ...tableLines(
      ['Tier (as of today)', 'Won / lost', 'Win rate'],
      ['l', 'r', 'r'],
      [
        ...all.winRateByFit.map((x) => [`fit ${x.tier} ${x.name}`, `${x.won} / ${x.lost}`, pct(x.winRate)]),
        ...all.winRateByPure.filter((x) => x.tier !== null || x.won + x.lost > 0).map((x) => [x.tier === null ? 'PURE unscored' : `PURE ${x.tier} ${x.name}`, `${x.won} / ${x.lost}`, pct(x.winRate)]),
      ],
    ),
  );
  return out;
}

function calibrationMd(c: CalibrationReport): string[] {
  const out = [`## ${SECTION_TITLES.calibration}`, ''];
  if (c.closedDeals === 0) return [...out, NOTHING_YET.calibration.replace('deals:', '`deals:`')];
  const cells = (r: CalibrationRow) => [String(r.count), String(r.won), pct(r.winRate), liftText(r.lift)];
  const head = ['Deals', 'Won', 'Win rate', 'Lift'];
  const [first, second] = c.models;
  out.push(
    `${plural(c.closedDeals, 'closed deal')} (${wonLost(c)}), overall win rate ${pct(c.winRate)}; each account scored as of its deal's created date.`,
    '',
    '### By fit tier',
    '',
    ...tableLines(
      ['Fit tier at created', ...head, ...(second ? head.map((h) => `${h} (--weights)`) : [])],
      ['l', 'r', 'r', 'r', 'r', ...(second ? (['r', 'r', 'r', 'r'] as const) : [])],
      (first?.fit ?? []).map((r, i) => [`${r.tier} ${r.name}`, ...cells(r), ...(second?.fit[i] ? cells(second.fit[i] as CalibrationRow) : [])]),
    ),
    '',
    ...c.models.map((m) => `- ${m.label === 'config' ? 'Weights of the config' : 'Weights of `--weights`'} (${weightsText(m.weights)}): **${VERDICT_LABELS[m.verdict]}** — ${m.reason}`),
    '',
    '### By PURE tier',
    '',
    ...tableLines(['PURE tier at created', ...head], ['l', 'r', 'r', 'r', 'r'], c.pure.filter((r) => r.tier !== null || r.count > 0).map((r) => [r.tier === null ? 'unscored' : `${r.tier} ${r.name}`, ...cells(r)])),
  );
  return out;
}

export const render: Renderer<ReportView> = (v) => renderReportMarkdown(v.report);

/**
 * `abx review weekly|biweekly|monthly|quarterly`: the learning-loop agenda of method.md §6 for the
 * as-of date, as sections of short items. Pure: the weekly tier changes need the workspace as it
 * was a week ago, which the CLI reads from git and passes in (or says why it could not).
 */
import type { Analysis } from './analyze.js';
import { formatDay } from './dates.js';
import { WIN_LOSS_DIMENSIONS } from './kinds/account-deals.js';
import { betsReport } from './report/bets.js';
import { budgetGuidance } from './report/budget.js';
import { calibrationReport } from './report/calibration.js';
import { dealFacts, isClosed, sumAmounts, usd, usdText, winRateOf } from './report/deals.js';
import { kpisReport, type KpiRow } from './report/kpis.js';
import { periodSpan, type PeriodSpan } from './report/periods.js';
import { investmentIn, periodLabel, roiReport } from './report/roi.js';
import { SIGNAL_TARGET_HOURS } from './scoring/signals.js';
import type { AccountScore } from './scoring/account.js';

export const CADENCES = ['weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export type Cadence = (typeof CADENCES)[number];

export interface AgendaSection {
  id: string;
  title: string;
  /** One line each; user text is raw here and escaped by the renderer. */
  items: string[];
  /** Said when there are no items, or why the section could not be made. */
  note: string | null;
}

export interface Agenda {
  cadence: Cadence;
  asOf: string;
  /** The first day the agenda looks back to. */
  since: string;
  sections: AgendaSection[];
}

/** What the weekly agenda compares with: the scores at the last commit a week ago, or why there are none. */
export type WeekAgo = { commit: string; scores: ReadonlyMap<string, AccountScore> } | { missing: string };

const SPAN_DAYS: Record<Cadence, number> = { weekly: 7, biweekly: 14, monthly: 30, quarterly: 91 };

const section = (id: string, title: string, items: string[], empty: string): AgendaSection => ({ id, title, items, note: items.length === 0 ? empty : null });

export function buildAgenda(analysis: Analysis, cadence: Cadence, weekAgo?: WeekAgo): Agenda {
  const { asOfDay } = analysis;
  const sinceDay = asOfDay - SPAN_DAYS[cadence] + 1;
  const since = formatDay(sinceDay);
  const scores = [...analysis.scores.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const kpiRows = (tier: KpiRow['tier']) =>
    kpisReport(analysis).groups.find((g) => g.tier === tier)?.kpis.map((k) => `${k.id}: ${k.latest ? `${k.latest.value} (${k.source === 'computed' || k.latest.source === 'computed' ? 'computed ' : ''}${k.latest.period})` : 'no data'} · target ${k.targetText} · ${k.status === 'no-data' ? 'no data' : k.status}`) ?? [];
  const deals = dealFacts(analysis);
  const sections: AgendaSection[] = [];

  if (cadence === 'weekly') {
    const open = scores.flatMap((s) => s.signals.filter((g) => g.openHours !== null && g.openHours > SIGNAL_TARGET_HOURS).map((g) => `${s.id}: ${g.type} signal of ${g.date} open for ${Math.round(g.openHours ?? 0)} h: ${g.summary}`));
    sections.push(section('untouched-signals', `Signals without a first touch after ${SIGNAL_TARGET_HOURS} hours`, open, 'None: every signal older than 72 hours has been touched.'));
    const recent = scores.flatMap((s) => s.signals.filter((g) => g.date.slice(0, 10) >= since && g.date.slice(0, 10) <= analysis.asOf).map((g) => `${s.id}: ${g.type} (${g.date})${g.firstTouch ? `, touched ${g.firstTouch}` : ', not touched yet'}: ${g.summary}`));
    sections.push(section('recent-signals', `Signals since ${since}`, recent, 'No signals in the last 7 days.'));
    if (!weekAgo || 'missing' in weekAgo) {
      const why = weekAgo && 'missing' in weekAgo ? weekAgo.missing : 'no git history was read';
      sections.push({ id: 'tier-changes', title: 'Tier changes this week', items: [], note: `Skipped: ${why}.` });
      sections.push({ id: 'new-mqas', title: 'New MQAs this week', items: [], note: `Skipped: ${why}.` });
    } else {
      const before = weekAgo.scores;
      const changes = scores.flatMap((s) => {
        const b = before.get(s.id);
        const out: string[] = [];
        const pureNow = s.pure?.tier ?? null;
        const pureThen = b ? (b.pure?.tier ?? null) : undefined;
        if (!b) out.push(`${s.id}: new account (PURE ${pureNow ?? 'unscored'}, fit ${s.fit.tier})`);
        else {
          if (pureThen !== pureNow) out.push(`${s.id}: PURE tier ${pureThen ?? 'unscored'} → ${pureNow ?? 'unscored'}`);
          if (b.fit.tier !== s.fit.tier) out.push(`${s.id}: fit tier ${b.fit.tier} → ${s.fit.tier} (${b.fit.score} → ${s.fit.score})`);
        }
        return out;
      });
      const at = weekAgo.commit.slice(0, 7);
      sections.push(section('tier-changes', `Tier changes since commit ${at}`, changes, `No tier changed since commit ${at}.`));
      const mqas = scores.filter((s) => s.mqa && !before.get(s.id)?.mqa).map((s) => `${s.id}: ${s.engagedStakeholders} engaged stakeholders`);
      sections.push(section('new-mqas', `New MQAs since commit ${at}`, mqas, 'No new MQAs.'));
    }
    sections.push(section('leading-kpis', 'Leading KPIs', kpiRows('leading'), 'No leading KPIs.'));
  }

  if (cadence === 'biweekly') {
    const closed = deals.filter(isClosed).filter((d) => d.closedDay >= sinceDay && d.closedDay <= asOfDay);
    const items = closed.map((d) => {
      const wl = d.deal.win_loss;
      const parts = wl ? WIN_LOSS_DIMENSIONS.filter((k) => wl[k] !== undefined).map((k) => `${k.replace('_', ' ')}: ${Array.isArray(wl[k]) ? (wl[k] as string[]).join(', ') : wl[k]}`) : ['no win/loss record yet'];
      return `${d.account} · ${d.deal.id}: ${d.result} ${usdText(usd(d.amount))} on ${d.deal.closed} — ${parts.join('; ')}`;
    });
    sections.push(section('closed-deals', `Deals closed since ${since}`, items, 'No deals closed in the last 14 days.'));
    const allClosed = deals.filter(isClosed).filter((d) => d.closedDay <= asOfDay);
    sections.push(section('decision-criteria', 'Most frequent decision criteria (all closed deals)', topCounts(allClosed.flatMap((d) => d.deal.win_loss?.decision_criteria ?? [])), 'No decision criteria recorded yet.'));
    sections.push(section('competitors', 'Most frequent competitors (all deals)', topCounts(deals.flatMap((d) => d.deal.competitors ?? [])), 'No competitors recorded yet.'));
  }

  if (cadence === 'monthly') {
    const bets = betsReport(analysis);
    const running = bets.columns.find((c) => c.status === 'running')?.bets ?? [];
    const due = running
      .filter((b) => b.reviewBy !== null && b.reviewBy <= formatDay(asOfDay + 30))
      .map((b) => `${b.id}: review by ${b.reviewBy}${b.overdue ? ` (overdue ${b.daysOverdue} days)` : ''} · kill if ${b.killCondition ?? 'no kill condition'}`);
    sections.push(section('bets-due', 'Running bets due or overdue for review (kill or amplify?)', due, 'No running bet is due for review in the next 30 days.'));
    sections.push(section('core-kpis', 'Core KPIs', kpiRows('core'), 'No core KPIs.'));
    const month = periodLabel(asOfDay, 'month');
    const p = roiReport(analysis, { period: month }).periods[0];
    sections.push(section('month', `Pipeline and revenue in ${month}`, p ? [`pipeline created ${usdText(p.pipelineCreatedUsd)} (${p.dealsCreated} deals)`, `revenue won ${usdText(p.revenueUsd)} (${p.won} won, ${p.lost} lost)`] : [], 'No deals this month.'));
  }

  if (cadence === 'quarterly') {
    sections.push(section('lagging-kpis', 'Lagging KPIs', kpiRows('lagging'), 'No lagging KPIs.'));
    const quarter = periodLabel(asOfDay, 'quarter');
    const q = roiReport(analysis, { period: quarter }).periods[0];
    sections.push(
      section(
        'roi',
        `ROI for ${quarter}`,
        q ? [`revenue ${usdText(q.revenueUsd)}, investment ${usdText(q.investmentUsd)}, ROI ${q.roi === null ? '— (no investment recorded)' : `${q.roi}%`}`, `win rate ${q.winRate === null ? '—' : `${q.winRate}%`} (${q.won} won, ${q.lost} lost), pipeline created ${usdText(q.pipelineCreatedUsd)}`] : [],
        'Nothing recorded this quarter.',
      ),
    );
    const cal = calibrationReport(analysis).models[0];
    sections.push(section('calibration', 'Calibration (all closed deals, scored as of creation)', cal ? [`${cal.verdict === 'not-predictive' ? 'NOT PREDICTIVE' : cal.verdict === 'predictive' ? 'predictive' : 'not enough data yet'}: ${cal.reason}`, ...cal.fit.map((r) => `fit tier ${r.tier}: ${r.count} deals, win rate ${r.winRate === null ? '—' : `${r.winRate}%`}, lift ${r.lift === null ? '—' : r.lift.toFixed(2)}`)] : [], 'No closed deals yet.'));
    const inQuarter = deals.filter(isClosed).filter((d) => periodLabel(d.closedDay, 'quarter') === quarter && d.closedDay <= asOfDay);
    const bySegment = new Map<string, typeof inQuarter>();
    for (const d of inQuarter) {
      const seg = analysis.scores.get(d.account)?.segment ?? 'no segment';
      bySegment.set(seg, [...(bySegment.get(seg) ?? []), d]);
    }
    const segItems = [...bySegment.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([seg, list]) => {
      const r = winRateOf(list);
      return `${seg}: ${r.won} won, ${r.lost} lost, revenue ${usdText(usd(sumAmounts(list.filter((d) => d.result === 'won'))))}`;
    });
    sections.push(section('segments', `Results by segment in ${quarter}`, segItems, 'No deals closed this quarter.'));
    const proposed = betsReport(analysis).columns.find((c) => c.status === 'proposed')?.bets ?? [];
    sections.push(section('proposed-bets', 'Proposed bets (the hypothesis slate)', proposed.map((b) => `${b.id}: ${b.hypothesis ?? b.name}`), 'No proposed bets: add one with abx new bet <id>.'));
    const g = budgetGuidance(analysis.config.stage);
    const span = periodSpan(quarter) as PeriodSpan;
    const spent = new Map<string, number>();
    for (const e of analysis.investments.filter((x) => investmentIn(x, span))) spent.set(e.record.category, (spent.get(e.record.category) ?? 0) + e.record.amount_usd);
    const total = [...spent.values()].reduce((s, v) => s + v, 0);
    const shares = [...spent.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, v]) => `${c}: ${usdText(v)} (${Math.round((v / total) * 1000) / 10}%)`);
    sections.push(section('budget', `Budget: guidance for ${g.label} is ${g.primary.area} ${g.primary.percent}%, ${g.secondary.area} ${g.secondary.percent}%`, shares, `No investment recorded for ${quarter}.`));
  }

  return { cadence, asOf: analysis.asOf, since, sections };
}

/** The five most frequent values, most frequent first, then alphabetically. */
function topCounts(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, 5).map(([v, n]) => `${v} (${n})`);
}

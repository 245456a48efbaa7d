/**
 * The four KPIs method.md §5 computes from deals, for the periods that have no KPI record of
 * their own (a record always wins): `competitive-win-rate` and `revenue-influenced` per quarter,
 * `pipeline-velocity` per month, `deal-influence-rate` for the as-of month (it is a snapshot of
 * the open pipeline). Shares are 0..1 like the records, rounded once to a tenth of a percent.
 */
import type { Analysis } from '../analyze.js';
import { dayNumber } from '../dates.js';
import { div, exact, type Exact } from '../scoring/exact.js';
import { dealFacts, isClosed, roundExact, sumAmounts, type DealFact } from './deals.js';
import { median } from './numbers.js';
import { periodLabel } from './roi.js';

export interface ComputedPoint {
  kpi: string;
  period: string;
  value: number;
  note: string;
}

const share = (part: Exact, whole: Exact): number | null => (whole.n === 0n ? null : roundExact(div(part, whole), 3));

export function dealKpiPoints(analysis: Analysis): ComputedPoint[] {
  const { asOfDay } = analysis;
  const deals = dealFacts(analysis).filter((d) => d.createdDay <= asOfDay);
  const closed = deals.filter(isClosed).filter((d) => d.closedDay <= asOfDay);
  // The earliest engagement activity of each account, as a day number.
  const firstTouch = new Map<string, number>();
  for (const [id, entry] of analysis.accounts) {
    const days = (entry.data.engagement ?? []).map((a) => dayNumber(a.date)).filter((d): d is number => d !== undefined);
    if (days.length > 0) firstTouch.set(id, Math.min(...days));
  }
  const touchedBy = (d: DealFact, day: number) => (firstTouch.get(d.account) ?? Infinity) <= day;
  const out: ComputedPoint[] = [];
  const byPeriod = <T>(items: readonly T[], label: (t: T) => string) => {
    const map = new Map<string, T[]>();
    for (const t of items) map.set(label(t), [...(map.get(label(t)) ?? []), t]);
    return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  };

  for (const [period, list] of byPeriod(closed.filter((d) => (d.deal.competitors ?? []).length > 0), (d) => periodLabel(d.closedDay, 'quarter'))) {
    const won = list.filter((d) => d.result === 'won').length;
    out.push({ kpi: 'competitive-win-rate', period, value: share(exact(BigInt(won)), exact(BigInt(list.length))) as number, note: `computed: ${won} won of ${list.length} closed deals with a competitor` });
  }

  const withProposal = deals.filter((d) => d.proposalDay !== undefined && d.proposalDay <= asOfDay && touchedBy(d, d.proposalDay));
  for (const [period, list] of byPeriod(withProposal, (d) => periodLabel(d.proposalDay as number, 'month'))) {
    const days = list.map((d) => (d.proposalDay as number) - (firstTouch.get(d.account) as number));
    out.push({ kpi: 'pipeline-velocity', period, value: roundExact(exact(BigInt(Math.round((median(days) as number) * 2)), 2n), 1), note: `computed: median of ${list.length} deals, first engagement to proposal` });
  }

  const open = deals.filter((d) => d.result === 'open');
  const openAmount = sumAmounts(open);
  const influenced = share(sumAmounts(open.filter((d) => touchedBy(d, d.createdDay))), openAmount);
  if (influenced !== null) out.push({ kpi: 'deal-influence-rate', period: periodLabel(asOfDay, 'month'), value: influenced, note: `computed: open pipeline of ${open.length} deals on ${analysis.asOf}` });

  for (const [period, list] of byPeriod(closed.filter((d) => d.result === 'won'), (d) => periodLabel(d.closedDay, 'quarter'))) {
    const value = share(sumAmounts(list.filter((d) => touchedBy(d, d.closedDay))), sumAmounts(list));
    if (value !== null) out.push({ kpi: 'revenue-influenced', period, value, note: `computed: ${list.length} won deals` });
  }
  return out;
}

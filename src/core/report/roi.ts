/**
 * The ROI report (method.md §5, §6): per month or quarter, revenue won, investment, ROI, win
 * rate overall and by fit and PURE tier (the accounts' tiers at the as-of date), average deal
 * size and pipeline created. A deal belongs to a period by the date each figure names: revenue,
 * win rate and average deal by `closed`, pipeline by `created`.
 */
import type { Analysis } from '../analyze.js';
import { formatDay } from '../dates.js';
import type { InvestmentEntry } from '../kinds/investment.js';
import { add, div, exact, fromNumber, mul, sum, type Exact } from '../scoring/exact.js';
import { FIT_TIERS } from '../scoring/fit.js';
import { PURE_TIERS } from '../scoring/pure.js';
import { dealFacts, isClosed, percentOf, sumAmounts, usd, winRateOf, type DealFact } from './deals.js';
import { periodSpan, type PeriodSpan } from './periods.js';

export type RoiGranularity = 'month' | 'quarter';

export interface TierWinRate {
  /** Fit tier 1-3 or PURE tier 1-5; null for accounts without a PURE score. */
  tier: number | null;
  name: string;
  won: number;
  lost: number;
  winRate: number | null;
}

export interface RoiPeriod {
  period: string;
  start: string;
  end: string;
  revenueUsd: number;
  investmentUsd: number;
  /** (revenue − investment) ÷ investment in percent, one decimal; null when investment is 0. */
  roi: number | null;
  winRate: number | null;
  won: number;
  lost: number;
  winRateByFit: TierWinRate[];
  winRateByPure: TierWinRate[];
  /** Mean amount of the won deals closed in the period; null with none. */
  averageDealUsd: number | null;
  pipelineCreatedUsd: number;
  dealsCreated: number;
}

export interface RoiReport {
  granularity: RoiGranularity;
  /** Periods with deals or investment up to the as-of date, oldest first (one when --period names it). */
  periods: RoiPeriod[];
  /** The same figures over every period listed. */
  total: Omit<RoiPeriod, 'period' | 'start' | 'end'> | null;
}

export interface RoiOptions {
  /** `month`, `quarter` (the default), or one period: `2026-Q3`, `2026-10`. */
  period?: string;
}

const ONE_PERIOD = /^\d{4}-(?:0[1-9]|1[0-2]|Q[1-4])$/;

/** Whether `--period` is something the ROI report understands. */
export function isRoiPeriodOption(value: string): boolean {
  return value === 'month' || value === 'quarter' || ONE_PERIOD.test(value);
}

/** The month or quarter label of a day. */
export function periodLabel(day: number, granularity: RoiGranularity): string {
  const date = formatDay(day);
  const month = Number(date.slice(5, 7));
  return granularity === 'month' ? date.slice(0, 7) : `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

export function roiReport(analysis: Analysis, options: RoiOptions = {}): RoiReport {
  const { asOfDay } = analysis;
  const option = options.period ?? 'quarter';
  const single = ONE_PERIOD.test(option) ? option : undefined;
  const granularity: RoiGranularity = single ? (single.includes('Q') ? 'quarter' : 'month') : option === 'month' ? 'month' : 'quarter';

  // Nothing dated after the as-of date counts: it is a future-date error, not a result.
  const deals = dealFacts(analysis).filter((d) => d.createdDay <= asOfDay && (d.closedDay === undefined || d.closedDay <= asOfDay));
  const investments = analysis.investments.filter((e) => (periodSpan(e.record.period)?.startDay ?? Infinity) <= asOfDay);

  let labels: string[];
  if (single) {
    labels = [single];
  } else {
    const found = new Set<string>();
    for (const d of deals) {
      found.add(periodLabel(d.createdDay, granularity));
      if (isClosed(d)) found.add(periodLabel(d.closedDay, granularity));
    }
    for (const e of investments) {
      const span = periodSpan(e.record.period);
      // A quarter's record is not split across its months: in the month view it counts nowhere.
      if (span && (granularity === 'quarter' || span.granularity === 'month')) found.add(periodLabel(span.startDay, granularity));
    }
    labels = [...found].sort();
  }

  const spans = labels.map((label) => ({ label, span: periodSpan(label) as PeriodSpan }));
  const periods = spans.map(({ label, span }) => ({
    period: label,
    start: formatDay(span.startDay),
    end: formatDay(span.endDay),
    ...figures(analysis, deals, investments, (day) => day >= span.startDay && day <= span.endDay, (e) => investmentIn(e, span)),
  }));
  const total =
    spans.length === 0
      ? null
      : figures(
          analysis,
          deals,
          investments,
          (day) => spans.some(({ span }) => day >= span.startDay && day <= span.endDay),
          (e) => spans.some(({ span }) => investmentIn(e, span)),
        );
  return { granularity, periods, total };
}

/** A record counts in a period it lies within: a quarter holds its months' records. */
export function investmentIn(entry: InvestmentEntry, span: PeriodSpan): boolean {
  const own = periodSpan(entry.record.period);
  return own !== undefined && own.startDay >= span.startDay && own.endDay <= span.endDay;
}

function figures(
  analysis: Analysis,
  deals: readonly DealFact[],
  investments: readonly InvestmentEntry[],
  inPeriod: (day: number) => boolean,
  counts: (e: InvestmentEntry) => boolean,
): Omit<RoiPeriod, 'period' | 'start' | 'end'> {
  const closed = deals.filter((d) => isClosed(d) && inPeriod(d.closedDay as number));
  const won = closed.filter((d) => d.result === 'won');
  const created = deals.filter((d) => inPeriod(d.createdDay));
  const revenue = sumAmounts(won);
  const investment: Exact = sum(investments.filter(counts).map((e) => fromNumber(e.record.amount_usd)));
  const rate = winRateOf(closed);
  const fitOf = (d: DealFact) => analysis.scores.get(d.account)?.fit.tier;
  const pureOf = (d: DealFact) => {
    const s = analysis.scores.get(d.account);
    return s === undefined ? undefined : (s.pure?.tier ?? null);
  };
  return {
    revenueUsd: usd(revenue),
    investmentUsd: usd(investment),
    roi: investment.n === 0n ? null : percentOf(add(revenue, mul(investment, exact(-1n))), investment),
    winRate: rate.winRate,
    won: rate.won,
    lost: rate.lost,
    winRateByFit: FIT_TIERS.map((t) => ({ tier: t.tier, name: t.name, ...winRateOf(closed.filter((d) => fitOf(d) === t.tier)) })),
    winRateByPure: [
      ...PURE_TIERS.map((t) => ({ tier: t.tier as number | null, name: t.name, ...winRateOf(closed.filter((d) => pureOf(d) === t.tier)) })),
      { tier: null, name: 'Unscored', ...winRateOf(closed.filter((d) => pureOf(d) === null)) },
    ],
    averageDealUsd: won.length === 0 ? null : usd(div(revenue, exact(BigInt(won.length)))),
    pipelineCreatedUsd: usd(sumAmounts(created)),
    dealsCreated: created.length,
  };
}


/**
 * Deals as the reports read them (method.md §5): every deal of every readable account, with its
 * dates as day numbers and its amount as an exact decimal, and the money helpers the ROI,
 * calibration and KPI computations share. Money is summed exactly (`scoring/exact.ts`);
 * percentages are rounded once, half away from zero, to one decimal.
 */
import type { Analysis } from '../analyze.js';
import { dayNumber } from '../dates.js';
import { resultOf, type Deal, type DealResult } from '../kinds/account-deals.js';
import { div, exact, fromNumber, mul, roundTenth, sum, type Exact } from '../scoring/exact.js';

export interface DealFact {
  account: string;
  deal: Deal;
  result: DealResult;
  amount: Exact;
  createdDay: number;
  proposalDay: number | undefined;
  /** Only for won and lost deals. */
  closedDay: number | undefined;
}

/** Deals of the accounts, in account-id then list order; deals whose dates cannot be read are left out. */
export function dealFacts(analysis: Analysis): DealFact[] {
  const out: DealFact[] = [];
  const ids = [...analysis.accounts.keys()].sort();
  for (const id of ids) {
    for (const deal of analysis.accounts.get(id)?.data.deals ?? []) {
      const createdDay = dayNumber(deal.created);
      if (createdDay === undefined) continue;
      const result = resultOf(deal);
      const closedDay = result === 'open' || deal.closed === undefined ? undefined : dayNumber(deal.closed);
      out.push({ account: id, deal, result, amount: fromNumber(deal.amount_usd), createdDay, proposalDay: deal.proposal === undefined ? undefined : dayNumber(deal.proposal), closedDay });
    }
  }
  return out;
}

/** A closed deal: won or lost with a readable closed date. */
export const isClosed = (d: DealFact): d is DealFact & { closedDay: number } => d.result !== 'open' && d.closedDay !== undefined;

/** Rounded half away from zero to `places` decimals, decided exactly. */
export function roundExact(value: Exact, places: number): number {
  const scale = 10n ** BigInt(places);
  const scaled = value.n * scale;
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const rounded = (2n * abs + value.d) / (2n * value.d);
  return Number(negative ? -rounded : rounded) / Number(scale) + 0;
}

/** Dollars as a JSON number: exact sums of decimals, rounded to cents. */
export const usd = (value: Exact): number => roundExact(value, 2);

export const sumAmounts = (deals: readonly DealFact[]): Exact => sum(deals.map((d) => d.amount));

/** part ÷ whole in percent, one decimal; null when whole is 0. */
export function percentOf(part: Exact, whole: Exact): number | null {
  return whole.n === 0n ? null : roundTenth(mul(div(part, whole), exact(100n)));
}

/** Won ÷ (won + lost) in percent, one decimal; null without closed deals. */
export function winRateOf(deals: readonly DealFact[]): { won: number; lost: number; winRate: number | null } {
  const won = deals.filter((d) => d.result === 'won').length;
  const lost = deals.filter((d) => d.result === 'lost').length;
  return { won, lost, winRate: percentOf(exact(BigInt(won)), exact(BigInt(won + lost))) };
}

/** "$1,200,000", "$45,000.50"; "—" for null. */
export function usdText(value: number | null): string {
  if (value === null) return '—';
  const [whole = '0', cents] = Math.abs(value).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '−' : ''}$${grouped}${cents === '00' ? '' : `.${cents}`}`;
}

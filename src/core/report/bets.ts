/**
 * The bet board: every bet by status, overdue reviews first, each with its kill condition, and
 * counts by category. A running bet whose `review_by` is before the as-of date is overdue.
 */
import type { Analysis } from '../analyze.js';
import { dayNumber } from '../dates.js';
import type { Bet } from '../kinds/bet.js';
import { BET_CATEGORIES, BET_STATUSES } from '../schemas.js';

export type BetStatus = (typeof BET_STATUSES)[number];

export interface BetCard {
  id: string;
  file: string;
  name: string;
  category: string | null;
  status: BetStatus;
  owner: string | null;
  hypothesis: string | null;
  killCondition: string | null;
  started: string | null;
  reviewBy: string | null;
  overdue: boolean;
  /** Days past `review_by` at the as-of date, for overdue bets. */
  daysOverdue: number | null;
  result: string | null;
}

export interface BetColumn {
  status: BetStatus;
  count: number;
  bets: BetCard[];
}

export interface BetsReport {
  total: number;
  /** Ids of overdue bets, most overdue first. */
  overdue: string[];
  columns: BetColumn[];
  /** Every category of format.md in order, then "uncategorized" when a bet has none. */
  byCategory: { category: string; count: number }[];
}

export function betsReport(analysis: Analysis): BetsReport {
  const cards = [...analysis.bets.values()].map((entry) => betCard(entry.id, entry.file, entry.data, analysis.asOfDay));
  cards.sort(boardOrder);
  const columns = BET_STATUSES.map((status) => {
    const bets = cards.filter((c) => c.status === status);
    return { status, count: bets.length, bets };
  });
  const byCategory: { category: string; count: number }[] = BET_CATEGORIES.map((category) => ({ category, count: cards.filter((c) => c.category === category).length }));
  const uncategorized = cards.filter((c) => c.category === null).length;
  if (uncategorized > 0) byCategory.push({ category: 'uncategorized', count: uncategorized });
  return { total: cards.length, overdue: cards.filter((c) => c.overdue).map((c) => c.id), columns, byCategory };
}

const text = (v: string | null | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

function betCard(id: string, file: string, bet: Bet, asOfDay: number): BetCard {
  const reviewDay = bet.review_by ? dayNumber(bet.review_by) : undefined;
  const overdue = bet.status === 'running' && reviewDay !== undefined && reviewDay < asOfDay;
  return {
    id,
    file,
    name: bet.name,
    category: bet.category ?? null,
    status: bet.status,
    owner: text(bet.owner),
    hypothesis: text(bet.hypothesis),
    killCondition: text(bet.kill_condition),
    started: bet.started ?? null,
    reviewBy: bet.review_by ?? null,
    overdue,
    daysOverdue: overdue && reviewDay !== undefined ? asOfDay - reviewDay : null,
    result: text(bet.result),
  };
}

/** Overdue first (most overdue on top), then the nearest review, then by name. */
function boardOrder(a: BetCard, b: BetCard): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.overdue && b.overdue && a.daysOverdue !== b.daysOverdue) return (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0);
  if (a.reviewBy !== b.reviewBy) {
    if (a.reviewBy === null) return 1;
    if (b.reviewBy === null) return -1;
    return a.reviewBy < b.reviewBy ? -1 : 1;
  }
  return a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** What `abx list` shows of an account, as data for every format: the weekly meeting's columns. */
import { accountSummary, type AccountSummary } from '../../core/summary.js';

export type ListRow = AccountSummary;
export const listRow = accountSummary;

export const LIST_CSV_COLUMNS = ['id', 'name', 'segment', 'owner', 'motion', 'pure_tier', 'pure_tier_name', 'fit_score', 'fit_tier', 'fit_tier_name', 'mqa', 'next_action'] as const;

export function listCsvRow(r: ListRow): (string | number | boolean | null)[] {
  return [r.id, r.name, r.segment, r.owner, r.motion, r.pureTier, r.pureTierName, r.fitScore, r.fitTier, r.fitTierName, r.mqa, r.nextAction];
}

export const NO_SEGMENT = 'no segment';
export const NO_OWNER = 'no owner';

export function pureTierText(r: ListRow): string {
  return r.pureTier === null ? 'unscored' : `${r.pureTier} ${r.pureTierName}`;
}

export function fitTierText(r: ListRow): string {
  return `${r.fitTier} ${r.fitTierName} (${r.fitScore})`;
}

/** The line under the list: how many accounts, and how many of all when filters left some out. */
export function listSummary(shown: number, total: number): string {
  const of = shown === total ? '' : ` of ${total}`;
  return `${shown}${of} ${total === 1 ? 'account' : 'accounts'}`;
}

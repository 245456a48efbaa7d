/** What `abx list` shows of an account, as data for every format: the weekly meeting's columns. */
import type { AccountScore } from '../../core/scoring/account.js';

export interface ListRow {
  id: string;
  name: string;
  /** null: no segment assigned, shown as such (fit stays incomplete until one is). */
  segment: string | null;
  owner: string | null;
  motion: string | null;
  pureTier: number | null;
  pureTierName: string | null;
  fitScore: number;
  fitTier: number;
  fitTierName: string;
  mqa: boolean;
  nextAction: string | null;
}

export function listRow(s: AccountScore): ListRow {
  return {
    id: s.id,
    name: s.name,
    segment: s.segment,
    owner: s.owner,
    motion: s.motion,
    pureTier: s.pure?.tier ?? null,
    pureTierName: s.pure?.tierName ?? null,
    fitScore: s.fit.score,
    fitTier: s.fit.tier,
    fitTierName: s.fit.tierName,
    mqa: s.mqa,
    nextAction: s.nextAction,
  };
}

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

/**
 * What changed in scores and tiers between two states of a workspace, and an account's scores
 * through its history. Pure: two Maps of AccountScore in, plain data out; reading git is the
 * workspace layer's job and printing the renderers'.
 */
import type { MethodDiff } from './method-diff.js';
import type { AccountScore } from './scoring/account.js';

/** The numbers of one account on one side of a comparison. */
export interface ScoreSnapshot {
  name: string;
  pure: { total: number; tier: number; tierName: string } | null;
  fit: { score: number; tier: number; tierName: string };
}

export interface AccountChange {
  id: string;
  /** The head name, else the base name. */
  name: string;
  base: ScoreSnapshot | null;
  head: ScoreSnapshot | null;
  pureTierMoved: boolean;
  fitTierMoved: boolean;
  /** head − base, null when either side has no PURE score. */
  pureDelta: number | null;
  fitDelta: number | null;
}

export interface ScoreDiff {
  /** Accounts on both sides whose PURE or fit tier moved. */
  tierMoves: AccountChange[];
  added: AccountChange[];
  removed: AccountChange[];
  /** Same tiers, but the PURE total or fit score moved by more than SCORE_DELTA_THRESHOLD. */
  scoreChanges: AccountChange[];
  /** Accounts on both sides with no change worth listing. */
  unchanged: number;
}

/** Scores are shown to one decimal: a smaller move is rounding, not news. */
export const SCORE_DELTA_THRESHOLD = 0.1;

export function snapshotOf(s: AccountScore): ScoreSnapshot {
  return {
    name: s.name,
    pure: s.pure ? { total: s.pure.total, tier: s.pure.tier, tierName: s.pure.tierName } : null,
    fit: { score: s.fit.score, tier: s.fit.tier, tierName: s.fit.tierName },
  };
}

/** Differences in tenths, so 66.7 − 66.6 is 0.1 and not 0.10000000000000853. */
function delta(head: number, base: number): number {
  return Math.round((head - base) * 10) / 10;
}

export function changeOf(id: string, base: ScoreSnapshot | null, head: ScoreSnapshot | null): AccountChange {
  const both = base !== null && head !== null;
  return {
    id,
    name: head?.name ?? base?.name ?? id,
    base,
    head,
    pureTierMoved: both && (base.pure?.tier ?? null) !== (head.pure?.tier ?? null),
    fitTierMoved: both && base.fit.tier !== head.fit.tier,
    pureDelta: both && base.pure && head.pure ? head.pure.total - base.pure.total : null,
    fitDelta: both ? delta(head.fit.score, base.fit.score) : null,
  };
}

const byNameThenId = (a: AccountChange, b: AccountChange) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function diffScores(base: ReadonlyMap<string, AccountScore>, head: ReadonlyMap<string, AccountScore>): ScoreDiff {
  const result: ScoreDiff = { tierMoves: [], added: [], removed: [], scoreChanges: [], unchanged: 0 };
  const ids = new Set([...base.keys(), ...head.keys()]);
  for (const id of ids) {
    const b = base.get(id);
    const h = head.get(id);
    const change = changeOf(id, b ? snapshotOf(b) : null, h ? snapshotOf(h) : null);
    if (!b) result.added.push(change);
    else if (!h) result.removed.push(change);
    else if (change.pureTierMoved || change.fitTierMoved) result.tierMoves.push(change);
    else if (Math.abs(change.pureDelta ?? 0) > SCORE_DELTA_THRESHOLD || Math.abs(change.fitDelta ?? 0) > SCORE_DELTA_THRESHOLD) result.scoreChanges.push(change);
    else result.unchanged++;
  }
  for (const list of [result.tierMoves, result.added, result.removed, result.scoreChanges]) list.sort(byNameThenId);
  return result;
}

// ---------------------------------------------------------------- history

export interface CommitRef {
  commit: string;
  date: string;
  author: string;
  subject: string;
}

export interface HistoryRow extends CommitRef {
  /** The account's numbers at this commit; null in the commit that removed it. */
  score: ScoreSnapshot | null;
}

/**
 * One row per commit, newest first, from the account's score at each commit (oldest first in
 * `states`). Commits from before the account existed are left out; the commit that removed it
 * is kept, with a null score.
 */
export function historyRows(states: readonly { ref: CommitRef; score: AccountScore | undefined }[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  let present = false;
  for (const { ref, score } of states) {
    if (score) rows.push({ ...ref, score: snapshotOf(score) });
    else if (present) rows.push({ ...ref, score: null });
    present = score !== undefined;
  }
  return rows.reverse();
}

// ---------------------------------------------------------------- what renderers take

export interface DiffReport {
  diff: ScoreDiff;
  /** The revision as the user named it (or how it was chosen) and the commit it resolved to. */
  base: { label: string; commit: string | null };
  /** `commit` is null for the working tree. */
  head: { label: string; commit: string | null };
  asOf: string;
  /** Messaging coverage and overdue collateral (`core/method-diff.ts`). */
  method?: MethodDiff;
}

export interface HistoryReport {
  id: string;
  /** The account's latest name. */
  name: string;
  asOf: string;
  rows: HistoryRow[];
}

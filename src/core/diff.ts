/**
 * What changed in scores and tiers between two states of a workspace, and an account's scores
 * through its history. Pure: two Maps of AccountScore in, plain data out; reading git is the
 * workspace layer's job and printing the renderers'. Which base files need no second scoring is
 * decided here too (`reusableScores`).
 */
import { fileId, type Kind } from './kinds/index.js';
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
  /** The base id, when git saw the account's file renamed (the id is the file name). */
  renamedFrom?: string;
  /** The file exists on that side but has errors, so it has no score there: never "removed" or "new". */
  unscorable?: Unscorable & { side: 'base' | 'head' };
}

/** An account file that exists but cannot be scored: how many errors, which rules. */
export interface Unscorable {
  path: string;
  errors: number;
  rules: string[];
}

/** What git and the analysis know beyond the scores. */
export interface DiffContext {
  /** Account files with errors and no score, by id, on each side. */
  baseUnscorable?: ReadonlyMap<string, Unscorable>;
  headUnscorable?: ReadonlyMap<string, Unscorable>;
  /** Base id → head id, for account files git saw renamed. */
  renames?: ReadonlyMap<string, string>;
}

/** One changed setting of abx.config.yaml, by its path in the file (`scoring.weights.firmographic`); null where absent. */
export interface ConfigChange {
  path: string;
  base: unknown;
  head: unknown;
}

export interface ScoreDiff {
  /** Accounts on both sides whose PURE or fit tier moved. */
  tierMoves: AccountChange[];
  added: AccountChange[];
  removed: AccountChange[];
  /** Same tiers, but the PURE total or fit score moved by more than SCORE_DELTA_THRESHOLD. */
  scoreChanges: AccountChange[];
  /** Renamed files whose account kept its tiers and scores (renames that moved are in the lists above, with renamedFrom). */
  renamed: AccountChange[];
  /** Files that exist but cannot be scored on one side (a syntax or schema error). */
  unscorable: AccountChange[];
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

export function diffScores(base: ReadonlyMap<string, AccountScore>, head: ReadonlyMap<string, AccountScore>, context: DiffContext = {}): ScoreDiff {
  const result: ScoreDiff = { tierMoves: [], added: [], removed: [], scoreChanges: [], renamed: [], unscorable: [], unchanged: 0 };
  // A rename pairs the base account with the head one when both sides score; otherwise each side stands alone.
  const renames = new Map<string, string>();
  for (const [from, to] of context.renames ?? []) if (from !== to && base.has(from) && head.has(to) && !base.has(to) && !head.has(from)) renames.set(to, from);
  const renamedAway = new Set(renames.values());
  const ids = new Set([...base.keys(), ...head.keys(), ...(context.headUnscorable?.keys() ?? [])]);
  for (const id of ids) {
    if (renamedAway.has(id)) continue;
    const from = renames.get(id) ?? id;
    const b = base.get(from);
    const h = head.get(id);
    const change = changeOf(id, b ? snapshotOf(b) : null, h ? snapshotOf(h) : null);
    if (from !== id) change.renamedFrom = from;
    const headBroken = h ? undefined : context.headUnscorable?.get(id);
    const baseBroken = b ? undefined : context.baseUnscorable?.get(id);
    if (headBroken) {
      // Broken on both sides is not news of this change: validate reports it.
      if (b || !context.baseUnscorable?.has(id)) result.unscorable.push({ ...change, unscorable: { ...headBroken, side: 'head' } });
    } else if (!b && !h) continue;
    else if (baseBroken && h) result.unscorable.push({ ...change, unscorable: { ...baseBroken, side: 'base' } });
    else if (!b) result.added.push(change);
    else if (!h) result.removed.push(change);
    else if (change.pureTierMoved || change.fitTierMoved) result.tierMoves.push(change);
    else if (Math.abs(change.pureDelta ?? 0) > SCORE_DELTA_THRESHOLD || Math.abs(change.fitDelta ?? 0) > SCORE_DELTA_THRESHOLD) result.scoreChanges.push(change);
    else if (change.renamedFrom) result.renamed.push(change);
    else result.unchanged++;
  }
  for (const list of [result.tierMoves, result.added, result.removed, result.scoreChanges, result.renamed, result.unscorable]) list.sort(byNameThenId);
  return result;
}

/** `1 error: frontmatter-syntax` / `3 errors: schema, unknown-key`. */
export function unscorableText(u: Unscorable): string {
  return `${u.errors} ${u.errors === 1 ? 'error' : 'errors'}${u.rules.length > 0 ? `: ${u.rules.join(', ')}` : ''}`;
}

// ---------------------------------------------------------------- reuse

/** A workspace file on one side of a comparison, with its git blob id (undefined: unreadable, never the same). */
export interface SideFile {
  path: string;
  kind: Kind;
  oid: string | undefined;
}

/**
 * The base's account files whose score is the head's, by path: an account's score depends only on
 * its file, its segment, the config and the as-of date (the same on both sides), so where the
 * file's bytes are the same (the same blob id), the config is the same and so are the files of its
 * segment, the base need not read or score it. A file whose id another file shares on either side
 * (a duplicate) is left to the analysis, as is one the head could not score.
 */
export function reusableScores(base: readonly SideFile[], head: readonly SideFile[], headScores: ReadonlyMap<string, AccountScore>, sameConfig: boolean): Map<string, AccountScore> {
  const out = new Map<string, AccountScore>();
  if (!sameConfig) return out;
  const headOid = new Map(head.map((f) => [f.path, f.oid]));
  const segments = (files: readonly SideFile[]) => {
    const byId = new Map<string, string[]>();
    for (const f of files) {
      if (f.kind !== 'segments') continue;
      const id = fileId(f.path, f.kind);
      byId.set(id, [...(byId.get(id) ?? []), `${f.path}\u0000${f.oid ?? ''}`]);
    }
    return new Map([...byId].map(([id, list]) => [id, list.sort().join('\u0001')]));
  };
  const baseSegments = segments(base);
  const headSegments = segments(head);
  const accountIds = (files: readonly SideFile[]) => {
    const count = new Map<string, number>();
    for (const f of files) {
      if (f.kind !== 'accounts') continue;
      const id = fileId(f.path, f.kind);
      count.set(id, (count.get(id) ?? 0) + 1);
    }
    return count;
  };
  const baseIds = accountIds(base);
  const headIds = accountIds(head);
  for (const f of base) {
    if (f.kind !== 'accounts' || f.oid === undefined || headOid.get(f.path) !== f.oid) continue;
    const id = fileId(f.path, f.kind);
    if (baseIds.get(id) !== 1 || headIds.get(id) !== 1) continue;
    const score = headScores.get(id);
    if (!score) continue;
    if (score.segment !== null && baseSegments.get(score.segment) !== headSegments.get(score.segment)) continue;
    out.set(f.path, score);
  }
  return out;
}

// ---------------------------------------------------------------- config

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The settings that differ between two parsed abx.config.yaml files, by path, in key order (base
 * keys first). Objects are compared key by key; lists and scalars as whole values.
 */
export function diffConfig(base: unknown, head: unknown, path = ''): ConfigChange[] {
  if (isPlainObject(base) && isPlainObject(head)) {
    const keys = [...new Set([...Object.keys(base), ...Object.keys(head)])];
    return keys.flatMap((k) => diffConfig(base[k] ?? null, head[k] ?? null, path ? `${path}.${k}` : k));
  }
  if (isPlainObject(base) && head === null) return diffConfig(base, {}, path);
  if (base === null && isPlainObject(head)) return diffConfig({}, head, path);
  return JSON.stringify(base) === JSON.stringify(head) ? [] : [{ path, base, head }];
}

// ---------------------------------------------------------------- history

export interface CommitRef {
  commit: string;
  date: string;
  author: string;
  subject: string;
}

export interface HistoryRow extends CommitRef {
  /** The account's numbers at this commit; null in the commit that removed it, or where its file could not be scored. */
  score: ScoreSnapshot | null;
  /** The file exists at this commit but has errors: it could not be scored (not a removal). */
  unscorable?: Unscorable;
}

/**
 * One row per commit, newest first, from the account's score at each commit (oldest first in
 * `states`). Commits from before the account existed are left out; the commit that removed it
 * is kept, with a null score; a commit where its file had errors is kept with `unscorable`.
 */
export function historyRows(states: readonly { ref: CommitRef; score: AccountScore | undefined; unscorable?: Unscorable }[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  let present = false;
  for (const { ref, score, unscorable } of states) {
    if (score) rows.push({ ...ref, score: snapshotOf(score) });
    else if (unscorable) rows.push({ ...ref, score: null, unscorable });
    else if (present) rows.push({ ...ref, score: null });
    present = score !== undefined || unscorable !== undefined;
  }
  return rows.reverse();
}

// ---------------------------------------------------------------- what renderers take

export interface DiffReport {
  diff: ScoreDiff;
  /** Settings of abx.config.yaml that differ (every account is scored with its own side's config). */
  config: ConfigChange[];
  /** The revision as the user named it (or how it was chosen) and the commit it resolved to. */
  base: { label: string; commit: string | null };
  /** Said above everything else: how the base was chosen when it is not what was asked (a merge-base). */
  notes: string[];
  /** `commit` is null for the working tree. */
  head: { label: string; commit: string | null };
  asOf: string;
  /** Messaging coverage and overdue collateral (`core/method-diff.ts`). */
  method?: MethodDiff;
}

export interface HistoryReport {
  id: string;
  /** Said with the rows: the history is cut short (a shallow clone). */
  notes: string[];
  /** The account's latest name. */
  name: string;
  asOf: string;
  rows: HistoryRow[];
}

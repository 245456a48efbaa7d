/**
 * The account filters and sort orders `list`, `score`, `report` and `export` share: one meaning
 * of `--segment`, `--tier`, `--owner`, `--motion`, `--mqa` and `--search` everywhere. Pure: the
 * CLI parses the options (`cli/filters.ts`) and hands the result here.
 */
import type { AccountScore } from './scoring/account.js';

export interface TierFilter {
  kind: 'pure' | 'fit';
  value: number;
}

export interface AccountFilter {
  segment?: string;
  tier?: TierFilter;
  /** Compared case-insensitively with the whole `owner:` value. */
  owner?: string;
  motion?: string;
  mqa?: boolean;
  /** Part of the name, id or domain, case-insensitive. */
  search?: string;
}

export const SORT_KEYS = ['fit', 'pure', 'name', 'owner'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** `3`, `pure:3` or `fit:2`; undefined when the text is none of these. */
export function parseTierFilter(text: string): TierFilter | undefined {
  const m = /^(?:(pure|fit):)?([1-5])$/.exec(text.trim().toLowerCase());
  if (!m) return undefined;
  const kind = (m[1] as 'pure' | 'fit' | undefined) ?? 'pure';
  const value = Number(m[2]);
  return kind === 'fit' && value > 3 ? undefined : { kind, value };
}

/** The same text users compare: trimmed, lower case, runs of spaces as one. */
export function folded(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function matchesFilter(s: AccountScore, f: AccountFilter): boolean {
  if (f.segment !== undefined && s.segment !== f.segment) return false;
  if (f.tier && (f.tier.kind === 'fit' ? s.fit.tier : s.pure?.tier) !== f.tier.value) return false;
  if (f.owner !== undefined && folded(s.owner ?? '') !== folded(f.owner)) return false;
  if (f.motion !== undefined && s.motion !== f.motion) return false;
  if (f.mqa && !s.mqa) return false;
  if (f.search !== undefined) {
    const needle = folded(f.search);
    if (![s.id, s.name, s.domain ?? ''].some((v) => folded(v).includes(needle))) return false;
  }
  return true;
}

export function filterScores(scores: Iterable<AccountScore>, f: AccountFilter): AccountScore[] {
  return [...scores].filter((s) => matchesFilter(s, f));
}

/** True when the filter leaves some accounts out. */
export function isFiltered(f: AccountFilter): boolean {
  return Object.values(f).some((v) => v !== undefined && v !== false);
}

const byId = (a: AccountScore, b: AccountScore) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byName = (a: AccountScore, b: AccountScore) => a.name.localeCompare(b.name, 'en') || byId(a, b);
const byPure = (a: AccountScore, b: AccountScore) => (b.pure?.total ?? -1) - (a.pure?.total ?? -1);
const byFit = (a: AccountScore, b: AccountScore) => b.fit.score - a.fit.score;
// Accounts without an owner come last: they are the ones to hand out.
const byOwner = (a: AccountScore, b: AccountScore) => (a.owner === null ? (b.owner === null ? 0 : 1) : b.owner === null ? -1 : a.owner.localeCompare(b.owner, 'en'));

/** Highest first for scores (ties broken by the other score, then the name); A to Z for names and owners. */
export function comparator(sort: SortKey): (a: AccountScore, b: AccountScore) => number {
  if (sort === 'name') return byName;
  if (sort === 'pure') return (a, b) => byPure(a, b) || byFit(a, b) || byName(a, b);
  if (sort === 'owner') return (a, b) => byOwner(a, b) || byPure(a, b) || byFit(a, b) || byName(a, b);
  return (a, b) => byFit(a, b) || byPure(a, b) || byName(a, b);
}

/**
 * The accounts an id on the command line names: the account with that id, else the accounts whose
 * id, name or domain contain it (case-insensitive). `abx score prairie` finds `prairie-grain`.
 */
export function accountsNamed(id: string, scores: Iterable<AccountScore>): AccountScore[] {
  const all = [...scores];
  const exact = all.find((s) => s.id === id);
  if (exact) return [exact];
  const needle = folded(id);
  const sameId = all.filter((s) => s.id === needle);
  if (sameId.length > 0) return sameId;
  return all.filter((s) => [s.id, s.name, s.domain ?? ''].some((v) => folded(v).includes(needle)));
}

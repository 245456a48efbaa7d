/**
 * The tiers report: where the accounts sit on PURE (problem) and fit, the fit × PURE grid that
 * says where to spend, by segment, with the resource guidance of scoring.md §1, §2 and §8.
 */
import type { Analysis } from '../analyze.js';
import { comparator, folded } from '../filter.js';
import { accountSummary, type AccountSummary } from '../summary.js';
import { MOTIONS } from '../schemas.js';
import type { AccountScore } from '../scoring/account.js';
import { FIT_TIERS } from '../scoring/fit.js';
import { PURE_TIERS } from '../scoring/pure.js';
import { budgetGuidance, type BudgetGuidance } from './budget.js';

export interface PureTierRow {
  tier: number;
  name: string;
  priority: string;
  resources: string;
  /** The PURE totals of the tier, e.g. "10-12". */
  totals: string;
  count: number;
  accounts: string[];
}

export interface FitTierRow {
  tier: number;
  name: string;
  motion: string;
  /** How many accounts the methodology suggests for the tier, e.g. "10-50". */
  guide: string;
  /** The fit scores of the tier, e.g. "≥ 80". */
  scores: string;
  count: number;
  accounts: string[];
}

/** An account as the meeting names it: who owns it. */
export interface AccountRef {
  id: string;
  name: string;
  owner: string | null;
}

export interface GridCell {
  pureTier: number;
  count: number;
  accounts: string[];
  /** The cell's first accounts by fit, then PURE, with their owners (at most TOP_IN_CELL). */
  top: AccountRef[];
}

export interface GridRow {
  fitTier: number;
  fitName: string;
  /** One cell per PURE tier, 1 to 5. */
  cells: GridCell[];
  /** Accounts of this fit tier without a PURE score: outside the grid, counted here. */
  unscored: number;
  /** The first of them by fit, with their owners. */
  unscoredTop: AccountRef[];
}

/** A row of the "Tier 1 and MQA" table: the accounts the meeting goes through one by one. */
export type FocusAccount = AccountSummary;

/** Accounts per owner; `owner` null gathers the accounts nobody owns. */
export interface OwnerRow {
  owner: string | null;
  accounts: number;
  pureTier1: number;
  fitTier1: number;
  mqa: number;
  openSignals: number;
}

export type TierCountMap = Record<string, number>;

export interface SegmentTiers {
  /** Segment id; null for accounts without a segment. */
  segment: string | null;
  name: string;
  /** False when accounts name a segment that has no file. */
  known: boolean;
  accounts: number;
  /** Counts by PURE tier "1".."5" and "unscored". */
  pure: TierCountMap;
  /** Counts by fit tier "1".."3". */
  fit: TierCountMap;
  mqa: number;
}

export interface TiersReport {
  accounts: number;
  pure: PureTierRow[];
  unscored: { count: number; accounts: string[] };
  fit: FitTierRow[];
  grid: GridRow[];
  bySegment: SegmentTiers[];
  motions: { motion: string; count: number }[];
  /** Accounts with no motion set. */
  noMotion: number;
  mqa: { count: number; accounts: string[] };
  /** PURE tier 1, fit tier 1 or MQA: highest PURE first, then fit. */
  focus: FocusAccount[];
  /** Owners A to Z, then the accounts nobody owns. */
  owners: OwnerRow[];
  budget: BudgetGuidance;
}

/** How many accounts a grid cell names. */
export const TOP_IN_CELL = 3;

const byId = (a: AccountScore, b: AccountScore) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function tiersReport(analysis: Analysis): TiersReport {
  const scores = [...analysis.scores.values()].sort(byId);
  const [t1, t2] = analysis.config.fitTiers;

  const pure: PureTierRow[] = PURE_TIERS.map((t) => {
    const ids = scores.filter((s) => s.pure?.tier === t.tier).map((s) => s.id);
    return { tier: t.tier, name: t.name, priority: t.priority, resources: t.resources, totals: t.from === t.to ? String(t.from) : `${t.from}-${t.to}`, count: ids.length, accounts: ids };
  });
  const unscoredIds = scores.filter((s) => s.pure === null).map((s) => s.id);

  const fitScores = [`≥ ${t1}`, `≥ ${t2}`, `< ${t2}`];
  const fit: FitTierRow[] = FIT_TIERS.map((t, i) => {
    const ids = scores.filter((s) => s.fit.tier === t.tier).map((s) => s.id);
    return { tier: t.tier, name: t.name, motion: t.motion, guide: t.guide, scores: fitScores[i] ?? '', count: ids.length, accounts: ids };
  });

  const grid: GridRow[] = FIT_TIERS.map((f) => ({
    fitTier: f.tier,
    fitName: f.name,
    cells: PURE_TIERS.map((p) => {
      const members = scores.filter((s) => s.fit.tier === f.tier && s.pure?.tier === p.tier);
      return { pureTier: p.tier, count: members.length, accounts: members.map((s) => s.id), top: topOf(members) };
    }),
    unscored: scores.filter((s) => s.fit.tier === f.tier && s.pure === null).length,
    unscoredTop: topOf(scores.filter((s) => s.fit.tier === f.tier && s.pure === null)),
  }));

  const mqaIds = scores.filter((s) => s.mqa).map((s) => s.id);
  return {
    accounts: scores.length,
    pure,
    unscored: { count: unscoredIds.length, accounts: unscoredIds },
    fit,
    grid,
    bySegment: segmentTiers(analysis, scores),
    motions: MOTIONS.map((motion) => ({ motion, count: scores.filter((s) => s.motion === motion).length })),
    noMotion: scores.filter((s) => s.motion === null).length,
    mqa: { count: mqaIds.length, accounts: mqaIds },
    focus: scores
      .filter((s) => s.pure?.tier === 1 || s.fit.tier === 1 || s.mqa)
      .sort(comparator('pure'))
      .map(accountSummary),
    owners: ownerRows(scores),
    budget: budgetGuidance(analysis.config.stage),
  };
}

function ref(s: AccountScore): AccountRef {
  return { id: s.id, name: s.name, owner: s.owner };
}

function topOf(members: readonly AccountScore[]): AccountRef[] {
  return [...members].sort(comparator('fit')).slice(0, TOP_IN_CELL).map(ref);
}

/** Owners compared as `--owner` compares them (any case), named as first written. */
function ownerRows(scores: readonly AccountScore[]): OwnerRow[] {
  const rows = new Map<string, OwnerRow>();
  for (const s of scores) {
    const key = s.owner === null ? '' : folded(s.owner);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { owner: s.owner, accounts: 0, pureTier1: 0, fitTier1: 0, mqa: 0, openSignals: 0 }));
    row.accounts++;
    if (s.pure?.tier === 1) row.pureTier1++;
    if (s.fit.tier === 1) row.fitTier1++;
    if (s.mqa) row.mqa++;
    row.openSignals += s.signals.filter((x) => x.openHours !== null).length;
  }
  return [...rows.values()].sort((a, b) => (a.owner === null ? 1 : b.owner === null ? -1 : a.owner.localeCompare(b.owner, 'en')));
}

/** Segments in file order, then segment ids no file defines, then accounts with no segment. */
function segmentTiers(analysis: Analysis, scores: readonly AccountScore[]): SegmentTiers[] {
  const rows: SegmentTiers[] = [];
  const row = (segment: string | null, name: string, known: boolean, members: AccountScore[]): SegmentTiers => {
    const pure: TierCountMap = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, unscored: 0 };
    const fit: TierCountMap = { '1': 0, '2': 0, '3': 0 };
    for (const s of members) {
      const key = s.pure ? String(s.pure.tier) : 'unscored';
      pure[key] = (pure[key] ?? 0) + 1;
      fit[String(s.fit.tier)] = (fit[String(s.fit.tier)] ?? 0) + 1;
    }
    return { segment, name, known, accounts: members.length, pure, fit, mqa: members.filter((s) => s.mqa).length };
  };
  for (const [id, entry] of analysis.segments) rows.push(row(id, entry.data.name, true, scores.filter((s) => s.segment === id)));
  const unknown = [...new Set(scores.map((s) => s.segment).filter((s): s is string => s !== null && !analysis.segments.has(s)))].sort();
  for (const id of unknown) rows.push(row(id, id, false, scores.filter((s) => s.segment === id)));
  const none = scores.filter((s) => s.segment === null);
  if (none.length > 0) rows.push(row(null, 'No segment', true, none));
  return rows;
}

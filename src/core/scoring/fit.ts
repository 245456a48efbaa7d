/** Weighted fit score (scoring.md §2), engagement points (§3) and ICP criteria (§4). */
import type { Config } from '../config.js';
import { dayNumber, withinWindow } from '../dates.js';
import type { DataPath } from '../problem.js';
import type { Account } from '../kinds/account.js';
import type { Criteria, FitComponent } from '../schemas.js';
import { FIT_COMPONENTS } from '../schemas.js';
import { add, div, exact, fromNumber, min, mul, roundTenth, sum, type Exact } from './exact.js';

export type FitTier = 1 | 2 | 3;

export const FIT_TIERS: readonly { tier: FitTier; name: string; motion: string; guide: string }[] = [
  { tier: 1, name: 'Strategic', motion: '1:1', guide: '10-50' },
  { tier: 2, name: 'Scale', motion: '1:few', guide: '50-500' },
  { tier: 3, name: 'Programmatic', motion: '1:many', guide: '500+' },
];

export const FIT_LABELS: Record<FitComponent, string> = {
  firmographic: 'Firmographic',
  technographic: 'Technographic',
  intent: 'Intent',
  engagement: 'Engagement',
};

/** Where a number in an explanation came from: a place in the account, its segment or the config. */
export interface Evidence {
  source: 'account' | 'segment' | 'config';
  path: DataPath;
  text: string;
}

export interface ComponentScore {
  component: FitComponent;
  origin: 'given' | 'computed' | 'missing';
  value: Exact;
  weight: number;
  contribution: Exact;
  detail: string;
  evidence: Evidence[];
  /** Given and computable: the given value counts, and `fit-conflict` is reported. */
  conflict: boolean;
}

export interface FitScore {
  components: Record<FitComponent, ComponentScore>;
  score: number;
  tier: FitTier;
  tierName: string;
  motion: string;
  missing: FitComponent[];
}

export function fitTierOf(score: number, thresholds: readonly [number, number]): (typeof FIT_TIERS)[number] {
  const index = score >= thresholds[0] ? 0 : score >= thresholds[1] ? 1 : 2;
  return FIT_TIERS[index] as (typeof FIT_TIERS)[number];
}

// ---------------------------------------------------------------- engagement (§3)

export interface EngagementResult {
  points: Exact;
  value: Exact;
  counted: { index: number; type: string; date: string; points: number }[];
  outsideWindow: number;
  /** Activities of a known type dated outside the window: listed by --explain with 0 points. */
  outside: { index: number; type: string; date: string }[];
}

export function engagementOf(activities: NonNullable<Account['engagement']>, config: Config, asOfDay: number): EngagementResult {
  const { windowDays, cap, points: table } = config.engagement;
  let points: Exact = exact(0n);
  const counted: EngagementResult['counted'] = [];
  let outsideWindow = 0;
  const outside: EngagementResult['outside'] = [];
  activities.forEach((activity, index) => {
    const day = dayNumber(activity.date);
    const p = Object.prototype.hasOwnProperty.call(table, activity.type) ? table[activity.type] : undefined;
    if (day === undefined || p === undefined) return;
    if (!withinWindow(day, asOfDay, windowDays)) {
      outsideWindow++;
      outside.push({ index, type: activity.type, date: activity.date });
      return;
    }
    points = add(points, fromNumber(p));
    counted.push({ index, type: activity.type, date: activity.date, points: p });
  });
  const capExact = fromNumber(cap);
  const value = div(mul(min(points, capExact), exact(100n)), capExact);
  return { points, value, counted, outsideWindow, outside };
}

// ---------------------------------------------------------------- ICP criteria (§4)

export interface CriterionMatch {
  fact: string;
  expected: string;
  actual: string | undefined;
  matched: boolean;
  /** The account has no value for this fact. */
  unknown: boolean;
}

const norm = (v: unknown): string => String(v).trim().toLowerCase();

/** Criteria belong to a segment and are the same for each of its accounts: prepare them once. */
const allowedSets = new WeakMap<readonly unknown[], Set<string>>();
const expectedTexts = new WeakMap<object, string>();

function allowedOf(list: readonly unknown[]): Set<string> {
  let set = allowedSets.get(list);
  if (!set) {
    set = new Set(list.map(norm));
    allowedSets.set(list, set);
  }
  return set;
}

function expectedOf(criterion: unknown): string {
  if (typeof criterion !== 'object' || criterion === null) return describeExpected(criterion);
  let text = expectedTexts.get(criterion);
  if (text === undefined) {
    text = describeExpected(criterion);
    expectedTexts.set(criterion, text);
  }
  return text;
}

function describeExpected(criterion: unknown): string {
  if (Array.isArray(criterion)) return criterion.map(String).join(', ');
  const r = criterion as { min?: number; max?: number };
  if (r.min !== undefined && r.max !== undefined) return `${r.min}–${r.max}`;
  if (r.min !== undefined) return `≥ ${r.min}`;
  if (r.max !== undefined) return `≤ ${r.max}`;
  return 'any';
}

function matches(criterion: unknown, actual: unknown): boolean {
  const values = Array.isArray(actual) ? actual : [actual];
  if (Array.isArray(criterion)) {
    const allowed = allowedOf(criterion);
    return values.some((v) => allowed.has(norm(v)));
  }
  const r = criterion as { min?: number; max?: number };
  return values.some((v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    if (!Number.isFinite(n)) return false;
    return (r.min === undefined || n >= r.min) && (r.max === undefined || n <= r.max);
  });
}

export function firmographicMatches(criteria: NonNullable<Criteria['firmographic']>, facts: Record<string, unknown>): CriterionMatch[] {
  return Object.keys(criteria).map((fact) => {
    const criterion = criteria[fact];
    const has = Object.prototype.hasOwnProperty.call(facts, fact) && facts[fact] !== null && facts[fact] !== undefined && facts[fact] !== '';
    const actual = has ? facts[fact] : undefined;
    return {
      fact,
      expected: expectedOf(criterion),
      actual: has ? (Array.isArray(actual) ? actual.map(String).join(', ') : String(actual)) : undefined,
      matched: has && matches(criterion, actual),
      unknown: !has,
    };
  });
}

export function technographicMatches(criteriaStack: readonly string[], stack: readonly string[]): { matched: string[]; total: number } {
  const have = new Set(stack.map(norm));
  const wanted = wantedOf(criteriaStack);
  return { matched: wanted.filter((w) => have.has(w.key)).map((w) => w.name), total: wanted.length };
}

const wantedLists = new WeakMap<readonly string[], { key: string; name: string }[]>();

/** The criteria stack without repeats (compared case-insensitively), each named as first written. */
function wantedOf(criteriaStack: readonly string[]): { key: string; name: string }[] {
  let wanted = wantedLists.get(criteriaStack);
  if (!wanted) {
    const seen = new Set<string>();
    wanted = [];
    for (const name of criteriaStack) {
      const key = norm(name);
      if (seen.has(key)) continue;
      seen.add(key);
      wanted.push({ key, name });
    }
    wantedLists.set(criteriaStack, wanted);
  }
  return wanted;
}

// ---------------------------------------------------------------- weighted score

export function weightedFit(values: Record<FitComponent, Exact>, weights: Record<FitComponent, number>, thresholds: readonly [number, number]) {
  const contributions = {} as Record<FitComponent, Exact>;
  for (const c of FIT_COMPONENTS) contributions[c] = div(mul(fromNumber(weights[c]), values[c]), exact(100n));
  const total = sum(FIT_COMPONENTS.map((c) => contributions[c]));
  const score = roundTenth(total);
  return { contributions, total, score, tier: fitTierOf(score, thresholds) };
}


/**
 * The scoring model as numbers an SQL engine can compute with exactly: every weight, point value
 * and cap scaled to integers, every criteria set with its denominator, and one common
 * denominator for the fit score, so that the view does integer arithmetic only and rounds once,
 * half away from zero, as scoring.md §2 says. Built from the config and the segments' criteria:
 * the config is the model.
 */
import type { Config } from '../config.js';
import type { Criteria, FitComponent } from '../schemas.js';
import type { Segment } from '../kinds/segment.js';
import { FIT_COMPONENTS } from '../schemas.js';
import { fromNumber } from '../scoring/exact.js';
import { GIVEN_SCALE, keyOf } from './tables.js';

export type FirmCriterion = { fact: string; kind: 'list'; keys: string[] } | { fact: string; kind: 'range'; min?: number; max?: number };

/** Where one account's criteria come from: a segment's, or the config's icp, or none (not computable). */
export interface Route<T> {
  /** Segment ids routed here; undefined for the default route (no segment, or one without criteria of this kind). */
  segments?: string[];
  set: T | null;
}

export interface ScoringModel {
  asOf: string | null;
  /** Weights × 10^weightScale, as integers. */
  weights: Record<FitComponent, bigint>;
  weightScale: number;
  engagement: { windowDays: number; cap: bigint; points: { type: string; points: bigint }[]; scale: number };
  mqa: Config['mqa'];
  firm: Route<FirmCriterion[]>[];
  tech: Route<string[]>[];
  /** Least common multiple of every component denominator: given values, criteria counts, the cap. */
  commonDenominator: bigint;
  /** The fit score in tenths is at least this for tier 1, and this for tier 2. */
  tierTenths: [number, number];
}

/** The fewest decimal places that write every one of these numbers exactly. */
function decimalPlaces(values: readonly number[]): number {
  let places = 0;
  for (const v of values) {
    let d = fromNumber(v).d;
    let k = 0;
    // A decimal's denominator is 2^a·5^b; ten to the larger exponent clears it.
    while (d !== 1n) {
      if (d % 10n === 0n) d /= 10n;
      else if (d % 2n === 0n) d /= 2n;
      else if (d % 5n === 0n) d /= 5n;
      else throw new RangeError(`${v} is not a decimal`);
      k++;
    }
    places = Math.max(places, k);
  }
  return places;
}

function scaled(value: number, places: number): bigint {
  const e = fromNumber(value);
  return (e.n * 10n ** BigInt(places)) / e.d;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

function firmSet(criteria: Criteria['firmographic'] | undefined): FirmCriterion[] | null {
  if (!criteria) return null;
  const set = Object.keys(criteria).map((fact): FirmCriterion => {
    const criterion = criteria[fact];
    if (Array.isArray(criterion)) return { fact, kind: 'list', keys: [...new Set(criterion.map(keyOf))] };
    const r = criterion as { min?: number; max?: number };
    return { fact, kind: 'range', min: r.min, max: r.max };
  });
  return set.length > 0 ? set : null;
}

function techSet(stack: readonly string[] | undefined): string[] | null {
  const keys = [...new Set((stack ?? []).map(keyOf))];
  return keys.length > 0 ? keys : null;
}

/** Segments with the same criteria share a route, so the view computes each set once. */
function routes<T>(segments: ReadonlyMap<string, Segment>, pick: (c: Criteria) => unknown, build: (c: Criteria | undefined) => T | null, fallback: Criteria | undefined): Route<T>[] {
  const byKey = new Map<string, Route<T>>();
  for (const [id, segment] of [...segments].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!segment.criteria || pick(segment.criteria) === undefined) continue;
    const set = build(segment.criteria);
    const key = JSON.stringify(set);
    const route = byKey.get(key) ?? { segments: [], set };
    route.segments?.push(id);
    byKey.set(key, route);
  }
  return [...byKey.values(), { set: build(fallback) }];
}

export function buildModel(config: Config, segments: ReadonlyMap<string, Segment>, asOf: string | null): ScoringModel {
  const weightScale = decimalPlaces(FIT_COMPONENTS.map((c) => config.weights[c]));
  const weights = {} as Record<FitComponent, bigint>;
  for (const c of FIT_COMPONENTS) weights[c] = scaled(config.weights[c], weightScale);

  const types = Object.keys(config.engagement.points).sort();
  const engagementScale = decimalPlaces([config.engagement.cap, ...types.map((t) => config.engagement.points[t] as number)]);
  const cap = scaled(config.engagement.cap, engagementScale);

  const firm = routes(segments, (c) => c.firmographic, (c) => firmSet(c?.firmographic), config.icpCriteria);
  const tech = routes(segments, (c) => c.technographic, (c) => techSet(c?.technographic?.stack), config.icpCriteria);

  let common = lcm(10n ** BigInt(GIVEN_SCALE), cap);
  for (const r of firm) if (r.set) common = lcm(common, BigInt(r.set.length));
  for (const r of tech) if (r.set) common = lcm(common, BigInt(r.set.length));

  // The JavaScript scorer compares the rounded score (a double) with the thresholds: find the same edges.
  const edge = (threshold: number) => {
    let tenths = 0;
    while (tenths <= 1000 && !(tenths / 10 >= threshold)) tenths++;
    return tenths;
  };

  return {
    asOf,
    weights,
    weightScale,
    engagement: { windowDays: config.engagement.windowDays, cap, points: types.map((type) => ({ type, points: scaled(config.engagement.points[type] as number, engagementScale) })), scale: engagementScale },
    mqa: config.mqa,
    firm,
    tech,
    commonDenominator: common,
    tierTenths: [edge(config.fitTiers[0]), edge(config.fitTiers[1])],
  };
}

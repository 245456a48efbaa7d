/**
 * One account's fit (scoring.md §2–4): each component given in `fit`, computed from the facts
 * against the segment's (else the config's) ICP criteria, or missing; then weighted. What the
 * rules need to know (conflicts, unknown facts) is returned beside the score as notes.
 */
import { closest } from '../suggest.js';
import type { Config } from '../config.js';
import type { Account } from '../kinds/account.js';
import type { Segment } from '../kinds/segment.js';
import type { Criteria, FitComponent } from '../schemas.js';
import { FIT_COMPONENTS } from '../schemas.js';
import { exact, fromNumber, toNumber, type Exact } from './exact.js';
import { engagementOf, firmographicMatches, technographicMatches, weightedFit, type ComponentScore, type CriterionMatch, type Evidence, type FitScore } from './fit.js';

export interface FitInput {
  account: Account;
  segment?: Segment;
  config: Config;
  asOfDay: number;
  /**
   * Keep where every number came from (evidence, ICP matches, signal details) for --explain and
   * reports; without it a score is a few hundred bytes, which is what 50,000 accounts can afford.
   */
  detail?: boolean;
}

export interface IcpMatches {
  firmographic: CriterionMatch[];
  technographic: { matched: string[]; total: number } | null;
}

/** What scoring saw that the fit rules report (`rules/fit.ts`). */
export interface FitNotes {
  /** Components both given and computable, with the computed value. */
  conflicts: { component: FitComponent; given: number; computed: Exact }[];
  /** Firmographic criteria whose fact the account lacks. */
  unknownFacts: CriterionMatch[];
  /** A technographic criterion, and no stack to match it against. */
  stackMissing: boolean;
  /** Facts that match none of a criterion's values but are close to one ("Logistic" for "Logistics"). */
  nearMisses: { fact: string; actual: string; guess: string }[];
}

type Computed = { value: Exact; detail: string; evidence: Evidence[] } | undefined;

export function accountFit(input: FitInput): { fit: FitScore; icp: IcpMatches; engagementPoints: number; notes: FitNotes } {
  const { account, config, asOfDay } = input;
  const detail = input.detail !== false;
  const evidenceOf = (make: () => Evidence[]): Evidence[] => (detail ? make() : []);
  const notes: FitNotes = { conflicts: [], unknownFacts: [], stackMissing: false, nearMisses: [] };
  const given = account.fit ?? {};
  const components = {} as Record<FitComponent, ComponentScore>;

  const setComponent = (c: FitComponent, computed: Computed) => {
    const g = given[c];
    const weight = config.weights[c];
    if (g !== undefined) {
      const conflict = computed !== undefined;
      if (conflict) notes.conflicts.push({ component: c, given: g, computed: computed.value });
      components[c] = {
        component: c,
        origin: 'given',
        value: fromNumber(g),
        weight,
        contribution: exact(0n),
        detail: `given as fit.${c}`,
        evidence: evidenceOf(() => [{ source: 'account', path: ['fit', c], text: `fit.${c}: ${g}` }]),
        conflict,
      };
    } else if (computed) {
      components[c] = { component: c, origin: 'computed', value: computed.value, weight, contribution: exact(0n), detail: computed.detail, evidence: computed.evidence, conflict: false };
    } else {
      components[c] = { component: c, origin: 'missing', value: exact(0n), weight, contribution: exact(0n), detail: 'neither given nor computable: counts as 0', evidence: [], conflict: false };
    }
  };

  // Firmographic and technographic: the segment's criteria, else the config's icp, one component at a time.
  const firmCriteria = pickCriteria('firmographic', input.segment?.criteria, config.icpCriteria);
  let firmMatches: CriterionMatch[] = [];
  let firmComputed: Computed;
  if (account.firmographics && firmCriteria && Object.keys(firmCriteria.criteria).length > 0) {
    firmMatches = firmographicMatches(firmCriteria.criteria, account.firmographics as Record<string, unknown>);
    const hit = firmMatches.filter((m) => m.matched).length;
    const criteriaPath = firmCriteria.from === 'segment' ? ['criteria', 'firmographic'] : ['icp', 'criteria', 'firmographic'];
    firmComputed = {
      value: exact(BigInt(100 * hit), BigInt(firmMatches.length)),
      detail: `${hit} of ${firmMatches.length} ${firmCriteria.from === 'segment' ? 'segment' : 'config icp'} criteria matched`,
      evidence: evidenceOf(() =>
        firmMatches.map((m) => ({
          source: m.unknown ? firmCriteria.from : 'account',
          path: m.unknown ? [...criteriaPath, m.fact] : ['firmographics', m.fact],
          text: `${m.matched ? '✓' : '✗'} ${m.fact}: ${m.unknown ? 'unknown' : m.actual} (wanted ${m.expected})`,
        })),
      ),
    };
    notes.unknownFacts = firmMatches.filter((x) => x.unknown);
    for (const m of firmMatches) {
      const allowed = firmCriteria.criteria[m.fact];
      if (m.matched || m.unknown || m.actual === undefined || !Array.isArray(allowed)) continue;
      const guess = closest(m.actual, allowed.map(String));
      if (guess !== undefined) notes.nearMisses.push({ fact: m.fact, actual: m.actual, guess });
    }
  }
  setComponent('firmographic', firmComputed);

  const techCriteria = pickCriteria('technographic', input.segment?.criteria, config.icpCriteria);
  let techResult: { matched: string[]; total: number } | null = null;
  let techComputed: Computed;
  const wantedStack = techCriteria?.criteria.stack;
  if (account.technographics && techCriteria && wantedStack && wantedStack.length > 0) {
    const stack = account.technographics.stack;
    notes.stackMissing = stack === undefined;
    const matched = technographicMatches(wantedStack, stack ?? []);
    techResult = matched;
    techComputed = {
      value: exact(BigInt(100 * techResult.matched.length), BigInt(techResult.total)),
      detail: `${techResult.matched.length} of ${techResult.total} technologies matched`,
      evidence: evidenceOf(() => [
        { source: 'account', path: ['technographics', 'stack'], text: `stack: ${(stack ?? []).join(', ') || 'none'}` },
        {
          source: techCriteria.from,
          path: techCriteria.from === 'segment' ? ['criteria', 'technographic', 'stack'] : ['icp', 'criteria', 'technographic', 'stack'],
          text: `wanted: ${wantedStack.join(', ')}; matched: ${matched.matched.join(', ') || 'none'}`,
        },
      ]),
    };
  }
  setComponent('technographic', techComputed);

  setComponent('intent', undefined);

  let engagementPoints = 0;
  if (account.engagement) {
    const e = engagementOf(account.engagement, config, asOfDay);
    engagementPoints = toNumber(e.points);
    setComponent('engagement', {
      value: e.value,
      detail: `${formatNumber(engagementPoints)} ${engagementPoints === 1 ? 'point' : 'points'} from ${e.counted.length} ${e.counted.length === 1 ? 'activity' : 'activities'} in the last ${config.engagement.windowDays} days (cap ${config.engagement.cap})`,
      evidence: evidenceOf(() => [
        ...e.counted.map((a) => ({ source: 'account' as const, path: ['engagement', a.index], text: `${a.date} ${a.type} +${a.points}` })),
        // Listed so that an old activity does not seem to vanish: it is read, and counts nothing.
        ...e.outside.map((a) => ({ source: 'account' as const, path: ['engagement', a.index], text: `${a.date} ${a.type} 0: outside the ${config.engagement.windowDays}-day window` })),
      ]),
    });
  } else {
    setComponent('engagement', undefined);
  }

  const values = {} as Record<FitComponent, Exact>;
  for (const c of FIT_COMPONENTS) values[c] = components[c].value;
  const weighted = weightedFit(values, config.weights, config.fitTiers);
  for (const c of FIT_COMPONENTS) components[c].contribution = weighted.contributions[c];
  const fit: FitScore = {
    components,
    score: weighted.score,
    tier: weighted.tier.tier,
    tierName: weighted.tier.name,
    motion: weighted.tier.motion,
    missing: FIT_COMPONENTS.filter((c) => components[c].origin === 'missing'),
  };
  return { fit, icp: { firmographic: firmMatches, technographic: techResult }, engagementPoints, notes };
}

function pickCriteria<K extends 'firmographic' | 'technographic'>(
  kind: K,
  segment: Criteria | undefined,
  config: Criteria | undefined,
): { criteria: NonNullable<Criteria[K]>; from: 'segment' | 'config' } | undefined {
  const fromSegment = segment?.[kind];
  if (fromSegment) return { criteria: fromSegment as NonNullable<Criteria[K]>, from: 'segment' };
  const fromConfig = config?.[kind];
  if (fromConfig) return { criteria: fromConfig as NonNullable<Criteria[K]>, from: 'config' };
  return undefined;
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

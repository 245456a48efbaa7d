/**
 * Scores one account: PURE, the four fit components and where each came from, engagement,
 * the buying committee and MQA status, signal latency. Also returns the findings that only
 * scoring can make (fit-conflict, fit-incomplete, fit-unknown-fact, multithread-before-proposal,
 * signal rules, tier1-coverage).
 */
import type { Config } from '../config.js';
import { dayNumber, instant, MS_PER_HOUR, withinWindow } from '../dates.js';
import type { Finding } from '../problem.js';
import type { Account, Criteria, FitComponent, Segment } from '../schemas.js';
import { FIT_COMPONENTS, PURE_CRITERIA } from '../schemas.js';
import { exact, fromNumber, roundTenth, toNumber, type Exact } from './exact.js';
import {
  engagementOf,
  firmographicMatches,
  technographicMatches,
  weightedFit,
  type ComponentScore,
  type CriterionMatch,
  type Evidence,
  type FitScore,
} from './fit.js';
import { scorePure, type PureScore } from './pure.js';

export interface SignalStatus {
  index: number;
  type: string;
  date: string;
  summary: string;
  firstTouch: string | null;
  /** Hours from detection to first touch; null while untouched. */
  latencyHours: number | null;
  /** Hours since detection at the as-of date, for untouched signals. */
  openHours: number | null;
}

export interface AccountScore {
  id: string;
  name: string;
  segment: string | null;
  motion: string | null;
  pure: PureScore | null;
  fit: FitScore;
  engagementPoints: number;
  engagedStakeholders: number;
  seniorEngaged: number;
  mqa: boolean;
  signals: SignalStatus[];
  icp: { firmographic: CriterionMatch[]; technographic: { matched: string[]; total: number } | null };
}

export interface ScoreInput {
  id: string;
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

const SIGNAL_TARGET_HOURS = 72;

export function scoreAccount(input: ScoreInput): { score: AccountScore; findings: Finding[] } {
  const { account, config, asOfDay } = input;
  const detail = input.detail !== false;
  const evidenceOf = (make: () => Evidence[]): Evidence[] => (detail ? make() : []);
  const findings: Finding[] = [];
  const given = account.fit ?? {};
  const components = {} as Record<FitComponent, ComponentScore>;

  const setComponent = (c: FitComponent, computed: { value: Exact; detail: string; evidence: Evidence[] } | undefined) => {
    const g = given[c];
    const weight = config.weights[c];
    if (g !== undefined) {
      const conflict = computed !== undefined;
      if (conflict) {
        findings.push({
          rule: 'fit-conflict',
          path: ['fit', c],
          message: `fit.${c} is given (${g}) and can also be computed (${roundTenth(computed.value)}): keep one source, remove fit.${c} or the facts`,
        });
      }
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
  let firmComputed: { value: Exact; detail: string; evidence: Evidence[] } | undefined;
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
    for (const m of firmMatches.filter((x) => x.unknown)) {
      findings.push({
        rule: 'fit-unknown-fact',
        path: ['firmographics'],
        message: `firmographics.${m.fact} is missing, so the ${m.fact} criterion (${m.expected}) does not match`,
      });
    }
  }
  setComponent('firmographic', firmComputed);

  const techCriteria = pickCriteria('technographic', input.segment?.criteria, config.icpCriteria);
  let techResult: { matched: string[]; total: number } | null = null;
  let techComputed: { value: Exact; detail: string; evidence: Evidence[] } | undefined;
  const wantedStack = techCriteria?.criteria.stack;
  if (account.technographics && techCriteria && wantedStack && wantedStack.length > 0) {
    const stack = account.technographics.stack;
    if (stack === undefined) {
      findings.push({ rule: 'fit-unknown-fact', path: ['technographics'], message: 'technographics.stack is missing, so no technology of the criteria matches' });
    }
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
      detail: `${formatNumber(engagementPoints)} points from ${e.counted.length} ${e.counted.length === 1 ? 'activity' : 'activities'} in the last ${config.engagement.windowDays} days (cap ${config.engagement.cap})`,
      evidence: evidenceOf(() => e.counted.map((a) => ({ source: 'account' as const, path: ['engagement', a.index], text: `${a.date} ${a.type} +${a.points}` }))),
    });
  } else {
    setComponent('engagement', undefined);
  }

  const values = {} as Record<FitComponent, Exact>;
  for (const c of FIT_COMPONENTS) values[c] = components[c].value;
  const weighted = weightedFit(values, config.weights, config.fitTiers);
  for (const c of FIT_COMPONENTS) components[c].contribution = weighted.contributions[c];
  const missing = FIT_COMPONENTS.filter((c) => components[c].origin === 'missing');
  if (missing.length > 0) {
    findings.push({
      rule: 'fit-incomplete',
      path: account.fit ? ['fit'] : [],
      message: `fit ${missing.length === 1 ? 'component' : 'components'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} neither given nor computable and ${missing.length === 1 ? 'counts' : 'count'} as 0`,
    });
  }
  const fit: FitScore = {
    components,
    score: weighted.score,
    tier: weighted.tier.tier,
    tierName: weighted.tier.name,
    motion: weighted.tier.motion,
    missing,
  };

  // Buying committee (§5).
  const { windowDays, minEngaged, minSenior, seniorLevels } = config.mqa;
  let engaged = 0;
  let senior = 0;
  for (const member of account.buying_committee ?? []) {
    if (member.status !== 'engaged') continue;
    if (member.last_engaged !== undefined) {
      const day = dayNumber(member.last_engaged);
      if (day === undefined || !withinWindow(day, asOfDay, windowDays)) continue;
    }
    engaged++;
    if (member.seniority && seniorLevels.includes(member.seniority)) senior++;
  }
  const mqa = engaged >= minEngaged && senior >= minSenior;
  if (account.motion === 'accelerate' && engaged < minEngaged) {
    findings.push({
      rule: 'multithread-before-proposal',
      path: ['motion'],
      message: `multi-threading is mandatory before a proposal: motion is accelerate with ${engaged} engaged ${engaged === 1 ? 'stakeholder' : 'stakeholders'} (at least ${minEngaged} needed)`,
    });
  }

  // Signals (§6).
  const asOfMs = asOfDay * 86_400_000;
  const signals: SignalStatus[] = (account.signals ?? []).map((s, index) => {
    const detected = instant(s.date) ?? 0;
    const touched = s.first_touch !== undefined ? instant(s.first_touch) : undefined;
    let latencyHours: number | null = null;
    let openHours: number | null = null;
    if (touched !== undefined) {
      latencyHours = (touched - detected) / MS_PER_HOUR;
      if (latencyHours < 0) {
        findings.push({ rule: 'signal-touch-before-date', path: ['signals', index, 'first_touch'], message: `signals[${index}].first_touch (${s.first_touch}) is before the signal's date (${s.date})` });
      }
    } else {
      openHours = (asOfMs - detected) / MS_PER_HOUR;
      if (openHours > SIGNAL_TARGET_HOURS) {
        findings.push({
          rule: 'signal-untouched',
          path: ['signals', index],
          message: `${s.type} signal "${s.summary}" from ${s.date} has had no first touch for ${Math.floor(openHours)} hours (target: under ${SIGNAL_TARGET_HOURS})`,
        });
      }
    }
    return { index, type: s.type, date: s.date, summary: s.summary, firstTouch: s.first_touch ?? null, latencyHours, openHours };
  });

  const pure = account.pure ? scorePure(account.pure) : null;

  // Coverage gate: a Tier 1 account needs a champion and someone who signs.
  if (fit.tier === 1 || pure?.tier === 1) {
    const roles = new Set((account.buying_committee ?? []).map((m) => m.role));
    const lacks: string[] = [];
    if (!roles.has('champion')) lacks.push('champion');
    if (!roles.has('economic-buyer') && !roles.has('decision-maker')) lacks.push('economic buyer or decision maker');
    if (lacks.length > 0) {
      findings.push({
        rule: 'tier1-coverage',
        path: account.buying_committee ? ['buying_committee'] : [],
        message: `a ${fit.tier === 1 ? 'fit' : 'PURE'} Tier 1 account has no ${lacks.join(' and no ')} mapped in buying_committee`,
      });
    }
  }

  return {
    score: {
      id: input.id,
      name: account.name,
      segment: account.segment ?? null,
      motion: account.motion ?? null,
      pure,
      fit,
      engagementPoints,
      engagedStakeholders: engaged,
      seniorEngaged: senior,
      mqa,
      signals: detail ? signals : [],
      icp: detail ? { firmographic: firmMatches, technographic: techResult } : { firmographic: [], technographic: null },
    },
    findings,
  };
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

/**
 * A score that keeps only what `validate` and `score` print, for workspaces of tens of thousands
 * of accounts: no evidence or details, and the parts most accounts have alike (the same few
 * component values, empty lists) shared rather than repeated. Strings cut from a file's text can
 * keep the whole text alive (engines share the characters), so the few strings kept are copied.
 */
export function compactScore(s: AccountScore): AccountScore {
  const components = {} as AccountScore['fit']['components'];
  for (const c of FIT_COMPONENTS) {
    const { component, origin, value, weight, contribution, conflict } = s.fit.components[c];
    components[c] = shared(`${component}|${origin}|${value.n}/${value.d}|${weight}|${contribution.n}/${contribution.d}|${conflict}`, () => ({
      component,
      origin,
      value,
      weight,
      contribution,
      conflict,
      detail: '',
      evidence: NO_EVIDENCE,
    }));
  }
  const pure = s.pure;
  return {
    ...s,
    name: detach(s.name),
    segment: s.segment === null ? null : detach(s.segment),
    motion: s.motion === null ? null : detach(s.motion),
    pure: pure ? shared(`pure|${PURE_CRITERIA.map((c) => pure.scores[c]).join('')}`, () => ({ ...pure, scores: { ...pure.scores }, evidence: NO_PURE_EVIDENCE })) : null,
    fit: { ...s.fit, components, missing: s.fit.missing.length === 0 ? NO_MISSING : s.fit.missing },
    signals: NO_SIGNALS,
    icp: NO_ICP,
  };
}

const NO_EVIDENCE: Evidence[] = [];
const NO_MISSING: FitComponent[] = [];
const NO_SIGNALS: SignalStatus[] = [];
const NO_ICP: AccountScore['icp'] = { firmographic: [], technographic: null };
const NO_PURE_EVIDENCE = { painful: '', urgent: '', recognized: '', expensive: '' };
/** Parts of compact scores that are alike, by what makes them alike. They are never changed. */
const parts = new Map<string, unknown>();

function shared<T>(key: string, make: () => T): T {
  let part = parts.get(key) as T | undefined;
  if (part === undefined) {
    if (parts.size > 10_000) parts.clear();
    part = make();
    parts.set(key, part);
  }
  return part;
}

function detach(text: string): string {
  return text.length < 13 ? text : `${text} `.slice(0, -1);
}

/**
 * Scores one account: PURE, fit (`account-fit.ts`), the buying committee and MQA
 * (`committee.ts`), signal latency (`signals.ts`). The findings only scoring can make are
 * worded in `rules/fit.ts`, `rules/committee.ts` and `rules/signals.ts`.
 */
import type { Finding } from '../problem.js';
import type { FitComponent } from '../schemas.js';
import { FIT_COMPONENTS, PURE_CRITERIA } from '../schemas.js';
import type { IndexMaps } from '../kinds/kind.js';
import { remapPath } from '../kinds/salvage.js';
import { committeeFindings } from '../rules/committee.js';
import { discoveryFindings } from '../rules/discovery.js';
import { fitFindings } from '../rules/fit.js';
import { signalFindings } from '../rules/signals.js';
import { accountFit, type FitInput, type IcpMatches } from './account-fit.js';
import { committeeOf } from './committee.js';
import type { Evidence, FitScore } from './fit.js';
import { scorePure, type PureScore } from './pure.js';
import { signalStatuses, type SignalStatus } from './signals.js';
import { detach } from '../detach.js';

export type { SignalStatus } from './signals.js';

export interface AccountScore {
  id: string;
  name: string;
  segment: string | null;
  motion: string | null;
  /** Who works the account, as written (`owner:`), and its web domain: for filters and lists. */
  owner: string | null;
  domain: string | null;
  /** The first of `next_actions`: what the weekly meeting asks about. */
  nextAction: string | null;
  pure: PureScore | null;
  fit: FitScore;
  engagementPoints: number;
  engagedStakeholders: number;
  seniorEngaged: number;
  mqa: boolean;
  signals: SignalStatus[];
  icp: IcpMatches;
}

export interface ScoreInput extends FitInput {
  id: string;
}

export function scoreAccount(input: ScoreInput): { score: AccountScore; findings: Finding[] } {
  const { account, config, asOfDay } = input;
  const detail = input.detail !== false;
  const { fit, icp, engagementPoints, notes } = accountFit(input);
  const committee = committeeOf(account, config, asOfDay);
  const signals = signalStatuses(account, asOfDay);
  const pure = account.pure ? scorePure(account.pure) : null;
  const findings = [...fitFindings(account, fit, notes), ...committeeFindings(account, committee, config.mqa.minEngaged, fit, pure), ...discoveryFindings(account, fit, pure), ...signalFindings(signals)];
  return {
    score: {
      id: input.id,
      name: account.name,
      segment: account.segment ?? null,
      motion: account.motion ?? null,
      owner: account.owner?.trim() || null,
      domain: account.domain?.trim() || null,
      nextAction: account.next_actions?.find((a) => a.trim() !== '')?.trim() ?? null,
      pure,
      fit,
      engagementPoints,
      engagedStakeholders: committee.engaged,
      seniorEngaged: committee.senior,
      mqa: committee.mqa,
      signals: detail ? signals : [],
      icp: detail ? icp : { firmographic: [], technographic: null },
    },
    findings,
  };
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
    owner: s.owner === null ? null : detach(s.owner),
    domain: s.domain === null ? null : detach(s.domain),
    nextAction: s.nextAction === null ? null : detach(s.nextAction),
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

/** A score of a salvaged account, with evidence and signals pointing at the file's list items. */
export function remapScore(score: AccountScore, indexes: IndexMaps): void {
  for (const component of Object.values(score.fit.components)) {
    component.evidence = component.evidence.map((e) => (e.source === 'account' ? { ...e, path: remapPath(e.path, indexes) ?? e.path } : e));
  }
  const signalOrigin = indexes.get('signals');
  if (signalOrigin) for (const s of score.signals) s.index = signalOrigin[s.index] ?? s.index;
}

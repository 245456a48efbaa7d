/** Account scores as data for every output of `score` and `export`: the JSON shape of cli.md, CSV rows, cells and tier counts. */
import type { AccountScore } from '../../core/scoring/account.js';
import { roundTenth } from '../../core/scoring/exact.js';
import { FIT_COMPONENTS, PURE_CRITERIA } from '../../core/schemas.js';
import { plural } from '../../core/words.js';

export interface AccountJson {
  id: string;
  name: string;
  segment: string | null;
  motion: string | null;
  pure: { painful: number; urgent: number; recognized: number; expensive: number; total: number; tier: number; tierName: string } | null;
  fit: {
    firmographic: number;
    technographic: number;
    intent: number;
    engagement: number;
    score: number;
    tier: number;
    tierName: string;
    missing: string[];
  };
  engagedStakeholders: number;
  mqa: boolean;
}

export function accountJson(s: AccountScore): AccountJson {
  return {
    id: s.id,
    name: s.name,
    segment: s.segment,
    motion: s.motion,
    pure: s.pure
      ? {
          painful: s.pure.scores.painful,
          urgent: s.pure.scores.urgent,
          recognized: s.pure.scores.recognized,
          expensive: s.pure.scores.expensive,
          total: s.pure.total,
          tier: s.pure.tier,
          tierName: s.pure.tierName,
        }
      : null,
    fit: {
      firmographic: roundTenth(s.fit.components.firmographic.value),
      technographic: roundTenth(s.fit.components.technographic.value),
      intent: roundTenth(s.fit.components.intent.value),
      engagement: roundTenth(s.fit.components.engagement.value),
      score: s.fit.score,
      tier: s.fit.tier,
      tierName: s.fit.tierName,
      missing: [...s.fit.missing],
    },
    engagedStakeholders: s.engagedStakeholders,
    mqa: s.mqa,
  };
}

export const CSV_COLUMNS = [
  'id',
  'name',
  'segment',
  'motion',
  ...PURE_CRITERIA,
  'pure_total',
  'pure_tier',
  'pure_tier_name',
  ...FIT_COMPONENTS,
  'fit_score',
  'fit_tier',
  'fit_tier_name',
  'fit_missing',
  'engaged_stakeholders',
  'mqa',
] as const;

export function csvRow(s: AccountScore): (string | number | boolean | null)[] {
  const j = accountJson(s);
  return [
    j.id,
    j.name,
    j.segment,
    j.motion,
    ...PURE_CRITERIA.map((c) => j.pure?.[c] ?? null),
    j.pure?.total ?? null,
    j.pure?.tier ?? null,
    j.pure?.tierName ?? null,
    ...FIT_COMPONENTS.map((c) => j.fit[c]),
    j.fit.score,
    j.fit.tier,
    j.fit.tierName,
    j.fit.missing.join(' '),
    j.engagedStakeholders,
    j.mqa,
  ];
}

export function pureCell(s: AccountScore): string {
  return s.pure ? `${s.pure.total}/12 T${s.pure.tier} ${s.pure.tierName}` : 'unscored';
}

export function fitCell(s: AccountScore): string {
  return `${s.fit.score} T${s.fit.tier} ${s.fit.tierName}`;
}

export interface TierCounts {
  pure: Record<string, number>;
  fit: Record<string, number>;
  mqa: number;
}

export function tierCounts(scores: readonly AccountScore[]): TierCounts {
  const pure: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, unscored: 0 };
  const fit: Record<string, number> = { '1': 0, '2': 0, '3': 0 };
  let mqa = 0;
  for (const s of scores) {
    const key = s.pure ? String(s.pure.tier) : 'unscored';
    pure[key] = (pure[key] ?? 0) + 1;
    fit[String(s.fit.tier)] = (fit[String(s.fit.tier)] ?? 0) + 1;
    if (s.mqa) mqa++;
  }
  return { pure, fit, mqa };
}

export function summaryLine(scores: readonly AccountScore[]): string {
  const c = tierCounts(scores);
  const pure = ['1', '2', '3', '4', '5'].map((t) => `T${t} ${c.pure[t]}`).join(', ');
  const unscored = c.pure.unscored ? `, unscored ${c.pure.unscored}` : '';
  const fit = ['1', '2', '3'].map((t) => `T${t} ${c.fit[t]}`).join(', ');
  return `${plural(scores.length, 'account')} · PURE ${pure}${unscored} · Fit ${fit} · MQA ${c.mqa}`;
}

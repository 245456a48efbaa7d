/** PURE problem score (scoring.md §1): Painful, Urgent, Recognized, Expensive, each 0..3. */
import { PURE_CRITERIA, type PureCriterion } from '../schemas.js';

export type PureTier = 1 | 2 | 3 | 4 | 5;

export interface PureTierInfo {
  tier: PureTier;
  name: string;
  priority: string;
  resources: string;
  /** Lowest total in the tier. */
  from: number;
  to: number;
}

export const PURE_TIERS: readonly PureTierInfo[] = [
  { tier: 1, name: 'Hair-on-Fire', priority: 'Highest', resources: 'Dedicated account team, custom everything', from: 10, to: 12 },
  { tier: 2, name: 'Burning Platform', priority: 'High', resources: 'Proactive outreach, personalized content', from: 7, to: 9 },
  { tier: 3, name: 'Active Pain', priority: 'Medium', resources: 'Targeted campaigns, scaled personalization', from: 4, to: 6 },
  { tier: 4, name: 'Emerging Need', priority: 'Lower', resources: 'Nurture programs, educational content', from: 1, to: 3 },
  { tier: 5, name: 'Future Potential', priority: 'Lowest', resources: 'Light touch, brand awareness only', from: 0, to: 0 },
];

export const PURE_LABELS: Record<PureCriterion, string> = {
  painful: 'Painful',
  urgent: 'Urgent',
  recognized: 'Recognized',
  expensive: 'Expensive',
};

export interface PureScore {
  scores: Record<PureCriterion, number>;
  evidence: Record<PureCriterion, string>;
  total: number;
  tier: PureTier;
  tierName: string;
  priority: string;
  resources: string;
}

export function pureTierOf(total: number): PureTierInfo {
  const info = PURE_TIERS.find((t) => total >= t.from && total <= t.to);
  // Totals are sums of four integers 0..3, so one tier always matches.
  return info ?? (PURE_TIERS[4] as PureTierInfo);
}

export function scorePure(pure: Record<PureCriterion, { score: number; evidence?: string | null }>): PureScore {
  const scores = {} as Record<PureCriterion, number>;
  const evidence = {} as Record<PureCriterion, string>;
  let total = 0;
  for (const c of PURE_CRITERIA) {
    scores[c] = pure[c].score;
    evidence[c] = pure[c].evidence ?? '';
    total += pure[c].score;
  }
  const info = pureTierOf(total);
  return { scores, evidence, total, tier: info.tier, tierName: info.name, priority: info.priority, resources: info.resources };
}

/**
 * The collateral report (method.md §2): assets by type, their review status against the cadence,
 * and each metric against its target. Overdue and never-reviewed assets come first.
 */
import type { Analysis } from '../analyze.js';
import { meets, parseTarget, reviewOf, type Collateral, type ReviewState } from '../kinds/collateral.js';
import { COLLATERAL_TYPES, type ReviewCadence } from '../schemas.js';

export type MetricStatus = 'met' | 'missed' | 'no-data' | 'no-target';

export interface MetricRow {
  metric: string;
  /** The target as written (`>= 0.4`; a bare number reads "at least"). */
  target: string | null;
  value: number | null;
  period: string | null;
  status: MetricStatus;
}

export interface AssetRow {
  id: string;
  file: string;
  name: string;
  type: string;
  owner: string | null;
  url: string | null;
  segments: string[];
  cadence: ReviewCadence;
  lastReviewed: string | null;
  /** The last day the review is on time. */
  dueBy: string | null;
  review: ReviewState;
  daysSinceReview: number | null;
  metrics: MetricRow[];
  /** Messaging files that name this asset as a proof point. */
  usedBy: string[];
}

export interface CollateralReport {
  total: number;
  /** Every type of method.md §2, in order, with its count. */
  byType: { type: string; count: number }[];
  review: Record<ReviewState, number>;
  metrics: Record<MetricStatus, number>;
  assets: AssetRow[];
}

const REVIEW_ORDER: Record<ReviewState, number> = { overdue: 0, never: 1, due: 2, ok: 3 };

export function targetText(target: number | string | undefined): string | null {
  if (target === undefined) return null;
  return typeof target === 'number' ? `>= ${target}` : target.trim();
}

export function metricRow(m: NonNullable<Collateral['metrics']>[number]): MetricRow {
  const target = m.target === undefined ? undefined : parseTarget(m.target);
  const value = m.value ?? null;
  const status: MetricStatus = target === undefined ? 'no-target' : value === null ? 'no-data' : meets(value, target) ? 'met' : 'missed';
  return { metric: m.metric, target: targetText(m.target), value, period: m.period ?? null, status };
}

export function collateralReport(analysis: Analysis): CollateralReport {
  const usedBy = new Map<string, string[]>();
  for (const e of analysis.messaging.values()) {
    for (const id of new Set((e.data.personas ?? []).flatMap((p) => p.proof_points ?? []))) usedBy.set(id, [...(usedBy.get(id) ?? []), e.id]);
  }
  const assets = [...analysis.collateral.values()].map((e): AssetRow => {
    const c = e.data;
    const review = reviewOf(c, analysis.asOfDay);
    return {
      id: e.id,
      file: e.file,
      name: c.name,
      type: c.type,
      owner: c.owner?.trim() || null,
      url: c.url?.trim() || null,
      segments: c.segments ?? [],
      cadence: review.cadence,
      lastReviewed: c.last_reviewed ?? null,
      dueBy: review.dueBy,
      review: review.status,
      daysSinceReview: review.daysSince,
      metrics: (c.metrics ?? []).map(metricRow),
      usedBy: (usedBy.get(e.id) ?? []).sort(),
    };
  });
  assets.sort((a, b) => REVIEW_ORDER[a.review] - REVIEW_ORDER[b.review] || a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));
  const review: Record<ReviewState, number> = { overdue: 0, never: 0, due: 0, ok: 0 };
  const metrics: Record<MetricStatus, number> = { met: 0, missed: 0, 'no-data': 0, 'no-target': 0 };
  for (const a of assets) {
    review[a.review]++;
    for (const m of a.metrics) metrics[m.status]++;
  }
  return { total: assets.length, byType: COLLATERAL_TYPES.map((type) => ({ type, count: assets.filter((a) => a.type === type).length })), review, metrics, assets };
}

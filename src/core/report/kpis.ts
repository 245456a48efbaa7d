/**
 * The KPI report: the KPI architecture of scoring.md §7 against its targets. Measured KPIs come
 * from the workspace's KPI records; multi-thread penetration and signal latency are computed from
 * the scored accounts at the as-of date.
 */
import type { Analysis } from '../analyze.js';
import { KPI_DEFINITIONS, type KpiCadence, type KpiDefinition, type KpiGoal, type KpiTier } from '../kpis.js';
import { comparePeriods, monthsBefore, periodSpan, type PeriodSpan } from './periods.js';
import { dealKpiPoints } from './deal-kpis.js';
import { median, roundTo } from './numbers.js';

export type KpiStatus = 'met' | 'missed' | 'no-data';
export type KpiTrend = 'up' | 'down' | 'flat';

export interface KpiPoint {
  period: string;
  value: number;
  note: string | null;
  /** Present on values computed from deals for a period without a record of its own. */
  source?: 'computed';
}

export interface KpiRow {
  id: string;
  tier: KpiTier;
  cadence: KpiCadence;
  definition: string;
  source: 'measured' | 'computed';
  goal: KpiGoal;
  target: number;
  targetText: string;
  /** The config's `kpis.<id>.target` replaced the default target. */
  targetOverridden: boolean;
  /** The record with the latest period; for a computed KPI, the value at the as-of date. */
  latest: KpiPoint | null;
  /** The record of the period before the latest one. */
  previous: KpiPoint | null;
  /** latest − previous. */
  change: number | null;
  trend: KpiTrend | null;
  /** Whether the trend moves toward the goal (lower is better for signal latency and pipeline velocity). */
  improving: boolean | null;
  /** For "−15% in 6 months": the value about six months before the latest, and the relative change from it. */
  baseline: KpiPoint | null;
  relativeChange: number | null;
  status: KpiStatus;
  /** Why the status is what it is, in a sentence. */
  reason: string;
  /** Every value up to the as-of date, oldest first. */
  history: KpiPoint[];
}

export interface KpiGroup {
  tier: KpiTier;
  cadence: KpiCadence;
  kpis: KpiRow[];
}

export interface KpisReport {
  /** KPI records up to the as-of date. */
  records: number;
  summary: { met: number; missed: number; noData: number };
  groups: KpiGroup[];
}

interface DatedPoint extends KpiPoint {
  span: PeriodSpan;
}

/** How far from "six months earlier" a record may end and still count as that baseline. */
const BASELINE_TOLERANCE_DAYS = 45;
const EPSILON = 1e-9;

export function kpisReport(analysis: Analysis): KpisReport {
  const { asOfDay } = analysis;
  const byKpi = new Map<string, DatedPoint[]>();
  let records = 0;
  for (const { record } of analysis.kpis) {
    const span = periodSpan(record.period);
    // A period that has not begun by the as-of date is not part of a report as of that date.
    if (!span || span.startDay > asOfDay) continue;
    records++;
    const list = byKpi.get(record.kpi) ?? [];
    list.push({ period: record.period, value: record.value, note: record.note ?? null, span });
    byKpi.set(record.kpi, list);
  }

  // Deal-based values fill the periods that have no record of their own (a record always wins).
  for (const p of dealKpiPoints(analysis)) {
    const span = periodSpan(p.period);
    const list = byKpi.get(p.kpi) ?? [];
    if (!span || span.startDay > asOfDay || list.some((r) => r.period === p.period)) continue;
    list.push({ period: p.period, value: p.value, note: p.note, source: 'computed', span });
    byKpi.set(p.kpi, list);
  }

  const computed = computedKpis(analysis);
  const rows = KPI_DEFINITIONS.map((def) => {
    const points = [...(byKpi.get(def.id) ?? [])].sort((a, b) => comparePeriods(a.span, b.span));
    const value = computed.get(def.id);
    if (value) points.push({ ...value, span: { granularity: 'day', startDay: asOfDay, endDay: asOfDay } });
    return kpiRow(def, analysis.config.kpiTargets[def.id], points);
  });

  const tiers: { tier: KpiTier; cadence: KpiCadence }[] = [
    { tier: 'leading', cadence: 'weekly' },
    { tier: 'core', cadence: 'monthly' },
    { tier: 'lagging', cadence: 'quarterly' },
  ];
  return {
    records,
    summary: {
      met: rows.filter((r) => r.status === 'met').length,
      missed: rows.filter((r) => r.status === 'missed').length,
      noData: rows.filter((r) => r.status === 'no-data').length,
    },
    groups: tiers.map((t) => ({ ...t, kpis: rows.filter((r) => r.tier === t.tier) })),
  };
}

/** The computed KPIs at the as-of date; absent when there is nothing to compute them from. */
function computedKpis(analysis: Analysis): Map<string, KpiPoint> {
  const out = new Map<string, KpiPoint>();
  const scores = [...analysis.scores.values()];
  if (scores.length > 0) {
    const mean = scores.reduce((s, a) => s + a.engagedStakeholders, 0) / scores.length;
    out.set('multi-thread-penetration', { period: analysis.asOf, value: roundTo(mean, 2), note: `mean over ${scores.length} ${scores.length === 1 ? 'account' : 'accounts'}` });
  }
  const latencies = scores.flatMap((s) => s.signals.map((g) => g.latencyHours).filter((h): h is number => h !== null));
  const m = median(latencies);
  if (m !== null) out.set('signal-latency', { period: analysis.asOf, value: roundTo(m, 1), note: `median of ${latencies.length} touched ${latencies.length === 1 ? 'signal' : 'signals'}` });
  return out;
}

function targetTextOf(def: KpiDefinition, target: number, overridden: boolean): string {
  if (!overridden) return def.targetText;
  switch (def.goal) {
    case 'at-least':
      return `≥ ${target}`;
    case 'below':
      return `< ${target}`;
    case 'change-at-most':
      return `${target < 0 ? '−' : '+'}${roundTo(Math.abs(target) * 100, 2)}% in ${def.lookbackMonths ?? 6} months`;
    case 'rising':
      return target === 0 ? def.targetText : `rising by more than ${target}`;
  }
}

function kpiRow(def: KpiDefinition, override: number | undefined, points: DatedPoint[]): KpiRow {
  const target = override ?? def.target;
  const overridden = override !== undefined;
  const plain = (p: DatedPoint | undefined): KpiPoint | null => (p ? { period: p.period, value: p.value, note: p.note, ...(p.source ? { source: p.source } : {}) } : null);
  const latest = points[points.length - 1];
  const previous = points[points.length - 2];
  const change = latest && previous ? roundTo(latest.value - previous.value, 6) : null;
  const trend: KpiTrend | null = change === null ? null : change > EPSILON ? 'up' : change < -EPSILON ? 'down' : 'flat';
  const lowerIsBetter = def.goal === 'below' || def.goal === 'change-at-most';
  const improving = trend === null || trend === 'flat' ? null : (trend === 'down') === lowerIsBetter;

  let status: KpiStatus = 'no-data';
  let reason = def.source === 'computed' ? 'nothing to compute it from yet' : 'no records yet';
  let baseline: DatedPoint | undefined;
  let relativeChange: number | null = null;
  if (latest) {
    const v = latest.value;
    switch (def.goal) {
      case 'at-least':
        status = v >= target - EPSILON ? 'met' : 'missed';
        reason = `${v} ${status === 'met' ? '≥' : '<'} ${target}`;
        break;
      case 'below':
        status = v < target ? 'met' : 'missed';
        reason = `${v} ${status === 'met' ? '<' : '≥'} ${target}`;
        break;
      case 'rising':
        if (!previous) {
          reason = `only one period (${latest.period}): nothing to compare with`;
        } else {
          baseline = previous;
          status = latest.value - previous.value > target + EPSILON ? 'met' : 'missed';
          reason = `${v} in ${latest.period} against ${previous.value} in ${previous.period}`;
        }
        break;
      case 'change-at-most': {
        const months = def.lookbackMonths ?? 6;
        baseline = baselineOf(points.slice(0, -1), monthsBefore(latest.span.endDay, months));
        if (!baseline) {
          reason = `no value about ${months} months before ${latest.period} to compare with`;
        } else if (baseline.value === 0) {
          baseline = undefined;
          reason = `the value ${months} months earlier is 0: no relative change`;
        } else {
          relativeChange = roundTo((v - baseline.value) / baseline.value, 4);
          status = (v - baseline.value) / baseline.value <= target + EPSILON ? 'met' : 'missed';
          reason = `${v} in ${latest.period} against ${baseline.value} in ${baseline.period}: ${relativeChange > 0 ? '+' : relativeChange < 0 ? '−' : ''}${roundTo(Math.abs(relativeChange) * 100, 1)}%`;
        }
        break;
      }
    }
  }

  return {
    id: def.id,
    tier: def.tier,
    cadence: def.cadence,
    definition: def.definition,
    source: def.source,
    goal: def.goal,
    target,
    targetText: targetTextOf(def, target, overridden),
    targetOverridden: overridden,
    latest: plain(latest),
    previous: plain(previous),
    change,
    trend,
    improving,
    baseline: plain(baseline),
    relativeChange,
    status,
    reason,
    history: points.map((p) => plain(p) as KpiPoint),
  };
}

/** The record ending nearest to `day` (the earlier on a tie), if one ends near enough. */
function baselineOf(points: readonly DatedPoint[], day: number): DatedPoint | undefined {
  let best: DatedPoint | undefined;
  for (const p of points) {
    const distance = Math.abs(p.span.endDay - day);
    if (distance > BASELINE_TOLERANCE_DAYS) continue;
    if (!best || distance < Math.abs(best.span.endDay - day)) best = p;
  }
  return best;
}

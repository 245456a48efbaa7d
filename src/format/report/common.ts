/** Words and number formats every report renderer shares, so the terminal, markdown and HTML say the same thing. */
import type { AccountRef, FocusAccount, KpiRow, Report, AssetRow, Coverage, MetricRow, PhaseRow } from '../../core/report/index.js';
import { roundTo } from '../../core/report/numbers.js';

export const NOTHING_YET = {
  accounts: 'No accounts yet: add one with abx new account <id>.',
  bets: 'No bets yet: add one with abx new bet <id>.',
  kpiRecords: 'No KPI records yet: add them to kpis/*.yaml, e.g. - { kpi: message-resonance-rate, period: 2026-W47, value: 0.42 }. Until then every measured KPI reads no-data.',
  signals: 'No signals yet: log one under signals: in an account (type, date, summary, first_touch).',
  openSignals: 'No open signals: every signal has had a first touch.',
  messaging: 'No messaging yet: add one with abx new messaging <id>.',
  collateral: 'No collateral yet: add an asset with abx new collateral <id> --type case-study.',
  plan: 'No 90-day plan yet: add plan.md with name, started and three sections Days 1-30, Days 31-60, Days 61-90 (abx init writes one).',
  roi: 'No deals or investment records yet: add deals: to an account and investments/*.yaml (abx new investment 2026-q4).',
  calibration: 'No closed deals yet: calibration needs won and lost deals (deals: in an account, with result and closed).',
} as const;

export const SECTION_TITLES = {
  tiers: 'Tiers',
  kpis: 'KPIs',
  bets: 'Bet board',
  signals: 'Signals',
  messaging: 'Messaging',
  collateral: 'Collateral',
  plan: '90-day plan',
  roi: 'ROI',
  calibration: 'Calibration',
} as const;

/** "8 of 12 (66.7%)", or "none expected". */
export function coverageText(c: Coverage): string {
  return c.percent === null ? 'none expected' : `${c.filled} of ${c.expected} (${c.percent}%)`;
}

export const REVIEW_LABELS: Record<AssetRow['review'], string> = { ok: 'on time', due: 'due', overdue: 'overdue', never: 'never reviewed' };

export function reviewText(a: AssetRow): string {
  if (a.review === 'never') return `never reviewed (${a.cadence})`;
  return `${REVIEW_LABELS[a.review]}: ${a.cadence}, last ${a.lastReviewed}, due by ${a.dueBy}`;
}

export function metricText(m: MetricRow): string {
  const status = m.status === 'no-data' ? 'no data' : m.status === 'no-target' ? 'no target' : m.status;
  return `${m.value === null ? '—' : m.value}${m.target === null ? '' : ` vs ${m.target}`}${m.period ? ` (${m.period})` : ''}: ${status}`;
}

export const PHASE_LABELS: Record<PhaseRow['status'], string> = { done: 'done', overdue: 'overdue', current: 'in progress', upcoming: 'upcoming', ended: 'ended, no tasks', missing: 'no such section' };

export function reportTitle(report: Report): string {
  return `${report.company ?? 'ABX'} report · as of ${report.asOf}`;
}

export { plural } from '../../core/words.js';

export function num(value: number): string {
  return String(value);
}

/** A share 0..1 as a percent with at most one decimal. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${roundTo(share * 100, 1)}%`;
}

export function hours(h: number | null): string {
  return h === null ? '—' : `${h} h`;
}

export function statusLabel(status: KpiRow['status']): string {
  return status === 'no-data' ? 'no data' : status;
}

export function signedNumber(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0';
}

/** "↑ +0.02 vs 2026-W46", or "—" without a previous period. */
export function trendText(row: KpiRow): string {
  if (row.change === null || row.previous === null) return '—';
  const arrow = row.trend === 'up' ? '↑' : row.trend === 'down' ? '↓' : '→';
  return `${arrow} ${signedNumber(row.change)} vs ${row.previous.period}`;
}

/** The target, and for "−15% in 6 months" how far the KPI moved against its baseline. */
export function targetWithComparison(row: KpiRow): string {
  const base = `${row.targetText}${row.targetOverridden ? ' (config)' : ''}`;
  if (row.goal !== 'change-at-most' || row.relativeChange === null || row.baseline === null) return base;
  return `${base}: now ${signedNumber(roundTo(row.relativeChange * 100, 1))}% vs ${row.baseline.period}`;
}

export function latestText(row: KpiRow): string {
  return row.latest ? num(row.latest.value) : '—';
}

export function periodText(row: KpiRow): string {
  if (!row.latest) return '—';
  return row.source === 'computed' || row.latest.source === 'computed' ? `computed ${row.latest.period}` : row.latest.period;
}

export function budgetText(b: NonNullable<Report['tiers']>['budget']): string {
  return `${b.primary.area} ${b.primary.percent}%, ${b.secondary.area} ${b.secondary.percent}%, the other ${b.remainingPercent}% where the plan needs it`;
}

export function kpiRecordsEmpty(report: Report): boolean {
  return report.kpis !== undefined && report.kpis.records === 0;
}

/** Unicode block bar of `value` out of `max`, `width` cells wide at most, eighths for the last cell. */
export function unicodeBar(value: number, max: number, width = 20): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  const full = Math.floor(eighths / 8);
  const rest = eighths % 8;
  return '█'.repeat(full) + (rest > 0 ? (['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][rest] ?? '') : '');
}

// ---------------------------------------------------------------- the meeting's words

export const MEETING_TITLES = {
  cells: 'Who is in the grid (first accounts of each cell, by fit)',
  focus: 'Tier 1 and MQA: the accounts to go through',
  owners: 'Accounts per owner',
  signalOwners: 'Open signals by owner',
} as const;

export function ownerText(owner: string | null): string {
  return owner ?? 'no owner';
}

/** "Northwind Logistics (maya@…)". */
export function refText(r: AccountRef): string {
  return `${r.name} (${ownerText(r.owner)})`;
}

/** The grid's non-empty cells, warmest first, each with the accounts it names and how many more it holds. */
export function gridCells(t: NonNullable<Report['tiers']>): { label: string; refs: AccountRef[]; more: number }[] {
  const out: { label: string; refs: AccountRef[]; more: number }[] = [];
  for (const row of t.grid) {
    for (const c of row.cells) if (c.count > 0) out.push({ label: `Fit ${row.fitTier} × PURE ${c.pureTier}`, refs: c.top, more: c.count - c.top.length });
    if (row.unscored > 0) out.push({ label: `Fit ${row.fitTier} × unscored`, refs: row.unscoredTop, more: row.unscored - row.unscoredTop.length });
  }
  return out;
}

export function focusTiers(f: FocusAccount): { pure: string; fit: string } {
  return { pure: f.pureTier === null ? 'unscored' : `${f.pureTier} ${f.pureTierName}`, fit: `${f.fitTier} ${f.fitTierName} (${f.fitScore})` };
}

export { usdText } from '../../core/report/deals.js';

/** A percentage already in percent (60.5): "60.5%", or "—". */
export function pct(value: number | null): string {
  return value === null ? '—' : `${value < 0 ? '−' : ''}${Math.abs(value)}%`;
}

export function liftText(value: number | null): string {
  return value === null ? '—' : `×${value.toFixed(2)}`;
}

/** "3 won / 2 lost". */
export function wonLost(r: { won: number; lost: number }): string {
  return `${r.won} won / ${r.lost} lost`;
}

export function weightsText(w: Record<string, number>): string {
  return `firmographic ${w.firmographic}, technographic ${w.technographic}, intent ${w.intent}, engagement ${w.engagement}`;
}

export const VERDICT_LABELS = { predictive: 'predictive', 'not-predictive': 'NOT PREDICTIVE', 'insufficient-data': 'not enough data yet' } as const;

/**
 * `abx report`: plain data for every report, the JSON shapes of docs/reports.md. The renderers
 * (src/format/report-*.ts) draw these; nothing here knows about terminals or HTML.
 */
import type { Analysis } from '../analyze.js';
import type { Config } from '../config.js';
import { betsReport, type BetsReport } from './bets.js';
import { kpisReport, type KpisReport } from './kpis.js';
import { signalsReport, type SignalsReport } from './signals.js';
import { tiersReport, type TiersReport } from './tiers.js';

export const REPORT_NAMES = ['tiers', 'kpis', 'bets', 'signals'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export interface Report {
  asOf: string;
  company: string | null;
  stage: Config['stage'];
  /** The reports asked for; `abx report all` fills all four. */
  tiers?: TiersReport;
  kpis?: KpisReport;
  bets?: BetsReport;
  signals?: SignalsReport;
}

export function buildReport(analysis: Analysis, names: readonly ReportName[]): Report {
  const report: Report = { asOf: analysis.asOf, company: analysis.config.company, stage: analysis.config.stage };
  for (const name of REPORT_NAMES) {
    if (!names.includes(name)) continue;
    switch (name) {
      case 'tiers':
        report.tiers = tiersReport(analysis);
        break;
      case 'kpis':
        report.kpis = kpisReport(analysis);
        break;
      case 'bets':
        report.bets = betsReport(analysis);
        break;
      case 'signals':
        report.signals = signalsReport(analysis);
        break;
    }
  }
  return report;
}

export type { BetsReport, KpisReport, SignalsReport, TiersReport };
export type { BetCard, BetColumn } from './bets.js';
export type { KpiRow, KpiStatus, KpiGroup, KpiPoint } from './kpis.js';
export type { OpenSignal, SignalStats } from './signals.js';
export type { GridRow, PureTierRow, FitTierRow, SegmentTiers } from './tiers.js';
export type { BudgetGuidance } from './budget.js';

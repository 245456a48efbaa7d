/**
 * `abx report`: plain data for every report, the JSON shapes of docs/reports.md. The renderers
 * (src/format/report/<format>.ts) draw these; nothing here knows about terminals or HTML.
 * Adding a report: its module here, its line in REPORT_NAMES, Report and BUILDERS, and a section
 * function in each renderer (the compiler lists the ones missing).
 */
import type { Analysis } from '../analyze.js';
import type { Config } from '../config.js';
import { betsReport, type BetsReport } from './bets.js';
import { calibrationReport, type CalibrationOptions, type CalibrationReport } from './calibration.js';
import { collateralReport, type CollateralReport } from './collateral.js';
import { kpisReport, type KpisReport } from './kpis.js';
import { messagingReport, type MessagingReport } from './messaging.js';
import { planReport, type PlanReport } from './plan.js';
import { roiReport, type RoiOptions, type RoiReport } from './roi.js';
import { signalsReport, type SignalsReport } from './signals.js';
import { tiersReport, type TiersReport } from './tiers.js';

export const REPORT_NAMES = ['tiers', 'kpis', 'bets', 'signals', 'messaging', 'collateral', 'plan', 'roi', 'calibration'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export interface Report {
  asOf: string;
  company: string | null;
  stage: Config['stage'];
  /** The reports asked for; `abx report all` fills them all. */
  tiers?: TiersReport;
  kpis?: KpisReport;
  bets?: BetsReport;
  signals?: SignalsReport;
  messaging?: MessagingReport;
  collateral?: CollateralReport;
  plan?: PlanReport;
  roi?: RoiReport;
  calibration?: CalibrationReport;
}

/** Options of single reports: `report roi --period`, `report calibration --weights`. */
export type ReportOptions = RoiOptions & CalibrationOptions;

type Parts = Required<Omit<Report, 'asOf' | 'company' | 'stage'>>;

const BUILDERS: { [K in ReportName]: (analysis: Analysis, options: ReportOptions) => Parts[K] } = {
  tiers: tiersReport,
  kpis: kpisReport,
  bets: betsReport,
  signals: signalsReport,
  messaging: messagingReport,
  collateral: collateralReport,
  plan: planReport,
  roi: roiReport,
  calibration: calibrationReport,
};

/**
 * The reports `names`, in the order of REPORT_NAMES. `narrowed`: these reports read another
 * analysis instead (the account filters narrow the tiers and signals reports, not the others).
 */
export function buildReport(analysis: Analysis, names: readonly ReportName[], options: ReportOptions = {}, narrowed?: { names: ReadonlySet<ReportName>; analysis: Analysis }): Report {
  const report: Report = { asOf: analysis.asOf, company: analysis.config.company, stage: analysis.config.stage };
  const build = <K extends ReportName>(name: K) => {
    (report as Partial<Parts>)[name] = BUILDERS[name](narrowed?.names.has(name) ? narrowed.analysis : analysis, options);
  };
  for (const name of REPORT_NAMES) if (names.includes(name)) build(name);
  return report;
}

/** Each report's section in one format, taking the report's data and what the format needs. */
export type Sections<Out, Extra extends unknown[] = []> = { [K in ReportName]: (data: Parts[K], ...extra: Extra) => Out };

/** The sections of the reports present, in the order of REPORT_NAMES. */
export function sectionsOf<Out, Extra extends unknown[]>(report: Report, sections: Sections<Out, Extra>, ...extra: Extra): Out[] {
  const out: Out[] = [];
  for (const name of REPORT_NAMES) {
    const data = report[name];
    if (data !== undefined) out.push((sections[name] as (d: typeof data, ...e: Extra) => Out)(data, ...extra));
  }
  return out;
}

export type { BetsReport, CalibrationReport, CollateralReport, KpisReport, MessagingReport, PlanReport, RoiReport, SignalsReport, TiersReport };
export type { AssetRow, MetricRow, MetricStatus } from './collateral.js';
export type { CalibrationModel, CalibrationRow, CalibratedDeal } from './calibration.js';
export type { CapabilityRow, Coverage, MessagingCard, PersonaRow } from './messaging.js';
export type { PhaseRow, PhaseStatus } from './plan.js';
export type { RoiPeriod, TierWinRate } from './roi.js';
export type { BetCard, BetColumn } from './bets.js';
export type { KpiRow, KpiStatus, KpiGroup, KpiPoint } from './kpis.js';
export type { OpenSignal, OwnerSignals, SignalStats } from './signals.js';
export type { AccountRef, FocusAccount, GridRow, OwnerRow, PureTierRow, FitTierRow, SegmentTiers } from './tiers.js';
export type { BudgetGuidance } from './budget.js';

/** The KPI architecture of scoring.md §7: what is measured, how often, and what counts as met. */

export type KpiTier = 'leading' | 'core' | 'lagging';
export type KpiCadence = 'weekly' | 'monthly' | 'quarterly';

/**
 * How a value is judged against its target:
 * - `at-least`: value ≥ target
 * - `below`: value < target
 * - `change-at-most`: relative change from the value `lookbackMonths` earlier ≤ target (−0.15 = −15%)
 * - `rising`: the latest value is above the previous period's
 */
export type KpiGoal = 'at-least' | 'below' | 'change-at-most' | 'rising';

export interface KpiDefinition {
  id: string;
  tier: KpiTier;
  cadence: KpiCadence;
  definition: string;
  goal: KpiGoal;
  target: number;
  /** How the target reads in the methodology's words. */
  targetText: string;
  source: 'measured' | 'computed';
  lookbackMonths?: number;
}

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  { id: 'message-resonance-rate', tier: 'leading', cadence: 'weekly', definition: 'share of conversations where the prospect uses our language', goal: 'at-least', target: 0.4, targetText: '≥ 0.40', source: 'measured' },
  { id: 'content-engagement-depth', tier: 'leading', cadence: 'weekly', definition: 'minutes on key content by target accounts', goal: 'at-least', target: 3, targetText: '≥ 3', source: 'measured' },
  { id: 'multi-thread-penetration', tier: 'leading', cadence: 'weekly', definition: 'mean engaged stakeholders per target account', goal: 'at-least', target: 3, targetText: '≥ 3', source: 'computed' },
  { id: 'signal-latency', tier: 'leading', cadence: 'weekly', definition: 'median hours from signal to first touch', goal: 'below', target: 72, targetText: '< 72', source: 'computed' },
  { id: 'marketing-sourced-meetings', tier: 'core', cadence: 'monthly', definition: 'meetings from marketing-initiated engagement, per month', goal: 'at-least', target: 2, targetText: '≥ 2', source: 'measured' },
  { id: 'pipeline-velocity', tier: 'core', cadence: 'monthly', definition: 'days from first touch to proposal', goal: 'change-at-most', target: -0.15, targetText: '−15% in 6 months', source: 'measured', lookbackMonths: 6 },
  { id: 'deal-influence-rate', tier: 'core', cadence: 'monthly', definition: 'share of active pipeline with marketing touchpoints', goal: 'at-least', target: 0.8, targetText: '≥ 0.80', source: 'measured' },
  { id: 'competitive-win-rate', tier: 'core', cadence: 'monthly', definition: 'share won when a competitor is present', goal: 'rising', target: 0, targetText: 'rising quarter on quarter', source: 'measured' },
  { id: 'revenue-influenced', tier: 'lagging', cadence: 'quarterly', definition: 'share of bookings marketing contributed to', goal: 'at-least', target: 0.5, targetText: '≥ 0.50', source: 'measured' },
  { id: 'customer-expansion-rate', tier: 'lagging', cadence: 'quarterly', definition: 'share of customers entering expansion talks within 18 months', goal: 'at-least', target: 0.6, targetText: '≥ 0.60', source: 'measured' },
  { id: 'brand-authority-index', tier: 'lagging', cadence: 'quarterly', definition: 'unsolicited inbound citing our content', goal: 'rising', target: 0, targetText: 'rising', source: 'measured' },
];

export const KPI_IDS: readonly string[] = KPI_DEFINITIONS.map((k) => k.id);

export function kpiDefinition(id: string): KpiDefinition | undefined {
  return KPI_DEFINITIONS.find((k) => k.id === id);
}

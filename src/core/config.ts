/** The workspace config with every default of format.md and scoring.md filled in. */
import type { ConfigFile } from './config-schema.js';
import { defaultPaths, KINDS, type Kind } from './kinds/index.js';
import type { Criteria, FitComponent } from './schemas.js';
import { FIT_COMPONENTS } from './schemas.js';
import { isRuleId, RULES, type Finding, type RuleId, type Severity, type SeveritySetting } from './problem.js';
import { KPI_IDS } from './kpis.js';
import { didYouMean } from './suggest.js';

export const DEFAULT_POINTS: Readonly<Record<string, number>> = {
  'website-visit': 1,
  'content-download': 5,
  'event-registration': 10,
  'demo-request': 25,
  'meeting-scheduled': 50,
  'opportunity-created': 100,
};

export const DEFAULT_STAGES = ['identification', 'consideration', 'validation', 'implementation', 'expansion'] as const;

/** Each kind's default glob (`kinds/<kind>.ts`). */
export const DEFAULT_PATHS: Readonly<Record<Kind, string>> = defaultPaths();

export interface Config {
  company: string | null;
  stage: 'early' | 'scaling' | 'leader';
  asOf: string | null;
  paths: Record<Kind, string>;
  weights: Record<FitComponent, number>;
  fitTiers: readonly [number, number];
  /** Most accounts a 1:1 (fit tier 1) and a 1:few (fit tier 2) programme can run: `tier-capacity`. */
  fitTierCapacity: readonly [number, number];
  engagement: { windowDays: number; cap: number; points: Record<string, number> };
  mqa: { windowDays: number; minEngaged: number; minSenior: number; seniorLevels: readonly string[] };
  icpCriteria: Criteria | undefined;
  journeyStages: readonly string[];
  kpiTargets: Record<string, number>;
  severities: Partial<Record<RuleId, SeveritySetting>>;
  schemas: Partial<Record<Kind, string>>;
}

export const DEFAULT_WEIGHTS: Readonly<Record<FitComponent, number>> = { firmographic: 40, technographic: 20, intent: 25, engagement: 15 };

export function resolveConfig(file: ConfigFile): { config: Config; findings: Finding[] } {
  const findings: Finding[] = [];
  const scoring = file.scoring ?? {};
  const weights = { ...DEFAULT_WEIGHTS };
  for (const c of FIT_COMPONENTS) {
    const w = scoring.weights?.[c];
    if (w !== undefined) weights[c] = w;
  }
  const sum = FIT_COMPONENTS.reduce((s, c) => s + weights[c], 0);
  // Weights are percents typed by people: compare at a precision no one types past.
  if (Math.abs(sum - 100) > 1e-9) {
    findings.push({
      rule: 'schema',
      path: ['scoring', 'weights'],
      message: `scoring.weights must add up to exactly 100 (they add up to ${+sum.toFixed(6)})`,
    });
  }

  const points: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [type, p] of Object.entries(DEFAULT_POINTS)) points[type] = p;
  for (const [type, p] of Object.entries(scoring.engagement?.points ?? {})) points[type] = p;

  const severities: Partial<Record<RuleId, SeveritySetting>> = {};
  for (const [rule, setting] of Object.entries(file.rules ?? {})) {
    if (!isRuleId(rule)) {
      findings.push({ rule: 'unknown-key', path: ['rules', rule], message: `rules.${rule} is not a rule id${didYouMean(rule, Object.keys(RULES))}` });
      continue;
    }
    const info = RULES[rule] as { fixed?: boolean };
    if (info.fixed && setting !== 'error') {
      findings.push({ rule: 'schema', path: ['rules', rule], message: `rules.${rule} cannot be changed: abx cannot read a file past this problem` });
      continue;
    }
    severities[rule] = setting;
  }

  const kpiTargets: Record<string, number> = {};
  for (const [id, override] of Object.entries(file.kpis ?? {})) {
    if (!KPI_IDS.includes(id)) {
      findings.push({ rule: 'unknown-reference', path: ['kpis', id], message: `kpis.${id} is not a KPI of the KPI architecture${didYouMean(id, KPI_IDS)}` });
      continue;
    }
    kpiTargets[id] = override.target;
  }

  const paths = { ...DEFAULT_PATHS };
  for (const kind of KINDS) {
    const p = file.paths?.[kind];
    if (p) paths[kind] = p;
  }

  const schemas: Partial<Record<Kind, string>> = {};
  for (const kind of KINDS) {
    const p = file.schemas?.[kind];
    if (p) schemas[kind] = p;
  }

  const config: Config = {
    company: file.company ?? null,
    stage: file.stage ?? 'early',
    asOf: file.as_of ?? null,
    paths,
    weights,
    fitTiers: file.scoring?.fit_tiers ?? [80, 60],
    fitTierCapacity: file.scoring?.fit_tier_capacity ?? [50, 500],
    engagement: {
      windowDays: scoring.engagement?.window_days ?? 90,
      cap: scoring.engagement?.cap ?? 100,
      points,
    },
    mqa: {
      windowDays: scoring.mqa?.window_days ?? 90,
      minEngaged: scoring.mqa?.min_engaged ?? 3,
      minSenior: scoring.mqa?.min_senior ?? 1,
      seniorLevels: scoring.mqa?.senior_levels ?? ['vp', 'c-level'],
    },
    icpCriteria: file.icp?.criteria,
    journeyStages: file.journey?.stages ?? [...DEFAULT_STAGES],
    kpiTargets,
    severities,
    schemas,
  };
  return { config, findings };
}

/** The severity a rule has in this workspace, or undefined when the config switched it off. */
export function severityOf(config: Config | undefined, rule: RuleId): Severity | undefined {
  const setting = config?.severities[rule];
  if (setting === 'off') return undefined;
  if (setting === 'warn') return 'warning';
  if (setting === 'error') return 'error';
  return RULES[rule].severity;
}

/** The workspace config with every default of format.md and scoring.md filled in. */
import type { ConfigFile } from './config-schema.js';
import { defaultPaths, KINDS, type Kind } from './kinds/index.js';
import type { Criteria, FitComponent } from './schemas.js';
import { FIT_COMPONENTS } from './schemas.js';
import { isRuleId, RULES, type Finding, type RuleId, type Severity, type SeveritySetting } from './problem.js';
import { KPI_IDS } from './kpis.js';
import { didYouMean } from './suggest.js';
import { MAX_CONFIG_LIST, MAX_GLOB_DOUBLE_STARS } from './bounds.js';

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
  /** `import.regions`: country → region for `abx import`, over the built-in table. */
  importRegions: Record<string, string>;
  /** The generated blocks abx writes and checks (`generated_blocks`, default `[pure]`). */
  generatedBlocks: readonly ('pure' | 'fit')[];
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
  const schemas: Partial<Record<Kind, string>> = {};
  for (const kind of KINDS) {
    for (const [key, given, into] of [['paths', file.paths?.[kind], paths], ['schemas', file.schemas?.[kind], schemas]] as const) {
      if (!given) continue;
      const p = given.replace(/^(\.\/)+/, '');
      const why = pathOutsideWorkspace(p, key === 'paths');
      if (why) findings.push({ rule: 'schema', path: [key, kind], message: `${key}.${kind}: ${why}` });
      else into[kind] = p;
    }
  }

  const config: Config = {
    company: file.company ?? null,
    stage: file.stage ?? 'early',
    asOf: file.as_of ?? null,
    importRegions: { ...(file.import?.regions ?? {}) },
    generatedBlocks: [...new Set(file.generated_blocks ?? ['pure'])] as ('pure' | 'fit')[],
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

/**
 * Why a path or glob the config names could reach outside the workspace (or into git's own
 * files), or undefined when it cannot. Only the text is judged here; links are checked where the
 * files are (src/workspace/confine.ts). A `..` is refused even when it would come back inside:
 * one rule that needs no resolving is one that cannot be got round.
 */
export function pathOutsideWorkspace(path: string, glob: boolean): string | undefined {
  const shown = JSON.stringify(path);
  if (/^[/\\]/.test(path) || /^[a-zA-Z]:/.test(path)) return `${shown} is an absolute path: paths in the config are relative to the folder of abx.config.yaml, and abx reads nothing outside it`;
  if (path.includes('\\')) return `${shown} contains a backslash: write paths with /`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return `${shown} contains a control character`;
  // Split on what can start or end a path segment, brace alternatives included: `{..,x}/*.md`.
  const segments = glob ? path.split(/[/{},]/) : path.split('/');
  if (segments.includes('..')) return `${shown} leaves the workspace through "..": paths in the config must stay inside the folder of abx.config.yaml`;
  if (segments.some((s) => s.toLowerCase() === '.git')) return `${shown} reaches into .git: abx never reads git's own files (they can hold credentials)`;
  if (glob) {
    const stars = path.split('/').filter((s) => s === '**').length;
    if (stars > MAX_GLOB_DOUBLE_STARS) return `${shown} has ${stars} "**" parts: at most ${MAX_GLOB_DOUBLE_STARS} are allowed`;
  }
  return undefined;
}

/** The config's lists and maps that have a bound on their size (src/core/bounds.ts). */
const BOUNDED_LISTS: readonly (readonly string[])[] = [['journey', 'stages'], ['scoring', 'engagement', 'points'], ['rules'], ['kpis']];

/**
 * The config's lists and maps past MAX_CONFIG_LIST entries, found before any entry is checked:
 * each bad entry would be a problem of its own, located in the file. (The zod schema says the
 * same, for editors; it looks at the entries first.)
 */
export function oversizedConfigLists(data: unknown): Finding[] {
  const findings: Finding[] = [];
  for (const path of BOUNDED_LISTS) {
    let value: unknown = data;
    for (const key of path) value = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    if (value === null || typeof value !== 'object') continue;
    const size = Array.isArray(value) ? value.length : Object.keys(value).length;
    if (size > MAX_CONFIG_LIST) {
      findings.push({ rule: 'schema', path: [...path], message: `${path.join('.')} has ${size.toLocaleString('en-US')} entries: at most ${MAX_CONFIG_LIST} are allowed` });
    }
  }
  return findings;
}

/** The severity a rule has in this workspace, or undefined when the config switched it off. */
export function severityOf(config: Config | undefined, rule: RuleId): Severity | undefined {
  const setting = config?.severities[rule];
  if (setting === 'off') return undefined;
  if (setting === 'warn') return 'warning';
  if (setting === 'error') return 'error';
  return RULES[rule].severity;
}

/**
 * abx as a library: `import { loadWorkspace, analyze, scoreAccount } from 'abx'`.
 *
 * A small surface that stays stable across releases (docs/warehouse.md, "abx as a library"):
 * everything here returns the same shapes `abx score --format json` prints, so a script and the
 * CLI never disagree. Nothing here prints, exits or reads the clock except loadWorkspace, which
 * reads the workspace's files and, without an as-of date, today's date.
 */
import { analyze as analyzeCore, type Analysis, type AnalyzeInput, type SourceFile } from './core/analyze.js';
import { resolveConfig, type Config } from './core/config.js';
import { dayNumber } from './core/dates.js';
import type { Problem } from './core/problem.js';
import type { Account } from './core/kinds/account.js';
import type { ConfigFile } from './core/config-schema.js';
import type { Segment } from './core/kinds/segment.js';
import { scoreAccount as scoreCore } from './core/scoring/account.js';
import { modelOfAnalysis, sqlScript, tablesOfAnalysis, type DialectName, type Tables } from './core/sql/index.js';
import { accountJson, type AccountJson } from './format/score/rows.js';
import { tableFiles } from './format/export/tables.js';
import { loadWorkspace as loadCore } from './workspace/load.js';

export type { Account, AccountJson, Analysis, Config, ConfigFile, DialectName, Problem, Segment, SourceFile, Tables };

export interface Workspace {
  /** The folder holding abx.config.yaml. */
  root: string;
  config: Config;
  /** The date everything was computed for (YYYY-MM-DD). */
  asOf: string;
  /** Every problem, the config's included, sorted by file and position. */
  problems: Problem[];
  /** Every scored account, as `abx score --format json` gives it, in file order. */
  scores: AccountJson[];
  /** The whole analysis: records, scores with their explanations, KPI records. */
  analysis: Analysis;
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function checkDate(asOf: string | undefined): void {
  if (asOf !== undefined && dayNumber(asOf) === undefined) throw new RangeError(`asOf must be a date in the form YYYY-MM-DD, not "${asOf}"`);
}

/**
 * Reads and analyses the workspace that holds `dir` (abx.config.yaml there or in a folder above).
 * `asOf` defaults to the config's `as_of`, else today. Rejects when there is no workspace or its
 * config is invalid; problems in the other files are in `problems`.
 */
export async function loadWorkspace(dir: string, options: { asOf?: string } = {}): Promise<Workspace> {
  checkDate(options.asOf);
  const ws = await loadCore({ cwd: dir, asOf: options.asOf, today: today() });
  return {
    root: ws.root,
    config: ws.config,
    asOf: ws.analysis.asOf,
    problems: [...ws.configProblems, ...ws.analysis.problems],
    scores: [...ws.analysis.scores.values()].map(accountJson),
    analysis: ws.analysis,
  };
}

/** The config with every default filled in, from the parsed YAML of abx.config.yaml (or `{ version: 1 }`). */
export function configOf(file: ConfigFile = { version: 1 }): Config {
  return resolveConfig(file).config;
}

/**
 * Analyses files given as text, without touching the disk: `{ path: 'accounts/acme.md', kind: 'accounts', text }`.
 * Validation problems and scores, exactly as the CLI computes them.
 */
export function analyze(input: { files: readonly SourceFile[]; config?: Config; asOf: string }): Analysis {
  checkDate(input.asOf);
  const options: AnalyzeInput = { config: input.config ?? configOf(), files: input.files, asOf: input.asOf };
  return analyzeCore(options);
}

/** Scores one account (the parsed frontmatter of an account file) as `abx score --format json` would. */
export function scoreAccount(account: Account, options: { id: string; asOf: string; config?: Config; segment?: Segment }): AccountJson {
  checkDate(options.asOf);
  const { score } = scoreCore({ id: options.id, account, segment: options.segment, config: options.config ?? configOf(), asOfDay: dayNumber(options.asOf) as number, detail: false });
  return accountJson(score);
}

/** The SQL script of `abx sql` for a loaded workspace: the view abx_scores, optionally after loading a tables folder. */
export function warehouseSql(ws: Workspace, options: { dialect?: DialectName; asOf?: string | null; dbt?: boolean; load?: string } = {}): string {
  checkDate(options.asOf ?? undefined);
  const asOf = options.asOf === undefined ? ws.asOf : options.asOf;
  return sqlScript(modelOfAnalysis(ws.analysis, asOf), { dialect: options.dialect ?? 'duckdb', dbt: options.dbt, load: options.load });
}

/** The files of `abx export --format tables` (file name → content) for a loaded workspace. */
export function warehouseTables(ws: Workspace): Map<string, string> {
  return tableFiles(tablesOfAnalysis(ws.analysis));
}

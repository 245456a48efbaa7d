/**
 * The analysis's inputs and outputs. Types only: the pipeline (`analyze.ts`), the workspace
 * loaders and the renderers import them; they import nothing that imports them back.
 */
import type { Config } from './config.js';
import type { Account } from './kinds/account.js';
import type { Bet } from './kinds/bet.js';
import type { Collateral } from './kinds/collateral.js';
import type { Messaging } from './kinds/messaging.js';
import type { Plan } from './kinds/plan.js';
import type { InvestmentEntry } from './kinds/investment.js';
import type { Kind } from './kinds/index.js';
import type { Entry } from './kinds/kind.js';
import type { Journey } from './kinds/journey.js';
import type { KpiEntry } from './kinds/kpi.js';
import type { Segment } from './kinds/segment.js';
import type { DataPath, Finding, Problem } from './problem.js';
import type { AccountScore } from './scoring/account.js';

export type { Entry } from './kinds/kind.js';
export type { KpiEntry } from './kinds/kpi.js';
export type { Kind } from './kinds/index.js';

export interface FileRef {
  /** Relative to the workspace root, with `/`. */
  path: string;
  kind: Kind;
}

export interface SourceFile extends FileRef {
  /** The file's text, BOM removed; absent when it could not be read. */
  text?: string;
  /** Why the file could not be read as text. */
  unreadable?: string;
}

/** A JSON Schema check supplied by the workspace layer (ajv), reporting data paths. */
export type CustomCheck = (data: unknown) => { path: DataPath; message: string }[];

/** The ids of a file list by kind, and the first file (in list order) of each markdown kind's id. */
export interface FileIdIndex {
  fileIds: Map<string, Set<string>>;
  /** By `${kind}\u0000${id}`. */
  firstFileOfId: Map<string, string>;
}

export interface AnalyzeInput {
  config: Config;
  /** Files with their text, or references that `read` turns into files when their turn comes. */
  files: readonly (SourceFile | FileRef)[];
  read?: (file: FileRef) => SourceFile;
  /**
   * Files whose results the caller already has (`abx diff`: the same account file, config and
   * segment on both sides): they count for ids, references and duplicates, but are neither read
   * nor analysed, and have no score or problems here.
   */
  settled?: (file: FileRef) => boolean;
  asOf: string;
  customChecks?: Partial<Record<Kind, CustomCheck>>;
  /**
   * Keep only what `validate` and `score` print: problems and scores without explanations.
   * The account, bet and journey maps stay empty and texts are let go file by file.
   */
  lean?: boolean;
  /** Kinds whose records are kept in lean mode too (`export` keeps the accounts, for their facts). */
  keep?: readonly Kind[];
  /** Scores are kept unless this is false (`validate` prints problems only). */
  keepScores?: boolean;
  /**
   * Analyse only these paths; the other files still count as ids for references and duplicates.
   * The language server re-analyses what a change can affect (segments always come along, since
   * scores need them). Cross-file rules see only the files analysed, and `tier-capacity` only
   * the accounts scored, so the caller settles those.
   */
  only?: ReadonlySet<string>;
  /** `indexIds(files)`, when the caller has it from an earlier run over the same list of paths. */
  ids?: FileIdIndex;
  /** 'count': warnings are counted, not listed (`score` lists errors only), which spares locating them. */
  warnings?: 'list' | 'count';
  /**
   * Given: each file's problems are handed over, sorted, as soon as the file is finished, and not
   * kept (`Analysis.problems` stays empty), so `validate` holds their text, not the problems. Files
   * come in the order they are analysed (segments first, and after every other file when a rule
   * over all of them must run first), not in path order.
   */
  onProblems?: (file: string, problems: Problem[]) => void;
  /**
   * Given: called with each file as it is finished, while its text is still held: for an
   * account with its score as computed, before a lean run compacts it (what its generated blocks
   * show; undefined when it was not scored), the config it was analysed under, and its record
   * (undefined when the file has none). `fmt` decides each file here and
   * `export` takes each account's facts, so a lean run can let the texts and records go.
   */
  onFile?: (file: FinishedFile, score: AccountScore | undefined, config: Config, record: unknown) => void;
}

/** A file as `AnalyzeInput.onFile` sees it. */
export interface FinishedFile {
  path: string;
  kind: Kind;
  /** Undefined when the file could not be read (see `unreadable`). */
  text?: string;
  unreadable?: string;
}

export interface Analysis {
  asOf: string;
  /** The as-of date as a day number (`dates.ts`), parsed once. */
  asOfDay: number;
  config: Config;
  /** Files analysed. */
  fileCount: number;
  problems: Problem[];
  segments: Map<string, Entry<Segment>>;
  /** Empty in lean mode, like bets and journeys. */
  accounts: Map<string, Entry<Account>>;
  bets: Map<string, Entry<Bet>>;
  journeys: Map<string, Entry<Journey>>;
  kpis: KpiEntry[];
  /** Kept in lean mode too (`abx diff` compares them); plan is not. */
  messaging: Map<string, Entry<Messaging>>;
  collateral: Map<string, Entry<Collateral>>;
  /** plan.md by id (`plan`); at most one file with the default glob. */
  plan: Map<string, Entry<Plan>>;
  /** Investment records (method.md §4), in file order; broken records left out. */
  investments: InvestmentEntry[];
  /** Accounts scored, in path order; accounts whose data could not be read are absent. */
  scores: Map<string, AccountScore>;
  /** Files with at least one error. */
  filesWithErrors: Set<string>;
  /** Warnings counted but not in `problems` (AnalyzeInput.warnings 'count'). */
  unlistedWarnings: number;
  /** The same, by rule id. */
  unlistedByRule: Record<string, number>;
  /** Files `abx init` wrote as examples that nobody has edited yet (`template-mark.ts`): left out of reports. */
  templates: Set<string>;
  /** Accounts scored in fit tier 1, 2 and 3. */
  fitTierCounts: readonly [number, number, number];
  /** Findings about the config (`tier-capacity`): the workspace layer locates them in abx.config.yaml. */
  configFindings: Finding[];
}

/**
 * What a kind of workspace file is, in one place: its folder and default glob, its singular name,
 * its zod schema and JSON Schema title, its per-file rules, the template of a new file and the
 * questions `abx new` asks. The pipeline (`core/analyze.ts`), the config defaults, `abx schema`,
 * `init` and `new` loop over `kinds/index.ts`; nothing else lists kinds.
 *
 * Nothing here imports the pipeline, the config or scoring: they import the kinds.
 */
import type { z } from 'zod';
import type { DataPath, Finding } from '../problem.js';

/** One file's record, with what is needed to place problems in it. */
export interface Entry<T> {
  id: string;
  file: string;
  data: T;
  /** The markdown body after the frontmatter (empty for KPI files). */
  body: string;
  bodyLine: number;
  bodyOffset: number;
  /** Positions in this file, computed on first use. */
  locate: (path: DataPath) => { line: number; column: number };
}

/**
 * Ids of every file of a kind, read or not, known from the file list before any file is read.
 * A reference to a file that exists but has errors is not an unknown reference.
 */
export type FileIds = ReadonlyMap<string, ReadonlySet<string>>;

/** What per-file rules read from the workspace config (a part of `Config`, named here so kinds stay below config.ts). */
export interface RuleSettings {
  journeyStages: readonly string[];
  engagement: { points: Record<string, number> };
}

/** A reference from one record to a file of another kind, checked against the file list. */
export interface Reference {
  kind: string;
  /** The singular, for messages: "names no segment file". */
  what: string;
  value: string;
  path: DataPath;
  name: string;
}

export interface RuleContext {
  config: RuleSettings;
  asOfDay: number;
  file: string;
  /** The markdown body and its first line in the file (the 90-day plan's phases live there). */
  body: string;
  bodyLine: number;
  /**
   * The persona titles of a segment that was read (segments are read first), or undefined when
   * the segment has no readable file: messaging checks its persona map against them.
   */
  segmentPersonas(id: string): readonly string[] | undefined;
}

/** The three prompt functions abx uses, shaped like @inquirer/prompts so tests can pass fakes. */
export interface Prompter {
  input(config: { message: string; default?: string; validate?: (value: string) => boolean | string }): Promise<string>;
  select<T>(config: { message: string; choices: { name: string; value: T; description?: string }[]; default?: T }): Promise<T>;
  confirm(config: { message: string; default?: boolean }): Promise<boolean>;
}

/** What `new` knows about the workspace when it asks. */
export interface NewSetting {
  id: string;
  segments: { id: string; name: string }[];
  journeyStages: readonly string[];
  /** Where the file will be written, relative to the root. */
  file: string;
  out: { write(text: string): void };
  /** Normalised domain → the account file that has it (an account per company). */
  domains?: ReadonlyMap<string, string>;
  /** The workspace's as-of date (YYYY-MM-DD): a new asset counts as reviewed that day. */
  asOf?: string;
}

export type Flags = Record<string, unknown>;

export interface KindDef<K extends string = string, T = unknown, S extends string = string> {
  /** The folder name, the key under `paths` and `schemas` in the config: `accounts`. */
  kind: K;
  /** `account`: for `abx new`, `abx schema` and messages. */
  singular: S;
  /** The default glob, relative to the workspace root. */
  glob: string;
  /** Markdown with YAML frontmatter, or a plain YAML file (KPI records). */
  format: 'markdown' | 'yaml';
  schema: z.ZodType<T>;
  /** For the editor JSON Schema (`abx schema`, `.abx/schemas/`). */
  title: string;
  description: string;
  /** Read before every other kind (scores need segments), and kept in lean mode. */
  first?: boolean;
  /** Kept when the analysis is lean (`validate`, `score`): segments, because scores need them; KPI records. */
  keepWhenLean?: boolean;
  /** Accounts are scored (scoring.md) once their rules have run. */
  scored?: boolean;
  /**
   * What can still be used of a file whose data failed its schema (the errors are reported all
   * the same); `indexes` maps list positions of the salvaged record back to the file's.
   */
  salvage?(data: unknown, findings: readonly Finding[]): { record: T; indexes?: IndexMaps } | undefined;
  /** The kind's own rules for one record. */
  rules?(record: T, ctx: RuleContext): Finding[];
  /** Ids this record names in other kinds' files. */
  references?(record: T): Reference[];
  /** Rules across this kind's files as they come, made once per analysis (KPI records named twice). */
  acrossFiles?(): (entry: Entry<T>) => Finding[];
  /** Adds what JSON Schema can say and zod cannot (KPI ids, period patterns). */
  patchJsonSchema?(json: Record<string, unknown>): void;
  /** Rules that need every file of the kind (budget shares): by file. */
  afterAll?(entries: readonly Entry<T>[]): Map<string, Finding>;
  /** `abx new <singular>`: the new file's text, from flags and, on a terminal, questions. */
  newFile?(flags: Flags, setting: NewSetting, prompter?: Prompter): Promise<string>;
}

/** For each salvaged list, the index in the file of each item kept. */
export type IndexMaps = Map<string, number[]>;

/** A kind of markdown files with frontmatter in `<kind>/`, named `<id>.md`: the usual case. */
export function markdownKind<K extends string, T, S extends string>(def: Omit<KindDef<K, T, S>, 'glob' | 'format' | 'description'> & Partial<Pick<KindDef, 'glob' | 'description'>>): KindDef<K, T, S> {
  return { glob: `${def.kind}/**/*.md`, format: 'markdown', description: `Frontmatter of ${def.kind}/<id>.md.`, ...def };
}

/** `newFile` from a kind's questions and its template. */
export function asking<A>(answers: (flags: Flags, setting: NewSetting, prompter?: Prompter) => Promise<A>, template: (answers: A) => string): NonNullable<KindDef['newFile']> {
  return async (flags, setting, prompter) => template(await answers(flags, setting, prompter));
}

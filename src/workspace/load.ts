/** load → validate → score: reads the config and files of a workspace and hands them to the core. */
import { analyze } from '../core/analyze.js';
import type { Analysis, AnalyzeInput, CustomCheck, FileRef, SourceFile } from '../core/model.js';
import { checkSchema } from '../core/check-schema.js';
import { oversizedConfigLists, resolveConfig, severityOf, type Config } from '../core/config.js';
import { resolveAsOf } from '../core/dates.js';
import { compareProblems, type Finding, type Problem } from '../core/problem.js';
import { configSchema } from '../core/config-schema.js';
import type { Kind } from '../core/kinds/index.js';
import { locatePath } from '../core/yaml/locate.js';
import { parseYaml, parseYamlDocument, type ParsedDocument } from '../core/yaml/parse.js';
import { MAX_WORKSPACE_FILES } from '../core/bounds.js';
import { confineConfigPaths } from './confine.js';
import { listWorkspaceFiles, readSourceFile, realRootOf } from './files.js';
import { CONFIG_FILE, findRoot } from './root.js';

export class WorkspaceError extends Error {}

export interface LoadedConfig {
  config: Config | undefined;
  problems: Problem[];
  /** The config as a `yaml` Document, for positions: parsed on first use. */
  document: () => ParsedDocument | undefined;
  /** Locates findings about the config (from the analysis: `tier-capacity`) as its problems. */
  place: (findings: Finding[], config?: Config) => Problem[];
}

/** Reads abx.config.yaml. Problems are located; an invalid config leaves `config` undefined. */
export function loadConfigText(text: string | undefined, unreadable?: string): LoadedConfig {
  let parsedDocument: ParsedDocument | undefined;
  const document = () => (text === undefined ? undefined : (parsedDocument ??= parseYamlDocument(text)));
  const at = (findings: Finding[], config?: Config): Problem[] =>
    findings.flatMap((f) => {
      const severity = severityOf(config, f.rule);
      if (!severity) return [];
      const doc = f.line === undefined ? document() : undefined;
      const span = f.line !== undefined ? { line: f.line, column: f.column ?? 1 } : doc ? locatePath(doc.doc, doc.lineCounter, f.path ?? []) : { line: 1, column: 1 };
      return [{ file: CONFIG_FILE, line: span.line, column: span.column, severity, rule: f.rule, message: f.message }];
    });
  if (text === undefined) {
    return { config: undefined, document, place: at, problems: at([{ rule: 'file-unreadable', line: 1, column: 1, message: unreadable ?? 'cannot be read' }]) };
  }
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    const e = parsed.error;
    return { config: undefined, document, place: at, problems: at([{ rule: 'frontmatter-syntax', line: e.line, column: e.column, message: e.message }]) };
  }
  const oversized = oversizedConfigLists(parsed.data);
  if (oversized.length > 0) return { config: undefined, document, place: at, problems: at(oversized) };
  const checked = checkSchema(configSchema, parsed.data ?? {}, 'the config');
  if (!checked.data) return { config: undefined, document, place: at, problems: at(checked.findings) };
  const { config, findings } = resolveConfig(checked.data);
  const problems = at([...checked.findings, ...findings], config);
  const broken = problems.some((p) => p.severity === 'error');
  return { config: broken ? undefined : config, document, place: at, problems };
}

export interface LoadOptions {
  /** Where to start looking for the workspace root. */
  cwd: string;
  /** The as-of date from the command line; the config's `as_of`, then `today`, follow. */
  asOf?: string;
  today: string;
  /** Keep only problems and scores (what validate and score print): see AnalyzeInput.lean. */
  lean?: boolean;
  /** See AnalyzeInput.keep. */
  keep?: readonly Kind[];
  /** False: no scores are kept (see AnalyzeInput.keepScores). */
  keepScores?: boolean;
  /** See AnalyzeInput.warnings. */
  warnings?: 'list' | 'count';
  /** See AnalyzeInput.onProblems. */
  onProblems?: AnalyzeInput['onProblems'];
  /** See AnalyzeInput.onFile. */
  onFile?: AnalyzeInput['onFile'];
  /** Called with each workspace file as it is read (`abx diff` takes its blob id). */
  onRead?: (source: SourceFile) => void;
}

export interface Workspace {
  root: string;
  config: Config;
  /** abx.config.yaml as a `yaml` Document, for positions: parsed on first use. */
  configDocument: () => ParsedDocument | undefined;
  /** Problems of abx.config.yaml itself (warnings only; errors stop the load). */
  configProblems: Problem[];
  analysis: Analysis;
  /** The workspace's files; without their texts in lean mode. */
  sources: SourceFile[];
}

export class ConfigInvalid extends Error {
  /** `revision`: the config is a git revision's (`the base revision main (1a2b3c4)`), not the working tree's. */
  constructor(
    readonly problems: Problem[],
    readonly revision?: string,
  ) {
    super('the workspace config is invalid');
  }
}

export function requireRoot(cwd: string): string {
  const root = findRoot(cwd);
  if (!root) throw new WorkspaceError(`no ${CONFIG_FILE} found in ${cwd} or any folder above it: run abx init to create a workspace`);
  return root;
}

export async function loadWorkspace(options: LoadOptions): Promise<Workspace> {
  const root = requireRoot(options.cwd);
  const configSource = readSourceFile(root, realRootOf(root), { path: CONFIG_FILE, kind: 'kpis' });
  const loaded = loadConfigText(configSource.text, configSource.unreadable);
  if (!loaded.config) throw new ConfigInvalid(loaded.problems);
  const config = loaded.config;
  const realRoot = realRootOf(root);
  // Paths that links carry outside the workspace stop the load before anything is read through them.
  loaded.problems.push(...confineConfigPaths(root, realRoot, config).map((f) => configProblem(loaded, f)));
  if (loaded.problems.some((p) => p.severity === 'error')) throw new ConfigInvalid(loaded.problems);
  const customChecks = await loadCustomChecks(root, config, loaded);
  if (loaded.problems.some((p) => p.severity === 'error')) throw new ConfigInvalid(loaded.problems);

  const listed = listWorkspaceFiles(root, config.paths);
  requireFileCount(listed.length);
  const asOf = resolveAsOf(options.asOf, config.asOf, options.today);
  const read = (f: FileRef) => {
    const source = readSourceFile(root, realRoot, f);
    options.onRead?.(source);
    return source;
  };
  // Lean: each file is read when its turn comes and let go after, instead of all held at once.
  const sources: SourceFile[] = options.lean ? listed : listed.map(read);
  const analysis = analyze({ config, files: sources, read, asOf, customChecks, lean: options.lean, keep: options.keep, keepScores: options.keepScores, warnings: options.warnings, onProblems: options.onProblems, onFile: options.onFile });
  addConfigFindings(loaded, analysis);
  return { root, config, configDocument: loaded.document, configProblems: loaded.problems, analysis, sources };
}

/** The analysis's findings about the config (`tier-capacity`) join the config's problems, located there. */
export function addConfigFindings(loaded: LoadedConfig, analysis: Analysis): void {
  loaded.problems.push(...loaded.place(analysis.configFindings, analysis.config));
  loaded.problems.sort(compareProblems);
}

/** Stops a workspace whose kind globs match more files than abx reads (src/core/bounds.ts). */
export function requireFileCount(count: number): void {
  if (count > MAX_WORKSPACE_FILES) {
    throw new WorkspaceError(
      `the kind globs of ${CONFIG_FILE} match ${count.toLocaleString('en-US')} files, more than the limit of ${MAX_WORKSPACE_FILES.toLocaleString('en-US')} files per workspace: narrow the globs in paths, or split the workspace`,
    );
  }
}

/** An error of the config from a finding at a key path, located in abx.config.yaml. */
export function configProblem(loaded: LoadedConfig, f: Finding): Problem {
  const doc = loaded.document();
  const span = doc ? locatePath(doc.doc, doc.lineCounter, f.path ?? []) : { line: 1, column: 1 };
  return { file: CONFIG_FILE, line: span.line, column: span.column, severity: 'error', rule: f.rule, message: f.message };
}

/** Compiles the JSON Schemas named in the config's `schemas`; ajv is loaded only when there are any. */
export async function loadCustomChecks(root: string, config: Config, loaded: LoadedConfig): Promise<Partial<Record<Kind, CustomCheck>>> {
  const entries = Object.entries(config.schemas) as [Kind, string][];
  if (entries.length === 0) return {};
  const { compileCustomSchema } = await import('./custom-schemas.js');
  const checks: Partial<Record<Kind, CustomCheck>> = {};
  for (const [kind, path] of entries) {
    const result = compileCustomSchema(root, path);
    if ('error' in result) {
      loaded.problems.push(configProblem(loaded, { rule: 'schema', path: ['schemas', kind], message: `schemas.${kind}: ${result.error}` }));
    } else {
      checks[kind] = result.check;
    }
  }
  return checks;
}

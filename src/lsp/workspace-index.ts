/**
 * The language server's picture of the workspace: every file's text (an open buffer wins over
 * the file on disk), the config, each file's located problems and each account's score. Built
 * once at start-up with the same analysis `abx validate` runs, then updated per change by
 * re-analysing only what the change can affect (`affectedBy`): the core's `analyze` with `only`
 * set, so rules, messages and positions are the CLI's by construction.
 *
 * Reads go through `src/workspace/files.ts` (links out of the workspace are not followed, the
 * 1 MiB bound holds); nothing here writes.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, indexIds, type FileIdIndex } from '../core/analyze.js';
import type { Config } from '../core/config.js';
import { resolveAsOf } from '../core/dates.js';
import { normaliseDomain } from '../core/import/domain.js';
import { fileId, KINDS, type Kind } from '../core/kinds/index.js';
import type { CustomCheck, SourceFile } from '../core/model.js';
import { compareProblems, type Problem } from '../core/problem.js';
import { tierCapacityFindings } from '../core/rules/tier-capacity.js';
import type { AccountScore } from '../core/scoring/account.js';
import { MAX_FILE_BYTES, MAX_WORKSPACE_FILES } from '../core/bounds.js';
import { confineConfigPaths } from '../workspace/confine.js';
import { listWorkspaceFiles, readSourceFile, realRootOf } from '../workspace/files.js';
import { compileGlob, type GlobMatcher } from '../workspace/glob.js';
import { configProblem, loadConfigText, loadCustomChecks, type LoadedConfig } from '../workspace/load.js';
import { CONFIG_FILE } from '../workspace/root.js';
import type { EditorDocument, WorkspaceFacts } from './facts.js';

export interface IndexOptions {
  /** `abx --as-of`, when the server was started with it. */
  asOf?: string;
  /** Today, asked each time the workspace is read (a server may run for days). */
  today: () => string;
}

interface IndexedFile {
  path: string;
  kind: Kind;
  /** The file as read from disk; undefined for a buffer with no file behind it yet. */
  disk?: SourceFile;
}

/** What a change touches: nothing, some files (re-analysed), or everything (the config, a segment, the file set). */
export type Affected = Set<string> | 'all' | 'config';

export class WorkspaceIndex implements WorkspaceFacts {
  readonly realRoot: string;
  config: Config | undefined;
  asOf: string;
  private loaded: LoadedConfig | undefined;
  private configProblems: Problem[] = [];
  private customChecks: Partial<Record<Kind, CustomCheck>> = {};
  private matchers: { kind: Kind; glob: GlobMatcher }[] = [];
  private readonly files = new Map<string, IndexedFile>();
  /** The files in path order, as the analysis takes them (rebuilt when the set of files changes). */
  private sources: SourceFile[] | undefined;
  /** The first file (in path order) of each kind and id: the one that defines it. */
  private firstOfId: Map<string, string> | undefined;
  /** The analysis's ids of the same list, kept while only texts change. */
  private idIndex: FileIdIndex | undefined;
  /** Accounts scored in fit tier 1, 2 and 3, kept as scores come and go (`tier-capacity`). */
  private readonly fitTierCounts: [number, number, number] = [0, 0, 0];
  private readonly buffers = new Map<string, string>();
  private readonly problems = new Map<string, Problem[]>();
  private readonly scores = new Map<string, AccountScore>();
  private readonly domains = new Map<string, string>();
  /** The segment each scored account's score was computed with. */
  private readonly segmentOf = new Map<string, string>();
  private readonly detailed = new Map<string, AccountScore | null>();

  constructor(
    readonly root: string,
    private readonly options: IndexOptions,
  ) {
    this.realRoot = realRootOf(root);
    this.asOf = resolveAsOf(options.asOf, null, options.today());
  }

  /** Reads the config and every file, and analyses the workspace. */
  async load(): Promise<void> {
    this.files.clear();
    this.problems.clear();
    this.scores.clear();
    this.fitTierCounts.fill(0);
    this.domains.clear();
    this.segmentOf.clear();
    this.invalidate();
    const text = this.buffers.get(CONFIG_FILE);
    const disk = text === undefined ? readSourceFile(this.root, this.realRoot, { path: CONFIG_FILE, kind: 'kpis' }) : undefined;
    const loaded = text !== undefined ? loadConfigText(text) : loadConfigText(disk?.text, disk?.unreadable);
    this.loaded = loaded;
    this.config = undefined;
    this.configProblems = loaded.problems;
    if (!loaded.config) return;
    const config = loaded.config;
    loaded.problems.push(...confineConfigPaths(this.root, this.realRoot, config).map((f) => configProblem(loaded, f)));
    if (!loaded.problems.some((p) => p.severity === 'error')) this.customChecks = await loadCustomChecks(this.root, config, loaded);
    const listed = loaded.problems.some((p) => p.severity === 'error') ? [] : listWorkspaceFiles(this.root, config.paths);
    if (listed.length > MAX_WORKSPACE_FILES) {
      loaded.problems.push({ file: CONFIG_FILE, line: 1, column: 1, severity: 'error', rule: 'schema', message: `the kind globs match ${listed.length.toLocaleString('en-US')} files, more than the limit of ${MAX_WORKSPACE_FILES.toLocaleString('en-US')} files per workspace: narrow the globs in paths, or split the workspace` });
    }
    loaded.problems.sort(compareProblems);
    if (loaded.problems.some((p) => p.severity === 'error')) return;
    this.config = config;
    this.asOf = resolveAsOf(this.options.asOf, config.asOf, this.options.today());
    this.matchers = KINDS.map((kind) => ({ kind, glob: compileGlob(config.paths[kind]) }));
    for (const f of listed) this.files.set(f.path, { path: f.path, kind: f.kind, disk: readSourceFile(this.root, this.realRoot, f) });
    // Open buffers of files that are not on disk yet.
    for (const path of this.buffers.keys()) if (!this.files.has(path)) this.addBufferOnly(path);
    this.analyse(undefined);
  }

  // ---- WorkspaceFacts

  *ids(kind: Kind): Iterable<string> {
    for (const f of this.files.values()) if (f.kind === kind) yield fileId(f.path, kind);
  }

  pathOf(kind: Kind, id: string): string | undefined {
    if (!this.firstOfId) {
      this.firstOfId = new Map();
      for (const s of this.allSources()) if (!this.firstOfId.has(`${s.kind}\u0000${fileId(s.path, s.kind)}`)) this.firstOfId.set(`${s.kind}\u0000${fileId(s.path, s.kind)}`, s.path);
    }
    return this.firstOfId.get(`${kind}\u0000${id}`);
  }

  /** The account's score with its explanation (as `score --explain` has it), computed on first ask after a change. */
  score(accountId: string): AccountScore | undefined {
    const path = this.pathOf('accounts', accountId);
    if (!path || !this.config || !this.scores.has(accountId)) return undefined;
    if (!this.detailed.has(path)) {
      const analysis = this.run(this.withSegments([path]), false);
      this.detailed.set(path, analysis.scores.get(accountId) ?? null);
    }
    return this.detailed.get(path) ?? undefined;
  }

  // ---- documents

  /** The kind a workspace-relative path has under the config's globs; 'config' for abx.config.yaml. */
  kindOf(path: string): Kind | 'config' | undefined {
    if (path === CONFIG_FILE) return 'config';
    return this.files.get(path)?.kind ?? this.matchers.find((m) => m.glob.test(path))?.kind;
  }

  /** The document as the handlers see it: the open buffer, else the file on disk. */
  document(path: string): EditorDocument {
    const buffer = this.buffers.get(path);
    const kind = this.kindOf(path);
    return { path, kind, text: buffer ?? this.files.get(path)?.disk?.text ?? '' };
  }

  /** Problems of one file as `abx validate` would report them with the buffers saved. */
  diagnostics(path: string): readonly Problem[] {
    if (path === CONFIG_FILE) return this.configProblems;
    if (!this.config) return [];
    return this.problems.get(path) ?? [];
  }

  /**
   * An open buffer's new text (undefined: closed). Returns what must be re-analysed; the caller
   * batches changes and calls `update`.
   */
  setBuffer(path: string, text: string | undefined): Affected {
    const before = this.buffers.get(path);
    if (text === undefined) this.buffers.delete(path);
    else this.buffers.set(path, text);
    if (before === text) return new Set();
    if (path === CONFIG_FILE) return 'config';
    if (!this.config) return new Set();
    const known = this.files.get(path);
    if (!known) {
      if (text === undefined || !this.addBufferOnly(path)) return new Set();
      return this.affectedByIds(path);
    }
    if (!known.disk && text === undefined) {
      // A buffer with no file behind it is closed: the file is gone from the workspace.
      return this.remove(path);
    }
    this.patchSource(known);
    return this.affectedBy(known);
  }

  /** A file changed, appeared or went on disk (`workspace/didChangeWatchedFiles`). */
  diskChanged(path: string, deleted: boolean): Affected {
    if (path === CONFIG_FILE || (this.config && Object.values(this.config.schemas).includes(path))) return 'config';
    if (!this.config) return new Set();
    const known = this.files.get(path);
    const kind = known?.kind ?? this.matchers.find((m) => m.glob.test(path))?.kind;
    if (!kind || path.split('/').some((s) => s === '.git' || s === 'node_modules')) return new Set();
    if (deleted) {
      if (!known) return new Set();
      if (this.buffers.has(path)) {
        known.disk = undefined;
        return new Set();
      }
      return this.remove(path);
    }
    const disk = readSourceFile(this.root, this.realRoot, { path, kind });
    if (known) {
      known.disk = disk;
      if (this.buffers.has(path) && !this.isLink(path)) return new Set();
      this.patchSource(known);
      return this.affectedBy(known);
    }
    this.files.set(path, { path, kind, disk });
    this.invalidate();
    return this.affectedByIds(path);
  }

  /** Re-analyses what changes touched; returns the paths whose problems may have changed ('all': any). */
  async update(affected: Affected): Promise<Set<string> | 'all'> {
    if (affected === 'config') {
      await this.load();
      return 'all';
    }
    if (!this.config) return new Set();
    if (affected === 'all') {
      this.analyse(undefined);
      return 'all';
    }
    if (affected.size === 0) return affected;
    const accounts = [...affected].filter((p) => this.files.get(p)?.kind === 'accounts');
    const before = new Map(accounts.map((p) => [p, this.domains.get(p)]));
    const only = this.withSegments(affected);
    this.analyse(only);
    // A changed domain may make (or end) a duplicate-domain pair with files not analysed yet.
    const again = new Set<string>();
    for (const p of accounts) {
      const now = this.domains.get(p);
      if (now !== before.get(p) && now !== undefined) for (const q of this.accountsWithDomain(now)) if (!only.has(q)) again.add(q);
    }
    if (again.size > 0) {
      for (const p of only) again.add(p);
      this.analyse(again);
      return again;
    }
    return only;
  }

  // ---- internals

  /** The set of files changed: the path order and the ids are worked out again on next use. */
  private invalidate(): void {
    this.sources = undefined;
    this.firstOfId = undefined;
    this.idIndex = undefined;
  }

  private isLink(path: string): boolean {
    try {
      return lstatSync(join(this.root, path)).isSymbolicLink();
    } catch {
      return false;
    }
  }

  private addBufferOnly(path: string): boolean {
    const kind = this.matchers.find((m) => m.glob.test(path))?.kind;
    if (!kind || path.split('/').some((s) => s === '.git' || s === 'node_modules')) return false;
    this.files.set(path, { path, kind });
    this.invalidate();
    return true;
  }

  private remove(path: string): Affected {
    const known = this.files.get(path);
    if (!known) return new Set();
    const affected = this.affectedByIds(path);
    this.files.delete(path);
    this.problems.delete(path);
    this.invalidate();
    if (known.kind === 'accounts') {
      const id = fileId(path, 'accounts');
      if (this.pathOf('accounts', id) === undefined) this.setScore(id, undefined);
      this.domains.delete(path);
      this.segmentOf.delete(path);
    }
    if (affected !== 'all' && affected !== 'config') affected.delete(path);
    return affected;
  }

  /** The text the analysis reads for a file: the buffer, unless the path on disk is a link (validate would not follow it out). */
  private source(f: IndexedFile): SourceFile {
    const buffer = this.buffers.get(f.path);
    if (buffer !== undefined && !(f.disk?.unreadable !== undefined && this.isLink(f.path))) return bufferSource(f.path, f.kind, buffer);
    return f.disk ?? { path: f.path, kind: f.kind, text: '' };
  }

  private patchSource(f: IndexedFile): void {
    if (!this.sources) return;
    const i = this.sources.findIndex((s) => s.path === f.path);
    if (i >= 0) this.sources[i] = this.source(f);
    else this.invalidate();
  }

  private allSources(): SourceFile[] {
    this.sources ??= [...this.files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((f) => this.source(f));
    return this.sources;
  }

  /**
   * A change of a file's text: the file itself; for a segment, every file but the accounts of
   * other segments (personas and budget shares read every segment, a score its own); all KPI files for a KPI file (a record named
   * twice); accounts that shared its domain.
   */
  private affectedBy(f: IndexedFile): Affected {
    const out = new Set([f.path]);
    if (f.kind === 'segments') {
      // An account reads its own segment only (its score); everything else may read any segment.
      const id = fileId(f.path, 'segments');
      for (const g of this.files.values()) if (g.kind !== 'accounts' || this.segmentOf.get(g.path) === id) out.add(g.path);
      return out;
    }
    if (f.kind === 'kpis') for (const g of this.files.values()) if (g.kind === 'kpis') out.add(g.path);
    if (f.kind === 'accounts') {
      const domain = this.domains.get(f.path);
      if (domain !== undefined) for (const p of this.accountsWithDomain(domain)) out.add(p);
    }
    return out;
  }

  /**
   * A file that appeared or went changes the ids references are checked against: every file
   * that may name it. Accounts name only segments (src/core/kinds/account.ts), so an id of any
   * other kind leaves the accounts alone: the other kinds are few.
   */
  private affectedByIds(path: string): Affected {
    const f = this.files.get(path);
    if (!f || f.kind === 'segments') return 'all';
    const out = this.affectedBy(f);
    if (out === 'all' || out === 'config') return out;
    const id = fileId(path, f.kind);
    for (const g of this.files.values()) if (g.kind !== 'accounts' || (f.kind === 'accounts' && fileId(g.path, 'accounts') === id)) out.add(g.path);
    return out;
  }

  private accountsWithDomain(domain: string): string[] {
    const out: string[] = [];
    for (const [p, d] of this.domains) if (d === domain) out.push(p);
    return out;
  }

  private withSegments(paths: Iterable<string>): Set<string> {
    const only = new Set(paths);
    for (const f of this.files.values()) if (f.kind === 'segments') only.add(f.path);
    return only;
  }

  private run(only: ReadonlySet<string> | undefined, lean: boolean) {
    const files = this.allSources();
    this.idIndex ??= indexIds(files);
    return analyze({ config: this.config as Config, files, asOf: this.asOf, customChecks: this.customChecks, lean, keepScores: true, only, ids: this.idIndex });
  }

  private analyse(only: ReadonlySet<string> | undefined): void {
    const analysis = this.run(only, true);
    this.detailed.clear();
    const paths = only ?? new Set(this.files.keys());
    for (const p of paths) this.problems.set(p, []);
    for (const problem of analysis.problems) {
      const list = this.problems.get(problem.file);
      if (list) list.push(problem);
      else this.problems.set(problem.file, [problem]);
    }
    for (const p of paths) {
      if (this.files.get(p)?.kind !== 'accounts') continue;
      const id = fileId(p, 'accounts');
      if (this.pathOf('accounts', id) !== p) continue;
      const score = analysis.scores.get(id);
      this.setScore(id, score);
      if (score?.segment) this.segmentOf.set(p, score.segment);
      else this.segmentOf.delete(p);
      const domain = normaliseDomain(score?.domain);
      if (domain === undefined) this.domains.delete(p);
      else this.domains.set(p, domain);
    }
    this.placeConfigFindings();
  }

  private setScore(id: string, score: AccountScore | undefined): void {
    const before = this.scores.get(id);
    if (before) this.fitTierCounts[(before.fit.tier - 1) as 0 | 1 | 2] -= 1;
    if (score) {
      this.scores.set(id, score);
      this.fitTierCounts[(score.fit.tier - 1) as 0 | 1 | 2] += 1;
    } else {
      this.scores.delete(id);
    }
  }

  /** `tier-capacity` counts every account's fit tier, so it is settled here rather than by one run. */
  private placeConfigFindings(): void {
    const loaded = this.loaded;
    if (!loaded || !this.config) return;
    const counts = this.fitTierCounts;
    const base = loaded.problems.filter((p) => p.rule !== 'tier-capacity');
    this.configProblems = [...base, ...loaded.place(tierCapacityFindings(counts, this.config.fitTierCapacity), this.config)].sort(compareProblems);
  }
}

/** An unsaved buffer under the bounds a file on disk has (src/workspace/files.ts). */
function bufferSource(path: string, kind: Kind, text: string): SourceFile {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_FILE_BYTES) return { path, kind, unreadable: `the file is ${(bytes / 1024 / 1024).toFixed(1)} MiB, larger than the 1 MiB limit` };
  if (text.includes('\u0000')) return { path, kind, unreadable: 'the file is binary (it contains NUL bytes), not markdown or YAML' };
  return { path, kind, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

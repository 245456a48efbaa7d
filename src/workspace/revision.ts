/**
 * The workspace as it was at a git revision, read straight from the object database
 * (`git ls-tree` + `git cat-file --batch`): no checkout, no temporary clone, the working tree is
 * never touched. The same safety rules as the live loader apply: files over 1 MiB, binary files
 * and files that are not UTF-8 are unreadable, and links committed to git (mode 120000) are not
 * followed. Custom JSON Schemas from the config are not applied at a revision: they only add
 * `custom-schema` problems and never change a score.
 */
import { analyze, fileId, type FileRef, type SourceFile } from '../core/analyze.js';
import { resolveAsOf } from '../core/dates.js';
import type { SideFile } from '../core/diff.js';
import { KINDS, type Kind } from '../core/kinds/index.js';
import { MAX_FILE_BYTES } from './files.js';
import { BLOB_BATCH_BYTES, GitError, listTree, readBlobBatches, requireRepository, resolveCommit, type TreeEntry } from './git.js';
import { compileGlob } from './glob.js';
import { addConfigFindings, ConfigInvalid, loadConfigText, requireFileCount, requireRoot, type Workspace } from './load.js';
import { CONFIG_FILE } from './root.js';

const SKIP_SEGMENTS = new Set(['.git', 'node_modules']);
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export interface RevisionOptions {
  /** The as-of date; when absent, the revision's config `as_of`, then `today`. */
  asOf?: string;
  today: string;
  /** Only files for which this returns true are read and analysed (all when absent). */
  only?: (file: { path: string; kind: Kind; id: string }) => boolean;
  /**
   * Keep only problems and scores (see AnalyzeInput.lean): each file is read from git when its
   * turn comes, in batches of bounded size, and let go after, so memory stays bounded by a batch
   * however large the revision. `sources` then holds no texts.
   */
  lean?: boolean;
  /** See AnalyzeInput.warnings. */
  warnings?: 'list' | 'count';
  /** The revision's files (`listTree`), when the caller has listed them already. */
  tree?: readonly TreeEntry[];
  /**
   * Given the files the revision's globs match, the paths whose results the caller already has
   * (see AnalyzeInput.settled): they are neither read from git nor analysed.
   */
  settled?: (files: readonly SideFile[]) => ReadonlySet<string>;
}

/** `abx score --at <rev>`: the workspace at `rev`, analysed like the live one. */
export async function loadWorkspaceAt(cwd: string, rev: string, options: RevisionOptions): Promise<Workspace> {
  const root = requireRoot(cwd);
  requireRepository(root);
  const commit = resolveCommit(root, rev);
  const ws = loadRevision(root, commit, options);
  if (!ws) throw new GitError(`${CONFIG_FILE} does not exist at ${rev}: the workspace was not there yet`);
  return ws;
}

/**
 * The workspace rooted at `root` (a folder of the work tree) as it was at `commit`, or undefined
 * when the config did not exist there. An invalid config throws ConfigInvalid, as live.
 */
export function loadRevision(root: string, commit: string, options: RevisionOptions): Workspace | undefined {
  const tree = options.tree ?? listTree(root, commit);
  const configEntry = tree.find((e) => e.path === CONFIG_FILE);
  if (!configEntry) return undefined;

  const configSource = readSources(root, [{ entry: configEntry, kind: 'kpis' }])[0] as SourceFile;
  const loaded = loadConfigText(configSource.text, configSource.unreadable);
  if (!loaded.config) throw new ConfigInvalid(loaded.problems);
  const config = loaded.config;

  const matchers = KINDS.map((kind) => ({ kind, re: compileGlob(config.paths[kind]) }));
  const listed: { entry: TreeEntry; kind: Kind }[] = [];
  for (const entry of tree) {
    if (entry.type !== 'blob' || entry.path.split('/').some((s) => SKIP_SEGMENTS.has(s))) continue;
    const hit = matchers.find((m) => m.re.test(entry.path));
    if (!hit) continue;
    if (options.only && !options.only({ path: entry.path, kind: hit.kind, id: fileId(entry.path, hit.kind) })) continue;
    listed.push({ entry, kind: hit.kind });
  }
  requireFileCount(listed.length);
  listed.sort((a, b) => (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0));

  const asOf = resolveAsOf(options.asOf, config.asOf, options.today);
  const settledPaths = options.settled?.(listed.map((l) => ({ path: l.entry.path, kind: l.kind, oid: l.entry.oid }))) ?? new Set<string>();
  const settled = settledPaths.size > 0 ? (f: FileRef) => settledPaths.has(f.path) : undefined;
  const toRead = settledPaths.size > 0 ? listed.filter((l) => !settledPaths.has(l.entry.path)) : listed;
  let sources: SourceFile[];
  let analysis;
  if (options.lean) {
    // Files git cannot give as text (links, oversized) are settled now; the rest are read on demand.
    sources = listed.map((l) => (isReadableBlob(l.entry) ? { path: l.entry.path, kind: l.kind } : toSource(l.entry, l.kind, undefined)));
    analysis = analyze({ config, files: sources, read: batchReader(root, toRead), asOf, lean: true, settled, warnings: options.warnings });
  } else {
    const read = new Map(readSources(root, toRead).map((f) => [f.path, f]));
    sources = listed.map((l) => read.get(l.entry.path) ?? { path: l.entry.path, kind: l.kind });
    analysis = analyze({ config, files: sources, asOf, settled, warnings: options.warnings });
  }
  addConfigFindings(loaded, analysis);
  return { root, config, configDocument: loaded.document, configProblems: loaded.problems, analysis, sources };
}

/**
 * The files' texts, read in batches of bounded size (readBlobBatches): each batch's bytes are let
 * go once its files are decoded, so only the texts are held, as for the working tree.
 */
function readSources(root: string, files: readonly { entry: TreeEntry; kind: Kind }[]): SourceFile[] {
  const byOid = new Map<string, { entry: TreeEntry; kind: Kind }[]>();
  for (const f of files) {
    if (!isReadableBlob(f.entry)) continue;
    const same = byOid.get(f.entry.oid);
    if (same) same.push(f);
    else byOid.set(f.entry.oid, [f]);
  }
  const out = new Map<string, SourceFile>();
  const blobs = [...byOid.values()].map((same) => (same[0] as { entry: TreeEntry }).entry);
  for (const batch of readBlobBatches(root, blobs)) {
    for (const [oid, bytes] of batch) for (const f of byOid.get(oid) ?? []) out.set(f.entry.path, toSource(f.entry, f.kind, bytes));
  }
  return files.map((f) => out.get(f.entry.path) ?? toSource(f.entry, f.kind, undefined));
}

/**
 * Reads a file for `analyze` from a batch of the files that come after it (segments first, then
 * the rest in path order, as `analyze` takes them), fetching the next batch when the file is not
 * in the one at hand: one batch of bytes is held at a time.
 */
function batchReader(root: string, files: readonly { entry: TreeEntry; kind: Kind }[]): (ref: FileRef) => SourceFile {
  const order = [...files.filter((f) => f.kind === 'segments'), ...files.filter((f) => f.kind !== 'segments')].filter((f) => isReadableBlob(f.entry));
  const position = new Map(order.map((f, i) => [f.entry.path, i]));
  let batch = new Map<string, Buffer>();
  return (ref) => {
    const at = position.get(ref.path);
    const file = at === undefined ? undefined : order[at];
    if (at === undefined || !file) return { path: ref.path, kind: ref.kind, unreadable: 'the file cannot be read from the repository' };
    if (!batch.has(file.entry.oid)) {
      const next: TreeEntry[] = [];
      let bytes = 0;
      for (let i = at; i < order.length; i++) {
        const entry = (order[i] as { entry: TreeEntry }).entry;
        if (next.length > 0 && bytes + entry.size > BLOB_BATCH_BYTES) break;
        next.push(entry);
        bytes += entry.size;
      }
      batch = readBlobBatches(root, next).next().value ?? new Map();
    }
    return toSource(file.entry, file.kind, batch.get(file.entry.oid));
  };
}

function isReadableBlob(e: TreeEntry): boolean {
  return e.type === 'blob' && e.mode !== '120000' && e.size <= MAX_FILE_BYTES;
}

function toSource(entry: TreeEntry, kind: Kind, bytes: Buffer | undefined): SourceFile {
  const fail = (unreadable: string): SourceFile => ({ path: entry.path, kind, unreadable });
  if (entry.mode === '120000') return fail('the file is a symbolic link: abx does not follow links stored in git');
  if (entry.size > MAX_FILE_BYTES) return fail(`the file is ${formatBytes(entry.size)}, larger than the 1 MiB limit`);
  if (!bytes) return fail('the file cannot be read from the repository');
  if (bytes.includes(0)) return fail('the file is binary (it contains NUL bytes), not markdown or YAML');
  try {
    return { path: entry.path, kind, text: decoder.decode(bytes) };
  } catch {
    return fail('the file is not valid UTF-8 text');
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

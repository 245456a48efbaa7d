/**
 * The workspace as it was at a git revision, read straight from the object database
 * (`git ls-tree` + `git cat-file --batch`): no checkout, no temporary clone, the working tree is
 * never touched. The same safety rules as the live loader apply: files over 1 MiB, binary files
 * and files that are not UTF-8 are unreadable, and links committed to git (mode 120000) are not
 * followed. Custom JSON Schemas from the config are not applied at a revision: they only add
 * `custom-schema` problems and never change a score.
 */
import { analyze, fileId, type SourceFile } from '../core/analyze.js';
import { resolveAsOf } from '../core/dates.js';
import { KINDS, type Kind } from '../core/kinds/index.js';
import { MAX_FILE_BYTES } from './files.js';
import { GitError, listTree, readBlobs, requireRepository, resolveCommit, type TreeEntry } from './git.js';
import { globToRegExp } from './glob.js';
import { addConfigFindings, ConfigInvalid, loadConfigText, requireRoot, type Workspace } from './load.js';
import { CONFIG_FILE } from './root.js';

const SKIP_SEGMENTS = new Set(['.git', 'node_modules']);
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export interface RevisionOptions {
  /** The as-of date; when absent, the revision's config `as_of`, then `today`. */
  asOf?: string;
  today: string;
  /** Only files for which this returns true are read and analysed (all when absent). */
  only?: (file: { path: string; kind: Kind; id: string }) => boolean;
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
  const tree = listTree(root, commit);
  const configEntry = tree.find((e) => e.path === CONFIG_FILE);
  if (!configEntry) return undefined;

  const blobs = readBlobs(root, isReadableBlob(configEntry) ? [configEntry.oid] : []);
  const configSource = toSource(configEntry, 'kpis', blobs);
  const loaded = loadConfigText(configSource.text, configSource.unreadable);
  if (!loaded.config) throw new ConfigInvalid(loaded.problems);
  const config = loaded.config;

  const matchers = KINDS.map((kind) => ({ kind, re: globToRegExp(config.paths[kind]) }));
  const listed: { entry: TreeEntry; kind: Kind }[] = [];
  for (const entry of tree) {
    if (entry.type !== 'blob' || entry.path.split('/').some((s) => SKIP_SEGMENTS.has(s))) continue;
    const hit = matchers.find((m) => m.re.test(entry.path));
    if (!hit) continue;
    if (options.only && !options.only({ path: entry.path, kind: hit.kind, id: fileId(entry.path, hit.kind) })) continue;
    listed.push({ entry, kind: hit.kind });
  }
  listed.sort((a, b) => (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0));

  const contents = readBlobs(root, listed.map((l) => l.entry).filter(isReadableBlob).map((e) => e.oid));
  const sources = listed.map((l) => toSource(l.entry, l.kind, contents));
  const asOf = resolveAsOf(options.asOf, config.asOf, options.today);
  const analysis = analyze({ config, files: sources, asOf });
  addConfigFindings(loaded, analysis);
  return { root, config, configDocument: loaded.document, configProblems: loaded.problems, analysis, sources };
}

function isReadableBlob(e: TreeEntry): boolean {
  return e.type === 'blob' && e.mode !== '120000' && e.size <= MAX_FILE_BYTES;
}

function toSource(entry: TreeEntry, kind: Kind, blobs: Map<string, Buffer>): SourceFile {
  const fail = (unreadable: string): SourceFile => ({ path: entry.path, kind, unreadable });
  if (entry.mode === '120000') return fail('the file is a symbolic link: abx does not follow links stored in git');
  if (entry.size > MAX_FILE_BYTES) return fail(`the file is ${formatBytes(entry.size)}, larger than the 1 MiB limit`);
  const bytes = blobs.get(entry.oid);
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

/**
 * Finding a workspace's files and reading them safely: a link that leaves the workspace is not
 * followed, and binary, oversized or non-UTF-8 files become a located error, never a crash.
 */
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { join, relative, sep } from 'node:path';
import type { SourceFile } from '../core/analyze.js';
import { KINDS, type Kind } from '../core/kinds/index.js';
import { globBase, compileGlob } from './glob.js';

export { MAX_FILE_BYTES } from '../core/bounds.js';
import { MAX_FILE_BYTES } from '../core/bounds.js';

const SKIP_DIRS = new Set(['.git', 'node_modules']);

export interface ListedFile {
  path: string;
  kind: Kind;
  /** Known from the folder listing: a plain file needs no lstat before it is read. */
  plain?: boolean;
  /** Known from the walk: why this path (a linked or unreadable folder) cannot be read. */
  unreadable?: string;
}

const OUTSIDE_FOLDER = 'the folder is a symbolic link to a place outside the workspace: abx does not read it';

/**
 * Every file some kind's glob matches, each once (the first kind in KINDS order wins), sorted by
 * path. Links are checked where they are followed: a kind folder, or a folder on the way to it,
 * that resolves outside the workspace is not walked and is listed as unreadable (so it becomes a
 * `file-unreadable` problem on the link); so is a linked folder below that points outside, and a
 * folder that cannot be listed (too long a path, no permission).
 */
export function listWorkspaceFiles(root: string, paths: Record<Kind, string>): ListedFile[] {
  const realRoot = realRootOf(root);
  const matchers = KINDS.map((kind) => ({ kind, re: compileGlob(paths[kind]), base: globBase(paths[kind]) }));
  const bases = [...new Set(matchers.map((m) => m.base))];
  // Walk each base folder once; a base inside another base is covered by the outer walk.
  const roots = bases.filter((b) => !bases.some((o) => o !== b && (o === '' || b.startsWith(`${o}/`))));
  // The kind a problem on a folder is filed under: the first whose base holds it or lies below it.
  const kindOf = (rel: string): Kind =>
    (matchers.find((m) => m.base === '' || rel === m.base || rel.startsWith(`${m.base}/`) || m.base.startsWith(`${rel}/`)) ?? matchers[0]!).kind;
  const seen = new Set<string>();
  const out: ListedFile[] = [];
  const add = (file: ListedFile) => {
    if (seen.has(file.path)) return;
    seen.add(file.path);
    out.push(file);
  };
  const unreadable = (rel: string, why: string) => add({ path: rel, kind: kindOf(rel), unreadable: why });
  for (const base of roots) {
    const blocked = linkOnTheWay(root, realRoot, base);
    if (blocked === 'missing') continue;
    if (blocked) {
      unreadable(blocked, OUTSIDE_FOLDER);
      continue;
    }
    walk(root, base, {
      file: (rel, plain) => {
        const hit = matchers.find((m) => m.re.test(rel));
        if (hit) add({ path: rel, kind: hit.kind, plain });
      },
      linkedFolder: (rel) => {
        if (!isInside(realRoot, realpathOrSelf(join(root, rel)))) unreadable(rel, OUTSIDE_FOLDER);
      },
      unreadable,
    });
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

/**
 * The first folder of `base` (from the root down) that is a link to a place outside the
 * workspace; undefined when there is none, 'missing' when the base does not exist (nothing to list).
 */
function linkOnTheWay(root: string, realRoot: string, base: string): string | 'missing' | undefined {
  if (base === '') return undefined;
  const parts = base.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const rel = parts.slice(0, i).join('/');
    let isLink: boolean;
    try {
      isLink = lstatSync(join(root, rel)).isSymbolicLink();
    } catch {
      return 'missing';
    }
    if (isLink && !isInside(realRoot, realpathOrSelf(join(root, rel)))) return rel;
  }
  return undefined;
}

/** A path with links resolved, or the path itself when it cannot be (a dangling link). */
export function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

interface WalkVisitor {
  file: (rel: string, plain: boolean) => void;
  /** A link to a folder: never followed (no loops), but checked. */
  linkedFolder: (rel: string) => void;
  unreadable: (rel: string, why: string) => void;
}

function walk(root: string, rel: string, visit: WalkVisitor): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(rel === '' ? root : join(root, rel), { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Gone since its parent was listed, or not a folder: nothing to read.
    if (code === 'ENOENT' || code === 'ENOTDIR') return;
    visit.unreadable(rel, code === 'ENAMETOOLONG' ? 'the folder\'s path is too long for the system to read its files' : `the folder cannot be read (${code ?? 'error'})`);
    return;
  }
  for (const entry of entries) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(root, child, visit);
    } else if (entry.isFile()) {
      visit.file(child, true);
    } else if (entry.isSymbolicLink()) {
      // Linked files are checked when read; linked folders are not followed.
      if (isDirectory(join(root, child))) visit.linkedFolder(child);
      else visit.file(child, false);
    }
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/** True when `path` (resolved, inside `root`) is in a `.git` folder, where git keeps config and credentials. */
export function inGitFolder(root: string, path: string): boolean {
  return relative(root, path).split(sep).some((s) => s.toLowerCase() === '.git');
}

/** Reads a workspace file as text, or says why it cannot be read. */
export function readSourceFile(root: string, realRoot: string, file: ListedFile): SourceFile {
  const abs = join(root, file.path);
  const fail = (unreadable: string): SourceFile => ({ path: file.path, kind: file.kind, unreadable });
  if (file.unreadable !== undefined) return fail(file.unreadable);
  try {
    if (!file.plain) {
      const stat = lstatSync(abs);
      if (stat.isSymbolicLink()) {
        let real: string;
        try {
          real = realpathSync(abs);
        } catch {
          return fail('the file is a symbolic link to nothing');
        }
        if (!isInside(realRoot, real)) return fail('the file is a symbolic link to a place outside the workspace: abx does not read it');
        if (inGitFolder(realRoot, real)) return fail("the file is a symbolic link into .git: abx never reads git's own files");
      }
    }
    const fd = openSync(abs, 'r');
    let bytes: Buffer;
    try {
      // The size is checked on the open file, so a file swapped after a check is still bounded.
      const stat = fstatSync(fd);
      if (!stat.isFile()) return fail('not a regular file');
      if (stat.size > MAX_FILE_BYTES) return fail(`the file is ${formatBytes(stat.size)}, larger than the 1 MiB limit`);
      bytes = Buffer.allocUnsafe(stat.size);
      let filled = 0;
      while (filled < bytes.length) {
        const n = readSync(fd, bytes, filled, bytes.length - filled, filled);
        if (n === 0) break;
        filled += n;
      }
      bytes = bytes.subarray(0, filled);
    } finally {
      closeSync(fd);
    }
    if (bytes.includes(0)) return fail('the file is binary (it contains NUL bytes), not markdown or YAML');
    if (!isUtf8(bytes)) return fail('the file is not valid UTF-8 text');
    const text = bytes.toString('utf8');
    return { path: file.path, kind: file.kind, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(code === 'ENAMETOOLONG' ? 'the file\'s path is too long for the system to read it' : `the file cannot be read (${code ?? 'error'})`);
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/** The workspace root with links resolved (as given when it cannot be). */
export const realRootOf = (root: string): string => realpathOrSelf(root);

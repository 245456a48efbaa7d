/**
 * Finding a workspace's files and reading them safely: a link that leaves the workspace is not
 * followed, and binary, oversized or non-UTF-8 files become a located error, never a crash.
 */
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, type Dirent } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { join, relative, sep } from 'node:path';
import type { SourceFile } from '../core/analyze.js';
import { KINDS, type Kind } from '../core/schemas.js';
import { globBase, globToRegExp } from './glob.js';

export { MAX_FILE_BYTES } from '../core/bounds.js';
import { MAX_FILE_BYTES } from '../core/bounds.js';

const SKIP_DIRS = new Set(['.git', 'node_modules']);

export interface ListedFile {
  path: string;
  kind: Kind;
  /** Known from the folder listing: a plain file needs no lstat before it is read. */
  plain?: boolean;
}

/** Every file some kind's glob matches, each once (the first kind in KINDS order wins), sorted by path. */
export function listWorkspaceFiles(root: string, paths: Record<Kind, string>): ListedFile[] {
  const matchers = KINDS.map((kind) => ({ kind, re: globToRegExp(paths[kind]) }));
  const bases = [...new Set(KINDS.map((k) => globBase(paths[k])))];
  // Walk each base folder once; a base inside another base is covered by the outer walk.
  const roots = bases.filter((b) => !bases.some((o) => o !== b && (o === '' || b.startsWith(`${o}/`))));
  const seen = new Set<string>();
  const out: ListedFile[] = [];
  for (const base of roots) {
    walk(root, base, (rel, plain) => {
      if (seen.has(rel)) return;
      seen.add(rel);
      const hit = matchers.find((m) => m.re.test(rel));
      if (hit) out.push({ path: rel, kind: hit.kind, plain });
    });
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

function walk(root: string, rel: string, visit: (rel: string, plain: boolean) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(rel === '' ? root : join(root, rel), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(root, child, visit);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      // Linked folders are not followed (no loops); linked files are checked when read.
      visit(child, entry.isFile());
    }
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
    return fail(`the file cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

export function realRootOf(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

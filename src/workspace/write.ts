/**
 * Writing workspace files without ever leaving half a file behind or writing through a link:
 * a temporary file in the same folder (exclusive create, fsync), then a rename over the target,
 * with the target's mode kept. A reader sees the old file or the new one, never a mix.
 */
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { isInside, realpathOrSelf } from './files.js';

export class UnsafeWriteError extends Error {}

/** The first existing path from below `root` down to `path` (itself included) that is a symbolic link. */
export function linkOnTheWay(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  let at = root;
  for (const part of rel.split(sep)) {
    at = join(at, part);
    try {
      if (lstatSync(at).isSymbolicLink()) return at;
    } catch {
      return undefined; // the rest does not exist yet
    }
  }
  return undefined;
}

export function writeFileAtomic(root: string, path: string, content: string): void {
  const realRoot = realpathSync(root);
  let mode = 0o644;
  try {
    const stat = lstatSync(path);
    if (!stat.isFile()) throw new UnsafeWriteError(`${path} is not a regular file (a link or a folder): abx does not write through it`);
    mode = stat.mode & 0o7777;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const dir = dirname(path);
  // Checked before any folder is made: `mkdir -p` through a link would create folders outside.
  const link = linkOnTheWay(root, dir);
  if (link && !isInside(realRoot, realpathOrSelf(link))) throw new UnsafeWriteError(`${link} is a symbolic link to a place outside the workspace: abx does not write through it`);
  mkdirSync(dir, { recursive: true });
  const realDir = realpathSync(dir);
  if (!isInside(realRoot, realDir)) throw new UnsafeWriteError(`${path} is outside the workspace: abx does not write there`);

  const temp = join(realDir, `.${basename(path)}.abx-${process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // The umask may have narrowed the mode at creation.
    chmodSync(temp, mode);
    renameSync(temp, join(realDir, basename(path)));
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw err;
  }
}

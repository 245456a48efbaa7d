/**
 * The security boundary of `abx mcp`: every path a client names goes through here before any
 * file is read or written. A path is workspace-relative, written with `/`, and may not be
 * absolute, climb out with `..`, hold a NUL or a backslash, or pass through a symbolic link at
 * any step (a link inside the workspace could point anywhere; the CLI reads such links only
 * when they stay inside, the server does not follow them at all). What is checked is the real
 * path too: the file itself when it exists, else its nearest existing parent, must lie inside
 * the workspace's real root.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { isInside } from '../workspace/files.js';

export class RefusedPath extends Error {}

export interface ConfinedPath {
  /** Workspace-relative, `/`-separated, normalised. */
  rel: string;
  abs: string;
  /** Whether something is there already (a file, a folder…; never a link, which is refused). */
  exists: boolean;
}

/** `rel` checked against `root`; throws RefusedPath, with the reason, when it is not a path inside. */
export function confine(root: string, rel: string): ConfinedPath {
  const shown = JSON.stringify(rel);
  if (typeof rel !== 'string' || rel === '') throw new RefusedPath('the path is empty');
  if (rel.includes('\0')) throw new RefusedPath(`${shown} holds a NUL character`);
  if (rel.includes('\\')) throw new RefusedPath(`${shown}: write paths with / (a backslash is refused)`);
  if (rel.startsWith('/') || /^[a-zA-Z]:/.test(rel)) throw new RefusedPath(`${shown} is absolute: name a path relative to the workspace root`);
  const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) throw new RefusedPath(`${shown} climbs out with "..": abx mcp reads and writes only inside the workspace`);
  if (parts.length === 0) throw new RefusedPath(`${shown} names the workspace root, not a file`);

  const realRoot = realpathSync(root);
  let at = realRoot;
  let exists = true;
  for (let i = 0; i < parts.length; i++) {
    at = join(at, parts[i] as string);
    let stat;
    try {
      stat = lstatSync(at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new RefusedPath(`${shown} cannot be checked (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      exists = false;
      break;
    }
    if (stat.isSymbolicLink()) throw new RefusedPath(`${shown} passes through a symbolic link (${parts.slice(0, i + 1).join('/')}): abx mcp does not follow links`);
  }
  // Every step was checked with lstat; the real path of what exists is checked once more, so a
  // link swapped in between is still caught (the write itself refuses links again).
  const existing = exists ? join(realRoot, ...parts) : nearestExisting(realRoot, parts);
  if (!isInside(realRoot, realpathSync(existing))) throw new RefusedPath(`${shown} is outside the workspace`);
  return { rel: parts.join('/'), abs: join(realRoot, ...parts), exists };
}

function nearestExisting(realRoot: string, parts: readonly string[]): string {
  for (let n = parts.length - 1; n > 0; n--) {
    const candidate = join(realRoot, ...parts.slice(0, n));
    try {
      lstatSync(candidate);
      return candidate;
    } catch {
      // keep climbing
    }
  }
  return realRoot;
}

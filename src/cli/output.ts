/**
 * The one `--out` writer, for every command that writes its output to a file (`report`,
 * `export`). The file is the user's output, not a workspace file, so it may live anywhere; it is
 * still written atomically (a temporary file in the same folder, then a rename: a reader sees
 * the old file or the new one), never through a link, and its folder is created when missing.
 * Anything in the way is a refusal with a clear message (exit 2), never an internal error.
 */
import { lstatSync, mkdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { terminalText } from '../format/escape/terminal.js';
import { writeFileAtomic } from '../workspace/write.js';
import { UsageError } from './context.js';

/** Writes `text` to `out` (as the user gave it, relative to `cwd`). */
export function writeOutputFile(cwd: string, out: string, text: string): void {
  const shown = terminalText(out, 200);
  if (out.trim() === '') throw new UsageError('--out needs a file name');
  const path = resolve(cwd, out);
  let existing;
  try {
    existing = lstatSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new UsageError(`cannot write ${shown}: a part of its path is a file, not a folder`);
    if (code !== 'ENOENT') throw new UsageError(`cannot write ${shown}: ${reason(err)}`);
  }
  if (existing?.isSymbolicLink()) throw new UsageError(`refusing to write ${shown}: it is a symbolic link (abx never writes through a link; remove it or choose another name)`);
  if (existing?.isDirectory()) throw new UsageError(`cannot write ${shown}: it is a folder; give a file name inside it`);
  if (existing && !existing.isFile()) throw new UsageError(`refusing to write ${shown}: it is not a regular file`);
  const dir = dirname(path);
  let realDir: string;
  try {
    mkdirSync(dir, { recursive: true });
    realDir = realpathSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot create the folder for ${shown}: ${code === 'EEXIST' || code === 'ENOTDIR' ? 'a part of its path is a file, not a folder' : reason(err)}`);
  }
  try {
    writeFileAtomic(realDir, join(realDir, basename(path)), text);
  } catch (err) {
    throw new UsageError(`cannot write ${shown}: ${reason(err)}`);
  }
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return e.code ?? e.message;
  }
}

/**
 * Where a command's output goes, and how a command that is not `validate` ends.
 *
 * One `--out` writer, for every command that writes its output to a file (`report`, `export`).
 * The file is the user's output, not a workspace file, so it may live anywhere; it is still
 * written atomically (a temporary file in the same folder, then a rename: a reader sees the old
 * file or the new one), never through a link, and its folder is created when missing. Anything
 * in the way is a refusal with a clear message (exit 2), never an internal error.
 *
 * One ending: the errors of the workspace listed on stderr (exit 1), else a one-line count of
 * warnings by rule pointing at `abx validate --rule`.
 */
import { lstatSync, mkdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { countBySeverity, type Problem } from '../core/problem.js';
import { plural } from '../core/words.js';
import type { Rendered } from '../format/index.js';
import { wrapText } from '../format/wrap.js';
import { renderStylish } from '../format/validate/stylish.js';
import type { Workspace } from '../workspace/load.js';
import { terminalText } from '../format/escape/terminal.js';
import { writeFileAtomic } from '../workspace/write.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type Context, type Output } from './context.js';
import { allProblems } from './workspace.js';

export function writeRendered(stream: Output, rendered: Rendered): void {
  if (typeof rendered === 'string') stream.write(rendered);
  else if ('files' in rendered) throw new UsageError('this format writes several files: name a folder with --out <dir>');
  else for (const chunk of rendered) stream.write(chunk);
}

/** Writes `--out` (as the user gave it, relative to the current folder): a file, or a folder of files. */
export function writeOut(ctx: Context, out: string, rendered: Rendered): void {
  if (typeof rendered === 'string') writeOutputFile(ctx.cwd, out, rendered);
  else if ('files' in rendered) for (const [name, text] of rendered.files) writeOutputFile(ctx.cwd, join(out, name), text);
  else writeOutputFile(ctx.cwd, out, [...rendered].join(''));
}

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

/**
 * The ending of `score`, `report` and `export`: errors are listed (the output above may be
 * incomplete) and exit 1; warnings are only counted, unless `countWarnings` is false.
 */
export function finish(ctx: Context, ws: Workspace, options: { countWarnings?: boolean } = {}): number {
  const problems = allProblems(ws);
  const counts = countBySeverity(problems);
  if (counts.errors > 0) {
    const errors = problems.filter((p) => p.severity === 'error');
    ctx.stderr.write(`\n${renderStylish(errors, { chalk: ctx.chalk, quiet: true, files: ws.analysis.fileCount, width: ctx.width })}`);
    return EXIT_PROBLEMS;
  }
  const warnings = counts.warnings + ws.analysis.unlistedWarnings;
  if (options.countWarnings !== false && warnings > 0 && !ctx.quiet) ctx.stderr.write(`${fitLine(warningLine(problems, ws.analysis.unlistedByRule), ctx.width)}\n`);
  return EXIT_OK;
}

/**
 * One line for the warnings of a workspace, by rule, most first: "20 warnings (fit-incomplete 18,
 * table-drift 2): abx validate --rule <id> lists them."
 */
export function warningLine(problems: readonly Problem[], unlisted: Readonly<Record<string, number>>): string {
  const byRule = new Map<string, number>(Object.entries(unlisted));
  for (const p of problems) if (p.severity === 'warning') byRule.set(p.rule, (byRule.get(p.rule) ?? 0) + 1);
  const total = [...byRule.values()].reduce((a, b) => a + b, 0);
  const rules = [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [first] = rules;
  const how = rules.length === 1 && first ? `abx validate --rule ${first[0]} lists ${total === 1 ? 'it' : 'them'}` : 'abx validate --rule <id> lists them';
  return `${plural(total, 'warning')} (${rules.map(([rule, n]) => `${rule} ${n}`).join(', ')}): ${how}.`;
}

/** A line of stderr wrapped at spaces to the terminal's width, as the tables are. */
function fitLine(line: string, width: number | undefined): string {
  return width === undefined ? line : wrapText(line, width).join('\n');
}

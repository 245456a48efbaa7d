/**
 * Where a command's output goes, and how a command that is not `validate` ends. One writer for
 * `--out` (atomic, never through a link) and one ending: the errors of the workspace listed on
 * stderr (exit 1), else a one-line count of warnings pointing at `abx validate`.
 */
import { lstatSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { countBySeverity, type Problem } from '../core/problem.js';
import { plural } from '../core/words.js';
import type { Rendered } from '../format/index.js';
import { renderStylish } from '../format/validate/stylish.js';
import type { Workspace } from '../workspace/load.js';
import { writeFileAtomic } from '../workspace/write.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type Context, type Output } from './context.js';
import { allProblems } from './workspace.js';

export function writeRendered(stream: Output, rendered: Rendered): void {
  if (typeof rendered === 'string') stream.write(rendered);
  else for (const chunk of rendered) stream.write(chunk);
}

function textOf(rendered: Rendered): string {
  return typeof rendered === 'string' ? rendered : [...rendered].join('');
}

/**
 * Writes `--out`: relative to the current folder, folders made as needed. The file is the user's,
 * not the workspace's, but it is still written whole (a temporary file renamed over it) and
 * never through a link.
 */
export function writeOut(ctx: Context, out: string, rendered: Rendered): void {
  if (out === '') throw new UsageError('--out needs a file name');
  const path = resolve(ctx.cwd, out);
  let existing;
  try {
    existing = lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`cannot write ${out}: ${(err as Error).message}`);
  }
  if (existing && !existing.isFile()) throw new UsageError(`refusing to write ${out}: it is ${existing.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(dirname(path), path, textOf(rendered));
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
    ctx.stderr.write(`\n${renderStylish(errors, { chalk: ctx.chalk, quiet: true, files: ws.analysis.fileCount })}`);
    return EXIT_PROBLEMS;
  }
  const warnings = counts.warnings + ws.analysis.unlistedWarnings;
  if (options.countWarnings !== false && warnings > 0 && !ctx.quiet) ctx.stderr.write(`${warningLine(problems, ws.analysis.unlistedByRule)}\n`);
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

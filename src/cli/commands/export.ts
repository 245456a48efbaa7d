/** `abx export`: every account with its facts and scores as CSV, JSON or JSON Lines, or as warehouse tables. */
import { join } from 'node:path';
import { tablesOfAnalysis } from '../../core/sql/index.js';
import { tableFiles } from '../../format/tables-csv.js';
import { countBySeverity } from '../../core/problem.js';
import { exportCsv, exportedAccount, exportJson, exportJsonl } from '../../format/export-rows.js';
import { renderStylish } from '../../format/stylish.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type Context } from '../context.js';
import { writeOutputFile } from '../output.js';
import { allProblems, openWorkspace } from '../workspace.js';

export async function run(ctx: Context, _args: string[], options: Record<string, unknown>): Promise<number> {
  const format = (options.format as 'csv' | 'json' | 'jsonl' | 'tables' | undefined) ?? 'csv';
  if (format === 'tables' && typeof options.out !== 'string') throw new UsageError('--format tables writes several files: name a folder with --out <dir>');
  const ws = await openWorkspace(ctx);
  const { analysis } = ws;
  // Sorted by id: the same workspace always exports the same bytes.
  const scores = [...analysis.scores.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (format === 'tables') {
    const tables = tablesOfAnalysis(analysis);
    // Each table through the one --out writer: atomic, never through a link, the folder created.
    for (const [name, text] of tableFiles(tables)) writeOutputFile(ctx.cwd, join(options.out as string, name), text);
    if (!ctx.quiet) ctx.stderr.write(`Exported ${tables.accounts.length} ${tables.accounts.length === 1 ? 'account' : 'accounts'} as tables to ${options.out as string} (load them with abx sql --load).\n`);
    return finish(ctx, ws);
  }
  const rows = scores.map((score) => ({ score, account: exportedAccount(score, analysis.accounts.get(score.id)) }));
  const accounts = rows.map((r) => r.account);
  const output = format === 'json' ? exportJson(analysis.asOf, accounts) : format === 'jsonl' ? exportJsonl(analysis.asOf, accounts) : exportCsv(rows);

  if (typeof options.out === 'string') {
    writeOutputFile(ctx.cwd, options.out, output);
    if (!ctx.quiet) ctx.stderr.write(`Exported ${accounts.length} ${accounts.length === 1 ? 'account' : 'accounts'} to ${options.out}.\n`);
  } else {
    ctx.stdout.write(output);
  }
  return finish(ctx, ws);
}

function finish(ctx: Context, ws: Awaited<ReturnType<typeof openWorkspace>>): number {
  const { analysis } = ws;
  const problems = allProblems(ws);
  const { errors } = countBySeverity(problems);
  if (errors > 0) {
    ctx.stderr.write(`\n${renderStylish(problems.filter((p) => p.severity === 'error'), { chalk: ctx.chalk, quiet: true, files: analysis.fileCount, width: ctx.width })}`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

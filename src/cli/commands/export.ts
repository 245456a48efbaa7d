/** `abx export`: every account with its facts and scores as CSV, JSON or JSON Lines. */
import { countBySeverity } from '../../core/problem.js';
import { exportCsv, exportedAccount, exportJson, exportJsonl } from '../../format/export-rows.js';
import { renderStylish } from '../../format/stylish.js';
import { EXIT_OK, EXIT_PROBLEMS, type Context } from '../context.js';
import { writeOutputFile } from '../output.js';
import { allProblems, openWorkspace } from '../workspace.js';

export async function run(ctx: Context, _args: string[], options: Record<string, unknown>): Promise<number> {
  const format = (options.format as 'csv' | 'json' | 'jsonl' | undefined) ?? 'csv';
  const ws = await openWorkspace(ctx);
  const { analysis } = ws;
  // Sorted by id: the same workspace always exports the same bytes.
  const scores = [...analysis.scores.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = scores.map((score) => ({ score, account: exportedAccount(score, analysis.accounts.get(score.id)) }));
  const accounts = rows.map((r) => r.account);
  const output = format === 'json' ? exportJson(analysis.asOf, accounts) : format === 'jsonl' ? exportJsonl(analysis.asOf, accounts) : exportCsv(rows);

  if (typeof options.out === 'string') {
    writeOutputFile(ctx.cwd, options.out, output);
    if (!ctx.quiet) ctx.stderr.write(`Exported ${accounts.length} ${accounts.length === 1 ? 'account' : 'accounts'} to ${options.out}.\n`);
  } else {
    ctx.stdout.write(output);
  }

  const problems = allProblems(ws);
  const { errors } = countBySeverity(problems);
  if (errors > 0) {
    ctx.stderr.write(`\n${renderStylish(problems.filter((p) => p.severity === 'error'), { chalk: ctx.chalk, quiet: true, files: analysis.fileCount, width: ctx.width })}`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

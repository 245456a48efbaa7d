/** `abx export`: every account with its facts and scores as CSV, JSON or JSON Lines, or as warehouse tables. */
import { filterScores } from '../../core/filter.js';
import { plural } from '../../core/words.js';
import { renderer } from '../../format/index.js';
import { detachedFacts, exportedAccount, exportedRow, factsOf, type AccountFacts } from '../../format/export/rows.js';
import type { Account } from '../../core/kinds/account.js';
import type { AccountScore } from '../../core/scoring/account.js';
import { UsageError, type Context } from '../context.js';
import { accountFilter } from '../filters.js';
import { finish, writeOut, writeRendered } from '../output.js';
import { openWorkspace } from '../workspace.js';

export async function run(ctx: Context, _args: string[], options: Record<string, unknown>): Promise<number> {
  const format = (options.format as string | undefined) ?? 'csv';
  if (format === 'tables' && typeof options.out !== 'string') throw new UsageError('--format tables writes several files: name a folder with --out <dir>');
  // Only errors are printed (as for every command), so warnings are counted, not located. The
  // account formats need compact scores and each account's facts, taken as each file is finished
  // so that neither its text nor its record is kept; the tables need everything.
  const facts = new Map<string, { file: string; facts: AccountFacts }>();
  const ws = await openWorkspace(
    ctx,
    format === 'tables'
      ? { warnings: 'count' }
      : {
          lean: true,
          warnings: 'count',
          onFile: (file, score, _config, record) => {
            if (score) facts.set(score.id, { file: file.path, facts: detachedFacts(factsOf(record as Account)) });
          },
        },
  );
  const { analysis } = ws;
  // Sorted by id: the same workspace always exports the same bytes.
  const scores = filterScores(analysis.scores.values(), accountFilter(options, analysis)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const account = (score: AccountScore) => {
    const kept = facts.get(score.id);
    return kept ? exportedRow(score, kept.file, kept.facts) : exportedAccount(score, analysis.accounts.get(score.id));
  };
  const rows = scores.map((score) => ({ score, account: account(score) }));
  const output = (await renderer('export', format))({ asOf: analysis.asOf, analysis, rows, chalk: ctx.chalk, quiet: ctx.quiet });

  if (typeof options.out === 'string') {
    writeOut(ctx, options.out, output);
    const as = format === 'tables' ? ' as tables' : '';
    const load = format === 'tables' ? ' (load them with abx sql --load)' : '';
    if (!ctx.quiet) ctx.stderr.write(`Exported ${plural(rows.length, 'account')}${as} to ${options.out}${load}.\n`);
  } else {
    writeRendered(ctx.stdout, output);
  }
  // Export has never counted warnings: its output is data for other tools.
  return finish(ctx, ws, { countWarnings: false });
}

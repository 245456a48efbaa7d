/** `abx list`: browse accounts with the shared filters, sorted, in every format. */
import { comparator, filterScores, type SortKey } from '../../core/filter.js';
import { renderer } from '../../format/index.js';
import { listRow } from '../../format/list/rows.js';
import type { Context } from '../context.js';
import { accountFilter } from '../filters.js';
import { finish, writeRendered } from '../output.js';
import { openWorkspace } from '../workspace.js';

export async function run(ctx: Context, _args: string[], options: Record<string, unknown>): Promise<number> {
  const format = (options.format as string | undefined) ?? 'table';
  const sort = (options.sort as SortKey | undefined) ?? 'fit';
  const ws = await openWorkspace(ctx, { lean: true, warnings: 'count' });
  const { analysis } = ws;
  const filter = accountFilter(options, analysis);
  const rows = filterScores(analysis.scores.values(), filter).sort(comparator(sort)).map(listRow);
  writeRendered(ctx.stdout, (await renderer('list', format))({ asOf: analysis.asOf, rows, total: analysis.scores.size, chalk: ctx.chalk, quiet: ctx.quiet, width: ctx.width }));
  return finish(ctx, ws);
}

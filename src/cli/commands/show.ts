/** `abx show <id>`: one account's card, found by id or a unique part of its id, name or domain. */
import { accountCard } from '../../core/card.js';
import { renderer } from '../../format/index.js';
import { lastChanges } from '../../workspace/file-log.js';
import type { Context } from '../context.js';
import { namedAccounts } from '../filters.js';
import { finish, writeRendered } from '../output.js';
import { openWorkspace } from '../workspace.js';

export async function run(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const format = (options.format as string | undefined) ?? 'text';
  const ws = await openWorkspace(ctx);
  const { analysis } = ws;
  const [score] = namedAccounts([String(args[0] ?? '')], analysis.scores.values());
  const entry = score ? analysis.accounts.get(score.id) : undefined;
  if (score && entry) {
    const card = accountCard({
      id: score.id,
      file: entry.file,
      account: entry.data,
      score,
      config: analysis.config,
      asOf: analysis.asOf,
      asOfDay: analysis.asOfDay,
      changes: lastChanges(ws.root, entry.file),
    });
    writeRendered(ctx.stdout, (await renderer('show', format))({ card, chalk: ctx.chalk, quiet: ctx.quiet, width: ctx.width }));
  }
  return finish(ctx, ws);
}

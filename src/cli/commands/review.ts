/**
 * `abx review weekly|biweekly|monthly|quarterly`: the learning-loop agenda (method.md §6). The
 * weekly one compares the tiers with the last commit at or before as-of − 7 days, read through
 * the one git runner; without a repository or such a commit it says so and skips that part.
 */
import { formatDay, dayNumber } from '../../core/dates.js';
import { buildAgenda, CADENCES, type Cadence, type WeekAgo } from '../../core/review.js';
import { didYouMean } from '../../core/suggest.js';
import { renderer } from '../../format/index.js';
import { git, isInsideRepository } from '../../workspace/git.js';
import { ConfigInvalid } from '../../workspace/load.js';
import { loadRevision } from '../../workspace/revision.js';
import { UsageError, type Context } from '../context.js';
import { finish, writeRendered } from '../output.js';
import { openWorkspace } from '../workspace.js';

export async function run(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const cadence = String(args[0] ?? '');
  if (!(CADENCES as readonly string[]).includes(cadence)) throw new UsageError(`no review "${cadence.slice(0, 40)}": choose one of ${CADENCES.join(', ')}${didYouMean(cadence, [...CADENCES])}`);
  const format = (options.format as string | undefined) ?? 'markdown';
  const ws = await openWorkspace(ctx);
  const weekAgo = cadence === 'weekly' ? readWeekAgo(ws.root, ws.analysis.asOf, ctx.today) : undefined;
  const agenda = buildAgenda(ws.analysis, cadence as Cadence, weekAgo);
  writeRendered(ctx.stdout, (await renderer('review', format))({ agenda, chalk: ctx.chalk, quiet: ctx.quiet }));
  return finish(ctx, ws);
}

function readWeekAgo(root: string, asOf: string, today: string): WeekAgo {
  if (!isInsideRepository(root)) return { missing: 'the workspace is not in a git repository, so there is no history to compare with' };
  const day = formatDay((dayNumber(asOf) as number) - 7);
  const r = git(root, ['rev-list', '-1', `--before=${day}T23:59:59Z`, 'HEAD', '--']);
  const commit = r.ok ? r.stdout.trim() : '';
  if (commit === '') return { missing: `no commit at or before ${day} (git history starts later)` };
  try {
    const past = loadRevision(root, commit, { asOf, today });
    if (!past) return { missing: `the workspace did not exist yet at commit ${commit.slice(0, 7)}` };
    return { commit, scores: past.analysis.scores };
  } catch (err) {
    if (err instanceof ConfigInvalid) return { missing: `the config at commit ${commit.slice(0, 7)} is invalid` };
    throw err;
  }
}

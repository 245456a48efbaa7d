import { diffScores, type DiffReport } from '../../core/diff.js';
import { diffMethod } from '../../core/method-diff.js';
import type { AccountScore } from '../../core/scoring/account.js';
import { GitError, firstExistingRevision, mergeBase, requireRepository, resolveCommit } from '../../workspace/git.js';
import { loadWorkspace, requireRoot } from '../../workspace/load.js';
import { loadRevision } from '../../workspace/revision.js';
import { CONFIG_FILE } from '../../workspace/root.js';
import { EXIT_OK, type Context } from '../context.js';
import { renderer } from '../../format/index.js';
import { writeRendered } from '../output.js';

/** Where `abx diff` looks for the branch a pull request goes into, in order. */
export const DEFAULT_BASE_BRANCHES = ['main', 'master', 'origin/main', 'origin/master'] as const;

export async function run(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const format = (options.format as string | undefined) ?? 'table';
  const root = requireRoot(ctx.cwd);
  requireRepository(root);

  const headRev = typeof options.head === 'string' ? options.head : undefined;
  const headCommit = headRev === undefined ? null : resolveCommit(root, headRev);
  const base = chooseBase(root, args[0], headRev);

  // The head decides the as-of date, and the base is scored for the same day: a diff shows what
  // the files changed, not what the calendar did.
  const head = headCommit === null ? await loadWorkspace({ cwd: ctx.cwd, asOf: ctx.asOf, today: ctx.today }) : loadRevision(root, headCommit, { asOf: ctx.asOf, today: ctx.today });
  if (!head) throw new GitError(`${CONFIG_FILE} does not exist at ${headRev}: there is no workspace to compare`);
  const asOf = head.analysis.asOf;
  const baseWs = loadRevision(root, base.commit, { asOf, today: ctx.today });
  const baseScores: ReadonlyMap<string, AccountScore> = baseWs?.analysis.scores ?? new Map();

  const report: DiffReport = {
    diff: diffScores(baseScores, head.analysis.scores),
    base,
    head: headCommit === null ? { label: 'the working tree', commit: null } : { label: headRev ?? headCommit, commit: headCommit },
    asOf,
    method: diffMethod(baseWs?.analysis, head.analysis),
  };
  writeRendered(ctx.stdout, (await renderer('diff', format))({ report, chalk: ctx.chalk, quiet: ctx.quiet }));
  return EXIT_OK;
}

/** The named base, else the merge-base of the head with the first of main, master, origin/main, origin/master. */
function chooseBase(root: string, named: string | undefined, headRev: string | undefined): { label: string; commit: string } {
  if (named !== undefined) return { label: named, commit: resolveCommit(root, named) };
  const branch = firstExistingRevision(root, DEFAULT_BASE_BRANCHES);
  if (!branch) throw new GitError(`no ${DEFAULT_BASE_BRANCHES.join(', ')} branch to compare with: name the base revision (abx diff <base>)`);
  const head = resolveCommit(root, headRev ?? 'HEAD');
  return { label: `merge-base with ${branch}`, commit: mergeBase(root, branch, head) };
}

import { diffMethod } from '../../core/method-diff.js';
import { diffConfig, diffScores, reusableScores, type DiffReport, type SideFile } from '../../core/diff.js';
import { fileId } from '../../core/analyze.js';
import type { AccountScore } from '../../core/scoring/account.js';
import { yamlLib } from '../../core/yaml/lib.js';
import { SHALLOW_HINT, configTextAt, isAncestor, isShallow, renamedFiles, unscorableAccounts } from '../../workspace/compare.js';
import { GitError, blobId, firstExistingRevision, listTree, mergeBase, requireRepository, resolveCommit } from '../../workspace/git.js';
import { compileGlob } from '../../workspace/glob.js';
import { ConfigInvalid, loadWorkspace, requireRoot, type Workspace } from '../../workspace/load.js';
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
  const shallow = isShallow(root);

  const headRev = typeof options.head === 'string' ? options.head : undefined;
  const headCommit = headRev === undefined ? null : resolveCommit(root, headRev);
  const notes: string[] = [];
  const base = chooseBase(root, args[0], headRev, shallow, notes);

  // The head decides the as-of date, and the base is scored for the same day: a diff shows what
  // the files changed, not what the calendar did. Only errors are kept (the diff shows no warnings).
  const baseTree = listTree(root, base.commit);
  const headTree = headCommit === null ? undefined : listTree(root, headCommit);
  const like = baseTree[0]?.oid;
  const headOids = new Map<string, string>(headTree?.map((e) => [e.path, e.oid]));
  const head =
    headCommit === null
      ? await loadWorkspace({ cwd: ctx.cwd, asOf: ctx.asOf, today: ctx.today, lean: true, warnings: 'count', onRead: (f) => f.text !== undefined && headOids.set(f.path, blobId(f.text, like)) })
      : loadRevision(root, headCommit, { asOf: ctx.asOf, today: ctx.today, lean: true, warnings: 'count', tree: headTree });
  if (!head) throw new GitError(`${CONFIG_FILE} does not exist at ${headRev}: there is no workspace to compare`);
  const asOf = head.analysis.asOf;
  const headConfig = configTextAt(root, headCommit, headTree);
  const baseConfigOid = baseTree.find((e) => e.path === CONFIG_FILE)?.oid;
  const sameConfig = headConfig !== undefined && baseConfigOid !== undefined && (headCommit === null ? blobId(headConfig, like) : headOids.get(CONFIG_FILE)) === baseConfigOid;
  // A base account file with the head's bytes, config and segment has the head's score.
  let reused = new Map<string, AccountScore>();
  const settled = (files: readonly SideFile[]) => {
    reused = reusableScores(files, head.sources.map((f) => ({ path: f.path, kind: f.kind, oid: headOids.get(f.path) })), head.analysis.scores, sameConfig);
    return new Set(reused.keys());
  };
  let baseWs: Workspace | undefined;
  try {
    baseWs = loadRevision(root, base.commit, { asOf, today: ctx.today, lean: true, warnings: 'count', tree: baseTree, settled });
  } catch (err) {
    if (err instanceof ConfigInvalid) throw new ConfigInvalid(err.problems, `the base revision ${base.label} (${base.commit.slice(0, 7)})`);
    throw err;
  }
  const baseScores = new Map<string, AccountScore>(baseWs?.analysis.scores);
  for (const score of reused.values()) baseScores.set(score.id, score);

  const report: DiffReport = {
    diff: diffScores(baseScores, head.analysis.scores, {
      baseUnscorable: baseWs ? unscorableAccounts(baseWs) : undefined,
      headUnscorable: unscorableAccounts(head),
      renames: accountRenames(root, base.commit, headCommit, head),
    }),
    config: baseWs ? diffConfig(parseConfig(configTextAt(root, base.commit, baseTree)), parseConfig(headConfig)) : [],
    base,
    notes,
    head: headCommit === null ? { label: 'the working tree', commit: null } : { label: headRev ?? headCommit, commit: headCommit },
    asOf,
    method: diffMethod(baseWs?.analysis, head.analysis),
  };
  writeRendered(ctx.stdout, (await renderer('diff', format))({ report, chalk: ctx.chalk, quiet: ctx.quiet, width: ctx.width }));
  return EXIT_OK;
}

/**
 * The named base, else the merge-base of the head with the first of main, master, origin/main,
 * origin/master. A named base that is not an ancestor of the head (its branch moved on) is
 * replaced by the merge-base, and a note says so: otherwise the changes made on that branch since
 * would read as this change's.
 */
function chooseBase(root: string, named: string | undefined, headRev: string | undefined, shallow: boolean, notes: string[]): { label: string; commit: string } {
  const headCommit = resolveCommit(root, headRev ?? 'HEAD');
  const common = (rev: string) => {
    try {
      return mergeBase(root, rev, headCommit);
    } catch (err) {
      if (shallow && err instanceof GitError) throw new GitError(`no common ancestor of ${rev} and ${headRev ?? 'HEAD'} in the history fetched: ${SHALLOW_HINT}`);
      throw err;
    }
  };
  if (named !== undefined) {
    const commit = resolveCommit(root, named);
    if (isAncestor(root, commit, headCommit)) return { label: named, commit };
    const from = common(named);
    notes.push(`${named} is not an ancestor of ${headRev ?? 'HEAD'} (it has commits this branch does not have): compared from their merge-base ${from.slice(0, 7)}, so only this branch's changes are shown.`);
    return { label: `merge-base with ${named}`, commit: from };
  }
  const branch = firstExistingRevision(root, DEFAULT_BASE_BRANCHES);
  if (!branch) throw new GitError(`no ${DEFAULT_BASE_BRANCHES.join(', ')} branch to compare with: name the base revision (abx diff <base>)`);
  return { label: `merge-base with ${branch}`, commit: common(branch) };
}

/** Account ids whose files git saw renamed (base id → head id). */
function accountRenames(root: string, base: string, head: string | null, headWs: Workspace): Map<string, string> {
  const accounts = compileGlob(headWs.config.paths.accounts);
  const out = new Map<string, string>();
  for (const [from, to] of renamedFiles(root, base, head)) {
    if (accounts.test(from) && accounts.test(to)) out.set(fileId(from, 'accounts'), fileId(to, 'accounts'));
  }
  return out;
}

/** The config as plain data for comparing settings; an unreadable one compares as empty (loading it already said why). */
function parseConfig(text: string | undefined): unknown {
  if (text === undefined) return {};
  try {
    return yamlLib().parse(text, { maxAliasCount: 100 }) ?? {};
  } catch {
    return {};
  }
}

import { historyRows, type CommitRef, type HistoryReport, type Unscorable } from '../../core/diff.js';
import type { AccountScore } from '../../core/scoring/account.js';
import { ID_PATTERN } from '../../core/schemas.js';
import { didYouMean } from '../../core/suggest.js';
import { SHALLOW_HINT, isShallow, unscorableAccounts } from '../../workspace/compare.js';
import { commitsTouching, requireRepository, resolveCommit } from '../../workspace/git.js';
import { ConfigInvalid, loadWorkspace, requireRoot } from '../../workspace/load.js';
import { loadRevision } from '../../workspace/revision.js';
import { CONFIG_FILE } from '../../workspace/root.js';
import { EXIT_OK, UsageError, type Context } from '../context.js';
import { renderer } from '../../format/index.js';
import { writeRendered } from '../output.js';

export async function run(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const format = (options.format as string | undefined) ?? 'table';
  const id = args[0] ?? '';
  if (!ID_PATTERN.test(id)) throw new UsageError(`"${id}" is not an account id (lowercase letters, digits and -)`);
  const root = requireRoot(ctx.cwd);
  requireRepository(root);
  const head = resolveCommit(root, 'HEAD');
  const live = await loadWorkspace({ cwd: ctx.cwd, asOf: ctx.asOf, today: ctx.today });
  const asOf = live.analysis.asOf;

  // An account's score depends on its own file, its segment and the config: only those are read.
  const fileSpec = (glob: string, fileId: string) => `:(glob)${glob.replace(/[^/]*$/, `${fileId}.md`)}`;
  const scores = new Map<string, { score: AccountScore | undefined; unscorable?: Unscorable; segment: string | null; valid: boolean }>();
  const scoreAt = (commit: string) => {
    let state = scores.get(commit);
    if (state) return state;
    try {
      const ws = loadRevision(root, commit, { asOf, today: ctx.today, lean: true, only: (f) => f.kind === 'segments' || (f.kind === 'accounts' && f.id === id) });
      const score = ws?.analysis.scores.get(id);
      // A file that exists with errors has no score there: that is "cannot be scored", never "removed".
      state = { score, unscorable: ws && !score ? unscorableAccounts(ws).get(id) : undefined, segment: score?.segment ?? null, valid: true };
    } catch (err) {
      if (!(err instanceof ConfigInvalid)) throw err;
      state = { score: undefined, segment: null, valid: false };
    }
    scores.set(commit, state);
    return state;
  };

  const baseSpecs = [`:(literal)${CONFIG_FILE}`, fileSpec(live.config.paths.accounts, id)];
  const segments = new Set<string>();
  for (const c of commitsTouching(root, head, baseSpecs)) {
    const segment = scoreAt(c.commit).segment;
    if (segment) segments.add(segment);
  }
  const liveSegment = live.analysis.accounts.get(id)?.data.segment;
  if (liveSegment) segments.add(liveSegment);
  const specs = [...baseSpecs, ...[...segments].sort().map((s) => fileSpec(live.config.paths.segments, s))];
  const commits = segments.size > 0 ? commitsTouching(root, head, specs) : commitsTouching(root, head, baseSpecs);

  // A commit whose config did not load cannot be scored: it is left out rather than shown as a removal.
  const states = commits
    .map((c) => ({ ref: c as CommitRef, state: scoreAt(c.commit) }))
    .filter((s) => s.state.valid)
    .reverse()
    .map((s) => ({ ref: s.ref, score: s.state.score, unscorable: s.state.unscorable }));
  const rows = historyRows(states);
  if (rows.length === 0) {
    throw new UsageError(`no account "${id}" in any commit of this branch${didYouMean(id, live.analysis.scores.keys())}`);
  }
  const latest = rows.find((r) => r.score !== null)?.score;
  const notes = isShallow(root) ? [`the history is cut short: ${SHALLOW_HINT}`] : [];
  const report: HistoryReport = { id, notes, name: live.analysis.scores.get(id)?.name ?? latest?.name ?? id, asOf, rows };
  writeRendered(ctx.stdout, (await renderer('history', format))({ report, chalk: ctx.chalk, quiet: ctx.quiet, width: ctx.width }));
  return EXIT_OK;
}

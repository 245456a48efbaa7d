/** `abx diff` on a real repository with commits, a branch, a weights change and uncommitted edits. */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, runAbx, tempDir } from '../helpers.js';
import { account, buildHistoryRepo, commit, config, gitIn, write, type HistoryRepo } from './diff-repo.js';

let repo: HistoryRepo;
const short = (c: string) => c.slice(0, 7);
beforeAll(() => {
  repo = buildHistoryRepo();
});

describe('abx diff', () => {
  it('compares the merge-base with main against the working tree by default', () => {
    const r = runAbx(['diff'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        `Scores at merge-base with main (${short(repo.c2)}) → the working tree, as of 2026-11-24`,
        '',
        'The scoring model changed (abx.config.yaml):',
        '  scoring.weights.firmographic: (not set) → 30',
        '  scoring.weights.technographic: (not set) → 20',
        '  scoring.weights.intent: (not set) → 35',
        '  scoring.weights.engagement: (not set) → 15',
        '',
        'Tier moves (2)',
        '  Alpha Freight (alpha)      PURE 10 (tier 1)  fit 78.5 → 80 (tier 2 → 1)',
        '  Gamma Goods (gamma)        PURE 3 (tier 4)  fit 56.5 → 61.5 (tier 3 → 2)',
        '',
        'New accounts (1)',
        '  Epsilon Estates (epsilon)  PURE 0 (tier 5)  fit 30 (tier 3)',
        '',
        'Removed accounts (1)',
        '  Delta Depots (delta)       PURE 8 (tier 2)  fit 70 (tier 2)',
        '',
        'Score changes over 0.1 (1)',
        '  Beta Cargo (beta)          PURE 8 (tier 2)  fit 50 → 51.5 (tier 3)',
        '',
        '2 tier moves, 1 new, 1 removed, 1 score change; 0 accounts unchanged.',
        '',
      ].join('\n'),
    );
  });

  it('shows every account a weights change moves, between two revisions', () => {
    const r = runAbx(['diff', 'main', '--head', 'feature', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.asOf).toBe('2026-11-24');
    expect(json.base).toEqual({ label: 'main', commit: repo.c2 });
    expect(json.head).toEqual({ label: 'feature', commit: repo.c4 });
    expect(json.summary).toEqual({ tierMoves: 1, added: 1, removed: 1, renamed: 0, unscorable: 0, scoreChanges: 2, unchanged: 0 });
    expect(json.notes).toEqual([]);
    expect(json.config).toEqual([
      { path: 'scoring.weights.firmographic', base: null, head: 30 },
      { path: 'scoring.weights.technographic', base: null, head: 20 },
      { path: 'scoring.weights.intent', base: null, head: 35 },
      { path: 'scoring.weights.engagement', base: null, head: 15 },
    ]);
    expect(json.tierMoves).toEqual([
      {
        id: 'gamma',
        name: 'Gamma Goods',
        base: { pure: { total: 3, tier: 4, tierName: 'Emerging Need' }, fit: { score: 56.5, tier: 3, tierName: 'Programmatic' } },
        head: { pure: { total: 3, tier: 4, tierName: 'Emerging Need' }, fit: { score: 61.5, tier: 2, tierName: 'Scale' } },
        pureTierMoved: false,
        fitTierMoved: true,
        pureDelta: 0,
        fitDelta: 5,
      },
    ]);
    expect(json.added.map((c: any) => [c.id, c.base, c.head.fit.score])).toEqual([['epsilon', null, 30]]);
    expect(json.removed.map((c: any) => [c.id, c.head, c.base.pure.total])).toEqual([['delta', null, 8]]);
    expect(json.scoreChanges.map((c: any) => [c.id, c.fitDelta, c.pureDelta])).toEqual([
      ['alpha', -2, 0],
      ['beta', 1.5, 0],
    ]);
  });

  it('only the config changed: the weights change alone moves gamma', () => {
    const r = runAbx(['diff', repo.c2, '--head', repo.c3, '--format', 'json'], { cwd: repo.dir });
    const json = JSON.parse(r.stdout);
    expect(json.base.label).toBe(repo.c2);
    expect(json.tierMoves.map((c: any) => c.id)).toEqual(['gamma']);
    expect(json.scoreChanges.map((c: any) => [c.id, c.fitDelta])).toEqual([['alpha', -2]]);
    expect(json.summary.unchanged).toBe(2);
  });

  it('writes a pull-request comment', () => {
    const r = runAbx(['diff', '--format', 'markdown'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '<!-- abx-diff -->',
        '### abx: 2 accounts change tier',
        '',
        `Scores at merge-base with main (\`${short(repo.c2)}\`) compared with the working tree, as of 2026-11-24: 1 new, 1 removed, 1 score change.`,
        '',
        '**The scoring model changed** (abx.config.yaml): `scoring.weights.firmographic` (not set) → `30`, `scoring.weights.technographic` (not set) → `20`, `scoring.weights.intent` (not set) → `35`, `scoring.weights.engagement` (not set) → `15`. Each side is scored with its own config.',
        '',
        '| Account | PURE | PURE tier | Fit | Fit tier |',
        '|---|---|---|---|---|',
        '| Alpha Freight (`alpha`) | 10 | 1 | 78.5 → 80 | 2 → 1 ↑ |',
        '| Gamma Goods (`gamma`) | 3 | 4 | 56.5 → 61.5 | 3 → 2 ↑ |',
        '',
        '<details>',
        '<summary>1 new, 1 removed, 1 score change</summary>',
        '',
        '#### New accounts',
        '',
        '| Account | PURE | PURE tier | Fit | Fit tier |',
        '|---|---|---|---|---|',
        '| Epsilon Estates (`epsilon`) | 0 | 5 | 30 | 3 |',
        '',
        '#### Removed accounts',
        '',
        '| Account | PURE | PURE tier | Fit | Fit tier |',
        '|---|---|---|---|---|',
        '| Delta Depots (`delta`) | 8 | 2 | 70 | 2 |',
        '',
        '#### Score changes over 0.1 (same tiers)',
        '',
        '| Account | PURE | PURE tier | Fit | Fit tier |',
        '|---|---|---|---|---|',
        '| Beta Cargo (`beta`) | 8 | 2 | 50 → 51.5 | 3 |',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('scores both sides on the same as-of date (--as-of wins over the config)', () => {
    const r = runAbx(['--as-of', '2026-12-01', 'diff', 'main', '--head', 'feature', '--format', 'json'], { cwd: repo.dir });
    expect(JSON.parse(r.stdout).asOf).toBe('2026-12-01');
  });

  it('treats a base without the workspace as empty: every account is new', () => {
    const dir = tempDir('abx-git-');
    gitIn(dir, ['init', '-q', '-b', 'main']);
    write(dir, { 'README.md': '# Strategy\n' });
    commit(dir, 'Start', '2026-09-01');
    write(dir, { 'abx.config.yaml': config(), 'accounts/alpha.md': account({ name: 'Alpha Freight', pure: [3, 3, 2, 2], fit: [90, 80, 70, 60] }) });
    const r = runAbx(['diff', 'main', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.summary).toEqual({ tierMoves: 0, added: 1, removed: 0, renamed: 0, unscorable: 0, scoreChanges: 0, unchanged: 0 });
    expect(json.added[0].head).toEqual({ pure: { total: 10, tier: 1, tierName: 'Hair-on-Fire' }, fit: { score: 78.5, tier: 2, tierName: 'Scale' } });
  });

  it('fails in one line with exit 2 on an unknown revision or outside a repository', () => {
    const bad = runAbx(['diff', 'no-such-branch'], { cwd: repo.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('abx: unknown revision "no-such-branch": not a branch, tag or commit of this repository\n');
    const badHead = runAbx(['diff', 'main', '--head', 'nope'], { cwd: repo.dir });
    expect(badHead.code).toBe(2);
    expect(badHead.stderr).toBe('abx: unknown revision "nope": not a branch, tag or commit of this repository\n');
    const dir = makeWorkspace({});
    const outside = runAbx(['diff'], { cwd: dir });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toBe(`abx: ${dir} is not inside a git repository: this command compares revisions of the workspace\n`);
  });
});

/**
 * Nothing in a diff is false (issue: the pull-request check on a real strategy repo): a broken
 * file is "cannot be scored", never "removed"; a git mv is a rename; a base that moved on is
 * compared from the merge-base and said so; a shallow clone is named with its fix; a config error
 * at the base is the base's; `score <id>` on a broken file shows its problems.
 */
import { describe, expect, it } from 'vitest';
import { runAbx, tempDir } from '../helpers.js';
import { account, commit, config, diffJson, gitIn, segment, write } from './diff-repo.js';

const ALPHA = account({ name: 'Alpha Freight', pure: [3, 3, 2, 2], fit: [90, 80, 70, 60] });
const BETA = account({ name: 'Beta Cargo', pure: [2, 2, 1, 1], fit: [50, 50, 50, 50] });

/** main with alpha and beta, then a `feature` branch checked out. */
function repo(): string {
  const dir = tempDir('abx-git-');
  gitIn(dir, ['init', '-q', '-b', 'main']);
  write(dir, { 'abx.config.yaml': config(), 'segments/logistics.md': segment('Shipments you can see'), 'accounts/alpha.md': ALPHA, 'accounts/beta.md': BETA });
  commit(dir, 'Add the workspace', '2026-10-01');
  gitIn(dir, ['checkout', '-q', '-b', 'feature']);
  return dir;
}

const json = diffJson;

describe('abx diff tells the truth', () => {
  it('a file with a syntax error at head cannot be scored at head; it is not removed', () => {
    const dir = repo();
    write(dir, { 'accounts/beta.md': BETA.replace('name: Beta Cargo', 'name: [Beta Cargo') });
    const out = json(dir, 'main');
    expect(out.summary).toMatchObject({ removed: 0, unscorable: 1 });
    expect(out.unscorable).toEqual([
      expect.objectContaining({ id: 'beta', name: 'Beta Cargo', head: null, unscorable: { path: 'accounts/beta.md', errors: 1, rules: ['frontmatter-syntax'], side: 'head' } }),
    ]);
    const md = runAbx(['diff', 'main', '--format', 'markdown'], { cwd: dir }).stdout;
    expect(md).toContain('- Beta Cargo (`beta`): cannot be scored at head (1 error: frontmatter-syntax)');
    expect(md).not.toMatch(/removed/i);
    const table = runAbx(['diff', 'main'], { cwd: dir }).stdout;
    expect(table).toContain('Cannot be scored (1)\n  Beta Cargo (beta)  cannot be scored at head (1 error: frontmatter-syntax)\n');
  });

  it('a new file that cannot be scored is listed as such, not dropped', () => {
    const dir = repo();
    write(dir, { 'accounts/gamma.md': '---\nname: [Gamma\nsegment: logistics\n---\n' });
    const out = json(dir, 'main');
    expect(out.unscorable.map((c: { id: string; base: unknown; unscorable: { side: string } }) => [c.id, c.base, c.unscorable.side])).toEqual([['gamma', null, 'head']]);
    expect(out.added).toEqual([]);
  });

  it('a git mv is "renamed from", not one removed and one new account', () => {
    const dir = repo();
    gitIn(dir, ['mv', 'accounts/beta.md', 'accounts/beta-cargo.md']);
    const out = json(dir, 'main');
    expect(out.summary).toMatchObject({ added: 0, removed: 0, renamed: 1 });
    expect(out.renamed.map((c: { id: string; renamedFrom: string }) => [c.id, c.renamedFrom])).toEqual([['beta-cargo', 'beta']]);
    const md = runAbx(['diff', 'main', '--format', 'markdown'], { cwd: dir }).stdout;
    expect(md).toContain('| Beta Cargo (`beta-cargo`, renamed from `beta`) | 6 | 3 | 50 | 3 |');
    // Committed, between two revisions, and with a score change: still one account.
    write(dir, { 'accounts/beta-cargo.md': BETA.replace('score: 1, evidence: Asked', 'score: 3, evidence: Asked') });
    commit(dir, 'Rename beta and sharpen it', '2026-10-02');
    const moved = json(dir, 'main', '--head', 'feature');
    expect([moved.added, moved.removed, moved.renamed]).toEqual([[], [], []]);
    expect(moved.tierMoves.concat(moved.scoreChanges).map((c: { id: string; renamedFrom: string; pureDelta: number }) => [c.id, c.renamedFrom, c.pureDelta])).toEqual([['beta-cargo', 'beta', 2]]);
  });

  it('names a config change, base → head, above the tiers', () => {
    const dir = repo();
    write(dir, { 'abx.config.yaml': config('{ firmographic: 20, technographic: 20, intent: 45, engagement: 15 }') });
    expect(json(dir, 'main').config).toEqual([
      { path: 'scoring.weights.firmographic', base: null, head: 20 },
      { path: 'scoring.weights.technographic', base: null, head: 20 },
      { path: 'scoring.weights.intent', base: null, head: 45 },
      { path: 'scoring.weights.engagement', base: null, head: 15 },
    ]);
    gitIn(dir, ['commit', '-q', '-am', 'Weights']);
    write(dir, { 'abx.config.yaml': config('{ firmographic: 40, technographic: 20, intent: 25, engagement: 15 }') });
    const out = json(dir, 'HEAD');
    expect(out.config).toEqual([
      { path: 'scoring.weights.firmographic', base: 20, head: 40 },
      { path: 'scoring.weights.intent', base: 45, head: 25 },
    ]);
    const md = runAbx(['diff', 'HEAD', '--format', 'markdown'], { cwd: dir }).stdout.split('\n');
    const line = md.findIndex((l) => l.startsWith('**The scoring model changed**'));
    expect(md[line]).toBe('**The scoring model changed** (abx.config.yaml): `scoring.weights.firmographic` `20` → `40`, `scoring.weights.intent` `45` → `25`. Each side is scored with its own config.');
    const tiers = md.findIndex((l) => l.startsWith('| Account'));
    expect(tiers === -1 || tiers > line).toBe(true);
  });

  it('a base that is not an ancestor (main moved on) is compared from the merge-base, and says so', () => {
    const dir = repo();
    write(dir, { 'accounts/alpha.md': ALPHA.replace('firmographic: 90', 'firmographic: 20') });
    commit(dir, 'Alpha on the branch', '2026-10-02');
    gitIn(dir, ['checkout', '-q', 'main']);
    write(dir, { 'accounts/delta.md': account({ name: 'Delta Depots', pure: [2, 2, 2, 2], fit: [70, 70, 70, 70] }) });
    commit(dir, 'Delta on main', '2026-10-03');
    gitIn(dir, ['checkout', '-q', 'feature']);
    const out = json(dir, 'main');
    // Delta was added on main, not by this branch: it must not show as removed.
    expect(out.summary).toMatchObject({ removed: 0, added: 0 });
    expect(out.base.label).toBe('merge-base with main');
    expect(out.notes).toEqual([expect.stringMatching(/^main is not an ancestor of HEAD \(it has commits this branch does not have\): compared from their merge-base [0-9a-f]{7}, so only this branch's changes are shown\.$/)]);
    expect(runAbx(['diff', 'main', '--format', 'markdown'], { cwd: dir }).stdout).toContain('> **Note:** main is not an ancestor of HEAD');
    expect(runAbx(['diff', 'main'], { cwd: dir }).stdout.split('\n')[0]).toMatch(/^Note: main is not an ancestor of HEAD/);
  });

  it('in a shallow clone: names fetch-depth: 0; history says it is cut short', () => {
    const dir = repo();
    write(dir, { 'accounts/alpha.md': ALPHA.replace('firmographic: 90', 'firmographic: 20') });
    commit(dir, 'Alpha on the branch', '2026-10-02');
    gitIn(dir, ['checkout', '-q', 'main']);
    write(dir, { 'accounts/beta.md': BETA.replace('firmographic: 50', 'firmographic: 60') });
    commit(dir, 'Beta on main', '2026-10-03');
    const clone = tempDir('abx-shallow-');
    gitIn(clone, ['clone', '-q', '--depth', '1', '--no-single-branch', `file://${dir}`, '.']);
    gitIn(clone, ['checkout', '-q', 'feature']);
    const r = runAbx(['diff', 'origin/main'], { cwd: clone });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'abx: no common ancestor of origin/main and HEAD in the history fetched: this is a shallow clone: fetch the whole history (actions/checkout with fetch-depth: 0, or git fetch --unshallow)\n',
    );
    const h = JSON.parse(runAbx(['history', 'alpha', '--format', 'json'], { cwd: clone }).stdout);
    expect(h.notes).toEqual(['the history is cut short: this is a shallow clone: fetch the whole history (actions/checkout with fetch-depth: 0, or git fetch --unshallow)']);
  });

  it('an invalid config at the base is named as the base revision\'s', () => {
    const dir = tempDir('abx-git-');
    gitIn(dir, ['init', '-q', '-b', 'main']);
    write(dir, { 'abx.config.yaml': 'version: 1\nscoring:\n  weights: { firmographic: 50, technographic: 20, intent: 25, engagement: 15 }\n', 'accounts/alpha.md': ALPHA });
    const base = commit(dir, 'Weights that add up to 110', '2026-10-01');
    write(dir, { 'abx.config.yaml': config() });
    const r = runAbx(['diff', 'main'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('scoring.weights must add up to exactly 100');
    expect(r.stderr.trim().split('\n').pop()).toBe(
      `abx: abx.config.yaml at the base revision main (${base.slice(0, 7)}) is invalid: fix the problems above (they are in that revision, not in your working tree)`,
    );
  });

  it('history shows a broken commit as "cannot be scored", not "removed"', () => {
    const dir = repo();
    write(dir, { 'accounts/beta.md': BETA.replace('name: Beta Cargo', 'name: [Beta Cargo') });
    commit(dir, 'Break beta', '2026-10-02');
    write(dir, { 'accounts/beta.md': BETA });
    commit(dir, 'Fix beta', '2026-10-03');
    const h = JSON.parse(runAbx(['history', 'beta', '--format', 'json'], { cwd: dir }).stdout);
    expect(h.commits.map((c: { subject: string; present: boolean; unscorable?: { errors: number } }) => [c.subject, c.present, c.unscorable?.errors ?? null])).toEqual([
      ['Fix beta', true, null],
      ['Break beta', true, 1],
      ['Add the workspace', true, null],
    ]);
    expect(runAbx(['history', 'beta'], { cwd: dir }).stdout).toContain('cannot be scored (1 error: frontmatter-syntax)');
  });
});

describe('abx score <id> on a file with errors', () => {
  it('prints the problems and exits 1, instead of "no account"', () => {
    const dir = repo();
    write(dir, { 'accounts/beta.md': BETA.replace('name: Beta Cargo', 'name: [Beta Cargo') });
    const r = runAbx(['score', 'beta'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^abx: account "beta" cannot be scored: accounts\/beta\.md has 1 error: frontmatter-syntax\n\naccounts\/beta\.md\n {2}\d+:\d+ {2}error {2}.* {2}frontmatter-syntax\n/);
    const unknown = runAbx(['score', 'betta'], { cwd: dir });
    expect([unknown.code, unknown.stderr]).toEqual([2, 'abx: no account "betta" (did you mean \"beta\"?)\n']);
  });
});

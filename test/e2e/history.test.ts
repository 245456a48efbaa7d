/** `abx history` and `abx score --at` on a real repository (see diff-repo.ts for its commits). */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAbx, tempDir } from '../helpers.js';
import { account, buildHistoryRepo, commit, config, gitIn, write, type HistoryRepo } from './diff-repo.js';

let repo: HistoryRepo;
const short = (c: string) => c.slice(0, 7);
beforeAll(() => {
  repo = buildHistoryRepo();
});

describe('abx history', () => {
  it("lists the account's scores at each commit that changed it, its segment or the config, newest first", () => {
    const r = runAbx(['history', 'alpha'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Alpha Freight (alpha): 3 commits, scored as of 2026-11-24',
        '',
        'commit   date        PURE         fit            author     subject',
        `${short(repo.c3)}  2026-11-01  10 (tier 1)  76.5 (tier 2)  Dana Ruiz  Weight intent higher`,
        `${short(repo.c2)}  2026-10-15  10 (tier 1)  78.5 (tier 2)  Dana Ruiz  Sharpen beta's pain`,
        `${short(repo.c1)}  2026-10-01  10 (tier 1)  78.5 (tier 2)  Dana Ruiz  Add the workspace`,
        '',
      ].join('\n'),
    );
  });

  it('shows the commit that removed an account', () => {
    const r = runAbx(['history', 'delta', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.id).toBe('delta');
    expect(json.name).toBe('Delta Depots');
    expect(json.commits.map((c: any) => [c.commit, c.date, c.subject, c.present, c.pure?.total ?? null, c.fit?.score ?? null])).toEqual([
      [repo.c4, '2026-11-10', 'Add epsilon, drop delta', false, null, null],
      [repo.c3, '2026-11-01', 'Weight intent higher', true, 8, 70],
      [repo.c2, '2026-10-15', "Sharpen beta's pain", true, 8, 70],
      [repo.c1, '2026-10-01', 'Add the workspace', true, 8, 70],
    ]);
    expect(json.commits[1].author).toBe('Dana Ruiz');
  });

  it('follows a tier move in markdown', () => {
    const r = runAbx(['history', 'beta', '--format', 'markdown'], { cwd: repo.dir });
    expect(r.stdout).toBe(
      [
        '### Beta Cargo (`beta`)',
        '',
        'Scores at each commit that changed the account, its segment or the config, as of 2026-11-24.',
        '',
        '| Commit | Date | PURE | Fit | Author | Subject |',
        '|---|---|---|---|---|---|',
        `| \`${short(repo.c4)}\` | 2026-11-10 | 8 (tier 2) | 51.5 (tier 3) | Dana Ruiz | Add epsilon, drop delta |`,
        `| \`${short(repo.c3)}\` | 2026-11-01 | 8 (tier 2) | 50 (tier 3) | Dana Ruiz | Weight intent higher |`,
        `| \`${short(repo.c2)}\` | 2026-10-15 | 8 (tier 2) | 50 (tier 3) | Dana Ruiz | Sharpen beta's pain |`,
        `| \`${short(repo.c1)}\` | 2026-10-01 | 6 (tier 3) | 50 (tier 3) | Dana Ruiz | Add the workspace |`,
        '',
      ].join('\n'),
    );
  });

  it('fails clearly for an account that never existed', () => {
    const r = runAbx(['history', 'alpah'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('abx: no account "alpah" in any commit of this branch (did you mean "alpha"?)\n');
  });
});

describe('abx score --at', () => {
  it('scores a past revision without touching the working tree', () => {
    const r = runAbx(['score', '--at', 'main', '--format', 'json', '--sort', 'name'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.asOf).toBe('2026-11-24');
    expect(json.accounts.map((a: any) => [a.id, a.pure.total, a.pure.tier, a.fit.score, a.fit.tier])).toEqual([
      ['alpha', 10, 1, 78.5, 2],
      ['beta', 8, 2, 50, 3],
      ['delta', 8, 2, 70, 2],
      ['gamma', 3, 4, 56.5, 3],
    ]);
    expect(gitIn(repo.dir, ['status', '--porcelain'])).toBe(' M accounts/alpha.md\n');
  });

  it('uses the config of that revision (weights) and its files', () => {
    const r = runAbx(['score', '--at', repo.c4, '--format', 'csv', '--sort', 'name'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.split(','));
    const header = rows[0] ?? [];
    const col = (name: string) => header.indexOf(name);
    expect(rows.slice(1).map((row) => [row[col('id')], row[col('fit_score')], row[col('fit_tier')]])).toEqual([
      ['alpha', '76.5', '2'],
      ['beta', '51.5', '3'],
      ['epsilon', '30', '3'],
      ['gamma', '61.5', '2'],
    ]);
  });

  it('does not follow a link committed to git, and reports oversized files', () => {
    const dir = tempDir('abx-git-');
    gitIn(dir, ['init', '-q', '-b', 'main']);
    writeFileSync(join(dir, 'secret.md'), '---\nname: Secret\n---\n');
    write(dir, { 'abx.config.yaml': config(), 'accounts/real.md': account({ name: 'Real', pure: [1, 1, 1, 1], fit: [50, 50, 50, 50] }), 'accounts/huge.md': `---\nname: Huge\n---\n${'x'.repeat(1024 * 1024)}` });
    symlinkSync('../secret.md', join(dir, 'accounts', 'link.md'));
    const c = commit(dir, 'Add a link', '2026-10-01');
    const r = runAbx(['score', '--at', c, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).accounts.map((a: any) => a.id)).toEqual(['real']);
    expect(r.stderr).toContain('accounts/link.md');
    expect(r.stderr).toContain('the file is a symbolic link: abx does not follow links stored in git');
    expect(r.stderr).toContain('accounts/huge.md');
    expect(r.stderr).toContain('larger than the 1 MiB limit');
  });

  it('fails in one line for an unknown revision or one without the workspace', () => {
    const r = runAbx(['score', '--at', 'v9'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('abx: unknown revision "v9": not a branch, tag or commit of this repository\n');
    const dir = tempDir('abx-git-');
    gitIn(dir, ['init', '-q', '-b', 'main']);
    write(dir, { 'README.md': 'x\n' });
    const first = commit(dir, 'Start', '2026-09-01');
    write(dir, { 'abx.config.yaml': config() });
    commit(dir, 'Workspace', '2026-09-02');
    const none = runAbx(['score', '--at', first], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`abx: abx.config.yaml does not exist at ${first}: the workspace was not there yet\n`);
  });
});

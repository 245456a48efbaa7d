/**
 * Hostile pull requests that change the config, run through the commands the generated workflow
 * runs: each ends with its clear error, and the secret planted outside the workspace (and in
 * .git/config, where actions/checkout keeps its token) never appears in any output.
 */
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAbx, tempDir } from '../helpers.js';
import { account, commit, gitIn, segment, write } from './diff-repo.js';
import { BASE_CONFIG, HOSTILE_CONFIG_CASES, OUTSIDE_FILES, SECRET, type HostileConfigCase, type Outcome } from './hostile-config-cases.js';

let template: string;

beforeAll(() => {
  template = tempDir('abx-hostile-config-');
  gitIn(template, ['init', '-q', '-b', 'main']);
  write(template, {
    'abx.config.yaml': BASE_CONFIG,
    'segments/logistics.md': segment('Shipments you can see'),
    'accounts/alpha.md': account({ name: 'Alpha Freight', pure: [3, 3, 2, 2], fit: [90, 80, 70, 60] }),
    'accounts/beta.md': account({ name: 'Beta Cargo', pure: [2, 2, 1, 1], fit: [50, 50, 50, 50] }),
  });
  commit(template, 'Add the workspace', '2026-10-01');
  // What actions/checkout leaves in .git/config unless told persist-credentials: false.
  gitIn(template, ['config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${SECRET}`]);
});

/** A copy of the clean repository, with the pull request's files committed on a branch, next to the outside folder. */
function pullRequest(c: HostileConfigCase): string {
  const top = tempDir('abx-hostile-pr-');
  const outside = join(top, 'outside');
  const repo = join(top, 'repo');
  mkdirSync(outside);
  for (const [path, text] of Object.entries(OUTSIDE_FILES)) writeFileSync(join(outside, path), text);
  cpSync(template, repo, { recursive: true });
  gitIn(repo, ['checkout', '-q', '-b', 'pr']);
  const fill = (s: string) => s.replaceAll('{OUTSIDE}', outside);
  for (const [path, file] of Object.entries(c.files)) {
    const full = join(repo, path);
    mkdirSync(dirname(full), { recursive: true });
    if (typeof file === 'string') writeFileSync(full, fill(file));
    else symlinkSync(fill(file.link), full);
  }
  commit(repo, c.name, '2026-11-20');
  return repo;
}

function check(r: { code: number; stdout: string; stderr: string }, outcome: Outcome): void {
  const out = r.stdout + r.stderr;
  expect(out).not.toContain(SECRET);
  expect(out).not.toMatch(/internal error|\n\s+at .*:\d+:\d+/);
  expect({ code: r.code, says: outcome.says ? outcome.says.test(out) : true }).toEqual({ code: outcome.code, says: true });
}

describe('a hostile pull request that changes the config', () => {
  it.each(HOSTILE_CONFIG_CASES.map((c) => [c.name, c] as const))('%s: validate and diff end clearly, reading nothing outside', (_name, c) => {
    const repo = pullRequest(c);
    check(runAbx(['validate', '--format', 'github'], { cwd: repo }), c.expect.validate);
    check(runAbx(['diff', 'main', '--format', 'markdown'], { cwd: repo }), c.expect.diff);
    // Commands a person runs on the checkout print values too: the same config stops them, or they read nothing outside.
    for (const args of [['score', '--explain'], ['export', '--format', 'json']]) {
      const r = runAbx(args, { cwd: repo });
      expect(r.stdout + r.stderr).not.toContain(SECRET);
      expect([r.code === 2, /internal error/.test(r.stderr)]).toEqual([c.expect.validate.code === 2, false]);
    }
  });
});

/**
 * `npm test` passes on a fresh clone without Chromium: the browser suite is skipped with a
 * message; under .ci/run (ABX_REQUIRE_BROWSER=1) a missing Chromium fails instead.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';

function browserSuite(env: Record<string, string>) {
  const vitest = join(REPO, 'node_modules', 'vitest', 'vitest.mjs');
  const r = spawnSync(process.execPath, [vitest, 'run', 'test/browser', '--reporter=dot'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ABX_CHROMIUM: '/nonexistent/chromium', NO_COLOR: '1', ...env }, timeout: 60_000 });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('the browser suite without Chromium', () => {
  it('is skipped with a message naming how to run it', () => {
    const r = browserSuite({ ABX_REQUIRE_BROWSER: '' });
    expect(r.code).toBe(0);
    expect(r.output).toContain('browser suite skipped: Chromium not found (set ABX_CHROMIUM to its path, or install it: apt-get install chromium).');
    // Every test of the suite skipped, none run (the count grows with the suite).
    expect(r.output).toMatch(/Tests\s+(\d+) skipped \(\1\)/);
  });

  it('fails where it is required (.ci/run sets ABX_REQUIRE_BROWSER=1)', () => {
    const r = browserSuite({ ABX_REQUIRE_BROWSER: '1' });
    expect(r.code).toBe(1);
    expect(r.output).toContain('Chromium is required here but was not found.');
  });
});

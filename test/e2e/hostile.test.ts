/**
 * The CLI on hostile files (a sample of what the fuzz generators make, plus the classics): it
 * reports them as problems and exits 1, never with a stack trace, and the other files still get
 * their results.
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, runAbx, tempDir } from '../helpers.js';
import { accountText, applyAll, betText, fence, markdown, mutations } from '../fuzz/arbitraries.js';
import { HOSTILE_ACCOUNTS } from './hostile-texts.js';

const GOOD = '---\nname: Good Account\npure:\n  painful: { score: 3, evidence: Real pain }\n  urgent: { score: 1, evidence: Soon }\n  recognized: { score: 0 }\n  expensive: { score: 0 }\n---\n\n# Good\n';

function hostileWorkspace(): { dir: string; hostile: string[] } {
  const files: Record<string, string> = {
    'accounts/good.md': GOOD,
    ...HOSTILE_ACCOUNTS,
    'bets/wrong-types.md': '---\nname: [1, 2]\nstatus: { a: 1 }\naccounts: 42\n---\n',
  };
  // A handful of what the fuzzer makes: fixed seed, so the same files every run.
  const generated = fc.sample(
    fc.tuple(fc.oneof(accountText, betText), mutations, fence).map(([yaml, ms, f]) => applyAll(markdown(yaml, f), ms)),
    { numRuns: 8, seed: 20261124 },
  );
  generated.forEach((text, i) => {
    files[`accounts/generated-${i}.md`] = text;
  });
  const dir = makeWorkspace(files);
  writeFileSync(join(dir, 'accounts', 'huge.md'), `---\nname: ${'x'.repeat(2 * 1024 * 1024)}\n---\n`);
  writeFileSync(join(dir, 'accounts', 'not-utf8.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]));
  const outside = join(tempDir(), 'secret.md');
  writeFileSync(outside, '---\nname: Secret\n---\n');
  symlinkSync(outside, join(dir, 'accounts', 'link-out.md'));
  const hostile = ['js-fence', 'to-string', 'alias-bomb', 'deep-nesting', 'unterminated', 'tags', 'binary', 'huge', 'not-utf8', 'link-out'].map((n) => `accounts/${n}.md`);
  return { dir, hostile };
}

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

describe('hostile files', () => {
  const { dir, hostile } = hostileWorkspace();

  it('abx validate reports each as a problem, exits 1 and prints no stack trace', () => {
    const r = runAbx(['validate', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(STACK);
    const report = JSON.parse(r.stdout) as { problems: { file: string; line: number; column: number; rule: string; severity: string }[] };
    for (const file of hostile) expect(report.problems.some((p) => p.file === file && p.line >= 1 && p.column >= 1), file).toBe(true);
    expect(report.problems.filter((p) => p.file === 'accounts/good.md' && p.severity === 'error')).toEqual([]);
    expect(report.problems.find((p) => p.file === 'accounts/js-fence.md')?.rule).toBe('frontmatter-syntax');
    expect(report.problems.find((p) => p.file === 'accounts/alias-bomb.md')?.rule).toBe('frontmatter-syntax');
    expect(report.problems.find((p) => p.file === 'accounts/link-out.md')?.rule).toBe('file-unreadable');
  });

  it('the stylish output holds no control characters from the files', () => {
    const r = runAbx(['validate'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(STACK);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('abx score still scores the good account, without a stack trace', () => {
    const r = runAbx(['score', '--format', 'json'], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).not.toMatch(STACK);
    const out = JSON.parse(r.stdout) as { accounts: { id: string; pure: { total: number } | null }[] };
    expect(out.accounts.find((a) => a.id === 'good')?.pure?.total).toBe(4);
  });
});

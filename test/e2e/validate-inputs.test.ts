/** Bad input is a first-class case: each hostile file gives one located error, exit 1, quickly, and no stack trace. */
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, NODE, runAbx, tempDir } from '../helpers.js';

function aliasBomb(): string {
  let s = '---\nname: Bomb\na0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < 10; i++) s += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
  return `${s}---\n`;
}

interface Report {
  errors: number;
  problems: { file: string; line: number; column: number; severity: string; rule: string; message: string }[];
}

function validate(dir: string): { report: Report; code: number; stderr: string; ms: number } {
  const start = Date.now();
  const r = runAbx(['-C', dir, 'validate', '--format', 'json']);
  return { report: JSON.parse(r.stdout) as Report, code: r.code, stderr: r.stderr, ms: Date.now() - start };
}

describe('hostile inputs', () => {
  const marker = join(tempDir(), 'pwned');
  const cases: [string, string | Buffer, { rule: string; line: number; column: number }][] = [
    ['a ---js block that would write a file', `---js\nrequire('fs').writeFileSync(${JSON.stringify(marker)}, 'x')\n---\n`, { rule: 'frontmatter-syntax', line: 1, column: 4 }],
    ['a ---javascript block', `---javascript\n({ name: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') })\n---\n`, { rule: 'frontmatter-syntax', line: 1, column: 4 }],
    ['a ---toString block', '---toString\nname: x\n---\n', { rule: 'frontmatter-syntax', line: 1, column: 4 }],
    ['an alias bomb', aliasBomb(), { rule: 'frontmatter-syntax', line: 2, column: 1 }],
    ['a binary file', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff, 0xfe, 0x00]), { rule: 'file-unreadable', line: 1, column: 1 }],
    ['invalid UTF-8', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x6e, 0x3a, 0x20, 0xc3, 0x28, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]), { rule: 'file-unreadable', line: 1, column: 1 }],
    ['an empty file', '', { rule: 'frontmatter-missing', line: 1, column: 1 }],
    ['unterminated frontmatter', '---\nname: Acme\n\n# Acme\n\nThe body would become data.\n', { rule: 'frontmatter-syntax', line: 1, column: 1 }],
    ['deep nesting', `---\nname: ${'['.repeat(10_000)}\n---\n`, { rule: 'frontmatter-syntax', line: 2, column: 71 }],
    ['a duplicate key', '---\nname: A\nname: B\n---\n', { rule: 'frontmatter-syntax', line: 3, column: 1 }],
    ['an unknown YAML tag', '---\nname: !!js/function "function () {}"\n---\n', { rule: 'frontmatter-syntax', line: 2, column: 7 }],
    ['a YAML directive', '---\n%YAML 1.1\nname: NO\n---\n', { rule: 'frontmatter-syntax', line: 2, column: 1 }],
    ['a list instead of a map', '---\n- name\n- x\n---\n', { rule: 'schema', line: 2, column: 1 }],
    ['a file over 1 MiB', `---\nname: Big\n---\n${'x'.repeat(1024 * 1024 + 10)}\n`, { rule: 'file-unreadable', line: 1, column: 1 }],
  ];

  for (const [name, content, expected] of cases) {
    it(`${name}: one located error, exit 1`, () => {
      const dir = makeWorkspace({});
      mkdirSync(join(dir, 'accounts'));
      writeFileSync(join(dir, 'accounts', 'x.md'), content);
      const { report, code, stderr, ms } = validate(dir);
      expect(report.problems.map(({ rule, line, column, severity }) => ({ rule, line, column, severity }))).toEqual([{ ...expected, severity: 'error' }]);
      expect(code).toBe(1);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(ms).toBeLessThan(10_000);
      expect(existsSync(marker)).toBe(false);
    });
  }

  it('a symbolic link to a file outside the workspace is not read', () => {
    const outside = join(tempDir(), 'secret.md');
    writeFileSync(outside, '---\nname: Secret Corp\n---\n');
    const dir = makeWorkspace({});
    mkdirSync(join(dir, 'accounts'));
    symlinkSync(outside, join(dir, 'accounts', 'secret.md'));
    const { report, code } = validate(dir);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ file: 'accounts/secret.md', line: 1, column: 1, rule: 'file-unreadable' });
    expect(code).toBe(1);
    const score = runAbx(['-C', dir, 'score', '--format', 'json']);
    expect(score.stdout).not.toContain('Secret Corp');
  });

  it('__proto__ is a plain key: an unknown-key warning, no pollution', () => {
    const dir = makeWorkspace({ 'accounts/p.md': '---\nname: P\nfit: { intent: 10 }\n__proto__: { polluted: true }\n---\n' });
    const { report, code } = validate(dir);
    expect(report.problems.filter((p) => p.rule === 'unknown-key')).toMatchObject([{ line: 4, column: 1, severity: 'warning' }]);
    expect(code).toBe(0);
  });

  it('one bad file never stops the others', () => {
    const dir = makeWorkspace({
      'accounts/bad.md': '---\nname: [\n---\n',
      'accounts/good.md': '---\nname: Good Co\nfit: { firmographic: 80, technographic: 80, intent: 80, engagement: 80 }\n---\n',
    });
    const r = runAbx(['-C', dir, 'score', '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { accounts: { id: string; fit: { score: number } }[] };
    expect(out.accounts.map((a) => [a.id, a.fit.score])).toEqual([['good', 80]]);
    expect(r.stderr).toContain('accounts/bad.md');
  });

  it('BOM and CRLF files validate with right positions', () => {
    const dir = makeWorkspace({
      'accounts/crlf.md': '\uFEFF---\r\nname: Crlf Co\r\nfit: { firmographic: 1, technographic: 1, intent: 1, engagement: 1 }\r\nmotoin: detect\r\n---\r\nBody\r\n',
    });
    const { report } = validate(dir);
    expect(report.problems.map(({ rule, line, column }) => ({ rule, line, column }))).toEqual([{ rule: 'unknown-key', line: 4, column: 1 }]);
    expect(report.problems[0]?.message).toContain('did you mean "motion"');
  });
});

describe('exit codes and usage', () => {
  it('exits 2 on an invalid config, listing its problems', () => {
    const dir = makeWorkspace({ 'abx.config.yaml': 'version: 1\nscoring:\n  weights: { firmographic: 50, technographic: 20, intent: 25, engagement: 15 }\n' });
    const r = runAbx(['-C', dir, 'validate', '--format', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.problems).toMatchObject([{ file: 'abx.config.yaml', line: 3, column: 3, rule: 'schema', severity: 'error' }]);
    expect(report.problems[0]?.message).toContain('add up to exactly 100');
    const score = runAbx(['-C', dir, 'score']);
    expect(score.code).toBe(2);
    expect(score.stderr).toContain('abx.config.yaml');
    expect(score.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 outside a workspace, with a hint', () => {
    const r = runAbx(['-C', tempDir(), 'validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no abx\.config\.yaml found.*abx init/);
  });

  it('exits 2 on a bad option or as-of date', () => {
    expect(runAbx(['validate', '--format', 'xml']).code).toBe(2);
    expect(runAbx(['--as-of', '2026-02-30', 'validate']).code).toBe(2);
    expect(runAbx(['frobnicate']).code).toBe(2);
  });

  it('--max-warnings turns warnings into exit 1', () => {
    const dir = makeWorkspace({ 'accounts/a.md': '---\nname: A\n---\n' });
    expect(runAbx(['-C', dir, 'validate']).code).toBe(0);
    expect(runAbx(['-C', dir, 'validate', '--max-warnings', '1']).code).toBe(0);
    expect(runAbx(['-C', dir, 'validate', '--max-warnings', '0']).code).toBe(1);
    expect(runAbx(['-C', dir, 'validate', '--max-warnings', 'many']).code).toBe(2);
  });

  it('stylish output groups by file with line:col, severity, message and rule id', () => {
    const dir = makeWorkspace({ 'accounts/a.md': '---\nname: A\nfit: { intent: 101 }\n---\n' });
    const r = runAbx(['-C', dir, 'validate']);
    expect(r.stdout).toBe(
      [
        'accounts/a.md',
        '  3:1  warning  fit components firmographic, technographic, intent, engagement are neither given nor computable and count as 0  fit-incomplete',
        '  3:8  error    fit.intent must be a number from 0 to 100                                                                       schema',
        '',
        '✖ 2 problems (1 error, 1 warning) in 1 file',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
  });

  it('--version is quick and prints the version', () => {
    const r = runAbx(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('pipes', () => {
  it('a reader that stops early is not an error and prints no stack trace', async () => {
    const { spawnSync } = await import('node:child_process');
    const { BIN } = await import('../helpers.js');
    const files: Record<string, string> = {};
    // Well past a pipe's 64 KiB buffer, so abx is still writing when the reader has gone.
    for (let i = 0; i < 600; i++) files[`accounts/a${i}.md`] = `---\nname: Account ${i}\nfit: { firmographic: 1, technographic: 2, intent: 3, engagement: 4 }\n---\n`;
    const dir = makeWorkspace(files);
    const r = spawnSync('bash', ['-c', `"${NODE}" "${BIN}" -C "${dir}" score --format json | head -c 20 > /dev/null; echo "status \${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('status 0');
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('colour', () => {
  it('colours only when asked (FORCE_COLOR) and never with --no-color or NO_COLOR', async () => {
    const { exampleWorkspace } = await import('../helpers.js');
    const dir = exampleWorkspace();
    const esc = '\u001b[';
    expect(runAbx(['-C', dir, 'validate'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toContain(esc);
    expect(runAbx(['-C', dir, 'validate', '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toContain(esc);
    expect(runAbx(['-C', dir, 'validate'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain(esc);
    expect(runAbx(['-C', dir, 'validate'], { env: { NO_COLOR: '', FORCE_COLOR: '0' } }).stdout).not.toContain(esc);
  });
});

describe('custom JSON Schemas', () => {
  it('name the field, the rule and the schema file in the message', async () => {
    const { FIXTURES } = await import('../helpers.js');
    const r = runAbx(['-C', join(FIXTURES, 'rules', 'custom-schema', 'fail'), 'validate', '--format', 'json']);
    expect((JSON.parse(r.stdout) as Report).problems.map((p) => p.message)).toEqual(['owner is required (custom schema schemas/account.yaml#/required)']);
  });

  it('refuse an unsafe schema as a config error (exit 2)', () => {
    const dir = makeWorkspace({
      'abx.config.yaml': 'version: 1\nschemas:\n  accounts: schemas/a.yaml\n',
      'schemas/a.yaml': 'type: object\nproperties:\n  owner: { type: string, pattern: "^(a+)+$" }\n',
    });
    const r = runAbx(['-C', dir, 'validate', '--format', 'json']);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as Report).problems).toMatchObject([{ file: 'abx.config.yaml', line: 3, column: 3, rule: 'schema' }]);
  });
});

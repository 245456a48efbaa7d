/**
 * Links are checked where they are followed: a kind folder (or a folder on the way, or below)
 * that resolves outside the workspace is not walked and is a `file-unreadable` problem on the
 * link; nothing from outside reaches any output. A folder too deep to read is a problem too.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, runAbx, tempDir } from '../helpers.js';

const SECRET = 'Outside Secret 4711';

function outside(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'secret.md'), `---\nname: ${SECRET}\n---\n`);
  writeFileSync(join(dir, 'q1.md'), `---\nname: ${SECRET}\ntier: strategic\ncadence: quarterly\n---\n`);
  return dir;
}

const ALL_OUTPUTS: string[][] = [['validate'], ['validate', '--format', 'github'], ['score'], ['score', '--format', 'json'], ['export', '--format', 'csv'], ['report', 'all', '--format', 'json']];

const unreadable = (json: string) => (JSON.parse(json) as { problems: { file: string; rule: string }[] }).problems.filter((p) => p.rule === 'file-unreadable').map((p) => p.file);

function expectNothingFromOutside(dir: string): void {
  for (const args of ALL_OUTPUTS) {
    const r = runAbx(args, { cwd: dir });
    expect(r.stdout + r.stderr, args.join(' ')).not.toContain(SECRET);
    expect(r.stderr).not.toContain('internal error');
  }
}

describe('linked folders', () => {
  it('a kind folder linked to / is not walked: one problem on the link', () => {
    const dir = makeWorkspace({});
    symlinkSync('/', join(dir, 'accounts'));
    const r = runAbx(['validate', '--format', 'json'], { cwd: dir });
    const out = JSON.parse(r.stdout) as { problems: { file: string; rule: string; message: string }[] };
    expect(out.problems).toEqual([
      expect.objectContaining({ file: 'accounts', rule: 'file-unreadable', message: 'the folder is a symbolic link to a place outside the workspace: abx does not read it' }),
    ]);
    expect(r.code).toBe(1);
  });

  it('a kind folder linked outside: nothing from there in any output', () => {
    const dir = makeWorkspace({});
    symlinkSync(outside(), join(dir, 'accounts'));
    symlinkSync(outside(), join(dir, 'kpis'));
    expectNothingFromOutside(dir);
    const r = runAbx(['validate', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(r.stdout) as { problems: { file: string }[] }).problems.map((p) => p.file)).toEqual(['accounts', 'kpis']);
  });

  it('a folder on the way to a kind folder, or a linked folder below it, is checked too', () => {
    const dir = makeWorkspace({ 'abx.config.yaml': 'version: 1\npaths:\n  accounts: crm/accounts/**/*.md\n', 'crm/accounts/mine/a.md': '---\nname: Mine\n---\n' });
    symlinkSync(outside(), join(dir, 'crm', 'accounts', 'theirs'));
    let r = runAbx(['validate', '--format', 'json'], { cwd: dir });
    expect(unreadable(r.stdout)).toEqual(['crm/accounts/theirs']);
    expectNothingFromOutside(dir);

    const linked = makeWorkspace({ 'abx.config.yaml': 'version: 1\npaths:\n  accounts: crm/accounts/*.md\n' });
    const away = tempDir();
    mkdirSync(join(away, 'accounts'));
    writeFileSync(join(away, 'accounts', 'secret.md'), `---\nname: ${SECRET}\n---\n`);
    symlinkSync(away, join(linked, 'crm'));
    // A folder the config names is refused with the config (src/core/config.ts) before any walk.
    r = runAbx(['validate', '--format', 'json'], { cwd: linked });
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as { problems: { message: string }[] }).problems[0]?.message).toContain('the folder "crm/accounts" is reached through a symbolic link that leads outside the workspace');
    expectNothingFromOutside(linked);
  });

  it('a link to a folder inside the workspace is not followed and not a problem', () => {
    const dir = makeWorkspace({ 'accounts/a.md': '---\nname: A\n---\n', 'elsewhere/b.md': '---\nname: B\n---\n' });
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'accounts', 'more'));
    const r = runAbx(['validate', '--format', 'json'], { cwd: dir });
    expect(unreadable(r.stdout)).toEqual([]);
    expect((JSON.parse(r.stdout) as { files: number }).files).toBe(1);
  });

  it('a folder too deep for the system to read is a problem, not silence', () => {
    const dir = makeWorkspace({ 'accounts/a.md': '---\nname: A\n---\n' });
    const part = 'd'.repeat(250);
    // A path over PATH_MAX cannot be made in one call: build it a level at a time from inside.
    spawnSync('sh', ['-c', `cd accounts && for i in $(seq 1 18); do mkdir ${part} && cd ${part}; done && printf -- '---\\nname: Deep\\n---\\n' > deep.md`], { cwd: dir });
    const r = runAbx(['validate', '--format', 'json'], { cwd: dir });
    const problems = (JSON.parse(r.stdout) as { problems: { file: string; rule: string; message: string }[] }).problems.filter((p) => p.rule === 'file-unreadable');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'file-unreadable', message: "the folder's path is too long for the system to read its files" });
    expect(r.code).toBe(1);
  });
});

/** `abx init` never creates or writes through a link, and a failure says exactly what was written. */
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAbx, tempDir } from '../helpers.js';

describe('abx init and links', () => {
  it('refuses a linked folder before writing anything, and creates nothing through it', () => {
    const dir = tempDir();
    const outside = tempDir();
    symlinkSync(outside, join(dir, '.github'));
    const r = runAbx(['init', dir, '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`abx: ${join(dir, '.github')} is a symbolic link: abx init does not write through links. Nothing was written.\n`);
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['.github']);
  });

  it('refuses a linked file even with --force', () => {
    const dir = tempDir();
    const outside = join(tempDir(), 'victim.md');
    writeFileSync(outside, 'keep me\n');
    symlinkSync(outside, join(dir, 'README.md'));
    const r = runAbx(['init', dir, '--yes', '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('README.md is a symbolic link');
    expect(existsSync(join(dir, 'abx.config.yaml'))).toBe(false);
  });

  it('a failure half-way names what was written', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'segments'), 'a file where a folder goes\n');
    const r = runAbx(['init', dir, '--yes', '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^abx: cannot write segments\/example-segment\.md \(.*\)\. Written before the failure: .*abx\.config\.yaml.*\.\n$/);
    expect(r.stderr).not.toContain('internal error');
  });
});

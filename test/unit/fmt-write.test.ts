import { describe, expect, it, vi } from 'vitest';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';

// A crash between writing the temporary file and renaming it over the original.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    renameSync: (from: string, to: string) => {
      if (process.env.ABX_TEST_FAIL_RENAME === '1') throw Object.assign(new Error('simulated power cut'), { code: 'EIO' });
      return fs.renameSync(from, to);
    },
  };
});

const { writeFileAtomic } = await import('../../src/workspace/write.js');

describe('an interrupted write', () => {
  it('leaves the original file intact, keeps no temporary file, and a later write works with the mode kept', () => {
    const root = tempDir();
    const path = join(root, 'acme.md');
    writeFileSync(path, 'original\n');
    chmodSync(path, 0o755);
    process.env.ABX_TEST_FAIL_RENAME = '1';
    try {
      expect(() => writeFileAtomic(root, path, 'new text\n')).toThrow('simulated power cut');
    } finally {
      delete process.env.ABX_TEST_FAIL_RENAME;
    }
    expect(readFileSync(path, 'utf8')).toBe('original\n');
    expect(readdirSync(root)).toEqual(['acme.md']);
    writeFileAtomic(root, path, 'new text\n');
    expect(readFileSync(path, 'utf8')).toBe('new text\n');
    expect(statSync(path).mode & 0o777).toBe(0o755);
  });
});

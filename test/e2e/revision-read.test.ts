/** Revisions are read from git in batches of bounded size, and git's own message explains a failure. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTree, readBlobBatches } from '../../src/workspace/git.js';
import { makeWorkspace, runAbx } from '../helpers.js';
import { commit, gitIn } from './diff-repo.js';

function repo(files: Record<string, string>): string {
  const dir = makeWorkspace({ 'abx.config.yaml': 'version: 1\nas_of: 2026-11-24\n', ...files });
  gitIn(dir, ['init', '-q', '-b', 'main']);
  commit(dir, 'Add the workspace', '2026-11-01');
  return dir;
}

const account = (i: number) => `---\nname: Account ${i}\npure:\n  painful: { score: ${i % 4}, evidence: E }\n  urgent: { score: 1, evidence: U }\n  recognized: { score: 0 }\n  expensive: { score: 0 }\n---\n${'x'.repeat(i * 10)}\n`;

describe('reading a revision', () => {
  it('hands out every blob once, in batches no larger than asked (one blob may exceed it alone)', () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`accounts/a${i}.md`, account(i)]));
    const dir = repo({ ...files, 'accounts/same.md': account(3) });
    const blobs = listTree(dir, 'HEAD').filter((e) => e.path.startsWith('accounts/'));
    const batches = [...readBlobBatches(dir, blobs, 200)];
    expect(batches.length).toBeGreaterThan(3);
    const seen = batches.flatMap((b) => [...b.keys()]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual([...new Set(blobs.map((b) => b.oid))].sort());
    for (const b of batches) {
      const sizes = [...b.values()].map((v) => v.length);
      expect(sizes.length === 1 || sizes.reduce((x, y) => x + y, 0) <= 200).toBe(true);
    }
  });

  it('scores a revision exactly as the working tree', () => {
    const dir = repo(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`accounts/a${i}.md`, account(i)])));
    const live = runAbx(['score', '--format', 'json'], { cwd: dir });
    const at = runAbx(['score', '--at', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(at.stdout).toBe(live.stdout);
    const diff = runAbx(['diff', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(diff.stdout)).toMatchObject({ added: [], removed: [], tierMoves: [], scoreChanges: [] });
  });

  it('a failure of git is reported with git\'s own message', () => {
    const dir = repo({ 'accounts/a.md': account(1) });
    // Corrupt the blob of accounts/a.md in the object database.
    const oid = listTree(dir, 'HEAD').find((e) => e.path === 'accounts/a.md')?.oid ?? '';
    const objects = join(dir, '.git', 'objects', oid.slice(0, 2));
    expect(readdirSync(objects)).toContain(oid.slice(2));
    writeFileSync(join(objects, oid.slice(2)), 'not a zlib stream');
    const r = runAbx(['score', '--at', 'HEAD'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^abx: cannot read accounts\/a\.md from the repository: .*inflate.*\n$/);
    expect(r.stderr).not.toContain('internal error');
  });
});

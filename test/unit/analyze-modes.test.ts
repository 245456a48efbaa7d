/** Lean analysis (validate, score) reads files one at a time and keeps less; it must find exactly what the full analysis finds. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/workspace/load.js';
import { accountJson } from '../../src/format/score/rows.js';
import { exportedAccount } from '../../src/format/export/rows.js';
import { FIXTURES, REPO } from '../helpers.js';

const workspaces = [
  join(REPO, 'templates', 'example'),
  join(FIXTURES, 'spec-example'),
  ...readdirSync(join(FIXTURES, 'rules')).flatMap((rule) => ['fail', 'pass'].map((v) => join(FIXTURES, 'rules', rule, v))),
];

describe('lean and full analysis agree', () => {
  for (const dir of workspaces) {
    it(dir.slice(REPO.length), async () => {
      const full = await loadWorkspace({ cwd: dir, today: '2026-11-24' });
      const lean = await loadWorkspace({ cwd: dir, today: '2026-11-24', lean: true });
      expect(lean.analysis.problems).toEqual(full.analysis.problems);
      expect([...lean.analysis.scores.values()].map(accountJson)).toEqual([...full.analysis.scores.values()].map(accountJson));
      expect(lean.analysis.fileCount).toBe(full.analysis.fileCount);
      expect(lean.analysis.accounts.size).toBe(0);
    });
  }
});

describe('lean analysis that keeps the accounts (export)', () => {
  it('exports the same rows as the full analysis', async () => {
    const dir = join(REPO, 'templates', 'example');
    const full = await loadWorkspace({ cwd: dir, today: '2026-11-24' });
    const lean = await loadWorkspace({ cwd: dir, today: '2026-11-24', lean: true, keep: ['accounts'], warnings: 'count' });
    const rows = (ws: typeof full) => [...ws.analysis.scores.values()].map((s) => exportedAccount(s, ws.analysis.accounts.get(s.id)));
    expect(lean.analysis.accounts.size).toBe(full.analysis.accounts.size);
    expect(lean.analysis.accounts.size).toBeGreaterThan(3);
    expect(rows(lean)).toEqual(rows(full));
    expect(lean.analysis.bets.size).toBe(0);
  });
});

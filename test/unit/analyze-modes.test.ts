/** Lean analysis (validate, score) reads files one at a time and keeps less; it must find exactly what the full analysis finds. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/workspace/load.js';
import { accountJson } from '../../src/format/score/rows.js';
import { renderBlock } from '../../src/core/blocks.js';
import { detachedFacts, exportedAccount, exportedRow, factsOf } from '../../src/format/export/rows.js';
import type { Account } from '../../src/core/kinds/account.js';
import type { AccountScore } from '../../src/core/scoring/account.js';
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

describe('each finished file handed over (AnalyzeInput.onFile: fmt, export)', () => {
  for (const dir of [join(REPO, 'templates', 'example'), join(FIXTURES, 'rules', 'duplicate-id', 'fail')]) {
    it(`${dir.slice(REPO.length)}: every file once, with its text, record and the full score`, async () => {
      const full = await loadWorkspace({ cwd: dir, today: '2026-11-24' });
      const seen = new Map<string, { text?: string; score?: AccountScore; record: unknown }>();
      const lean = await loadWorkspace({
        cwd: dir,
        today: '2026-11-24',
        lean: true,
        warnings: 'count',
        onFile: (file, score, config, record) => {
          expect(seen.has(file.path)).toBe(false);
          expect(config.generatedBlocks).toEqual(full.config.generatedBlocks);
          seen.set(file.path, { text: file.text, score, record });
        },
      });
      expect([...seen.keys()].sort()).toEqual(full.sources.map((s) => s.path).sort());
      for (const source of full.sources) expect(seen.get(source.path)?.text).toBe(source.text);
      // The scored accounts, each once, with the full analysis's score and generated blocks.
      const scored = [...seen.values()].flatMap((f) => (f.score ? [f.score] : []));
      expect(scored.map((s) => s.id).sort()).toEqual([...full.analysis.scores.keys()].sort());
      for (const s of scored) {
        const whole = full.analysis.scores.get(s.id) as AccountScore;
        expect(accountJson(s)).toEqual(accountJson(whole));
        for (const block of ['pure', 'fit'] as const) expect(renderBlock(block, s)).toEqual(renderBlock(block, whole));
      }
      // export's rows from the facts taken here are the rows of the full analysis.
      for (const [path, f] of seen) {
        if (!f.score) continue;
        const entry = full.analysis.accounts.get(f.score.id);
        expect(entry?.file).toBe(path);
        expect(exportedRow(f.score, path, detachedFacts(factsOf(f.record as Account)))).toEqual(exportedAccount(full.analysis.scores.get(f.score.id) as AccountScore, entry));
      }
      expect(lean.analysis.accounts.size).toBe(0);
    });
  }
});

/**
 * `abx diff` scores a base account file only where its score could differ from the head's
 * (core/diff.ts reusableScores): an unchanged file whose segment or config changed must still
 * move, on a working-tree head and on a committed one.
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { commit, config, diffJson, gitIn, write } from './diff-repo.js';

const segment = (industries: string) => `---\nname: Ports\ncriteria:\n  firmographic:\n    industry: [${industries}]\n---\n\n# Ports\n`;
const account = (name: string, segmentId: string, industry: string) =>
  `---\nname: ${name}\nsegment: ${segmentId}\npure:\n  painful: { score: 2, evidence: Late }\n  urgent: { score: 2, evidence: Soon }\n  recognized: { score: 1, evidence: Said }\n  expensive: { score: 1, evidence: Costly }\nfit: { technographic: 60, intent: 60, engagement: 60 }\nfirmographics: { industry: ${industry} }\n---\n\n# ${name}\n`;

function repo(): string {
  const dir = tempDir('abx-git-');
  gitIn(dir, ['init', '-q', '-b', 'main']);
  write(dir, {
    'abx.config.yaml': config(),
    'segments/ports.md': segment('Logistics'),
    'segments/rail.md': segment('Logistics').replace('Ports', 'Rail'),
    'accounts/alpha.md': account('Alpha Freight', 'ports', 'Logistics'),
    'accounts/beta.md': account('Beta Rail', 'rail', 'Logistics'),
    'accounts/gamma.md': account('Gamma Rail', 'rail', 'Retail'),
  });
  commit(dir, 'Add the workspace', '2026-10-01');
  return dir;
}

type Change = { id: string; base: { fit: { score: number } }; head: { fit: { score: number } } };
/** Firmographic weight 40 by default: 100 where the industry matches, else 0; the rest 60 × 60%. */
const moved = (d: { tierMoves: Change[]; scoreChanges: Change[] }) => [...d.tierMoves, ...d.scoreChanges].map((c) => [c.id, c.base.fit.score, c.head.fit.score]);

describe('abx diff reuses the base work only where the score cannot differ', () => {
  it('a segment whose criteria changed moves its unchanged accounts (working tree)', () => {
    const dir = repo();
    write(dir, { 'segments/ports.md': segment('Retail') });
    const d = diffJson(dir, 'HEAD');
    expect(moved(d)).toEqual([['alpha', 76, 36]]);
    expect(d.summary.unchanged).toBe(2);
  });

  it('a config change moves unchanged accounts (committed head)', () => {
    const dir = repo();
    write(dir, { 'abx.config.yaml': config('{ firmographic: 10, technographic: 30, intent: 30, engagement: 30 }') });
    commit(dir, 'Weights', '2026-10-02');
    const d = diffJson(dir, 'HEAD~1', '--head', 'HEAD');
    expect(moved(d)).toEqual([
      ['alpha', 76, 64],
      ['beta', 76, 64],
      ['gamma', 36, 54],
    ]);
  });

  it('an unchanged account next to a changed one keeps its score on both sides; a byte-order mark is a change of bytes, not of score', () => {
    const dir = repo();
    write(dir, { 'accounts/gamma.md': account('Gamma Rail', 'rail', 'Logistics'), 'accounts/beta.md': `\uFEFF${account('Beta Rail', 'rail', 'Logistics')}` });
    const d = diffJson(dir, 'HEAD');
    expect(moved(d)).toEqual([['gamma', 36, 76]]);
    expect(d.summary.unchanged).toBe(2);
  });
});

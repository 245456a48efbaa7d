/** The coverage gate `tier1-coverage`: a Tier 1 account needs a champion and someone who signs. */
import { describe, expect, it } from 'vitest';
import { makeWorkspace, runAbx } from '../helpers.js';

const account = (committee: string, fit = '{ firmographic: 50, technographic: 50, intent: 50, engagement: 50 }', pure = [3, 3, 2, 2]) =>
  [
    '---',
    'name: Hot Prospect',
    'pure:',
    `  painful: { score: ${pure[0]}, evidence: Outages }`,
    `  urgent: { score: ${pure[1]}, evidence: Deadline }`,
    `  recognized: { score: ${pure[2]}, evidence: Asked }`,
    `  expensive: { score: ${pure[3]}, evidence: Fines }`,
    `fit: ${fit}`,
    committee,
    '---',
    '',
  ].join('\n');

const validate = (files: Record<string, string>) => runAbx(['validate', '--format', 'json'], { cwd: makeWorkspace({ 'abx.config.yaml': 'version: 1\nas_of: 2026-11-24\n', ...files }) });
const coverage = (stdout: string) => (JSON.parse(stdout).problems as any[]).filter((p) => p.rule === 'tier1-coverage');

describe('tier1-coverage', () => {
  it('warns on a PURE Tier 1 account without a champion or economic buyer, at its buying_committee', () => {
    const r = validate({ 'accounts/hot.md': account('buying_committee:\n  - { name: Ann, title: COO, role: influencer, status: engaged }') });
    expect(r.code).toBe(0);
    expect(coverage(r.stdout)).toEqual([
      { file: 'accounts/hot.md', line: 9, column: 1, severity: 'warning', rule: 'tier1-coverage', message: 'a PURE Tier 1 account has no champion and no economic buyer or decision maker mapped in buying_committee' },
    ]);
  });

  it('names only what is missing, and also gates fit Tier 1', () => {
    const r = validate({
      'accounts/hot.md': account('buying_committee:\n  - { name: Ann, title: COO, role: champion, status: engaged }', '{ firmographic: 90, technographic: 90, intent: 90, engagement: 90 }', [1, 1, 0, 0]),
    });
    expect(coverage(r.stdout)).toEqual([
      { file: 'accounts/hot.md', line: 9, column: 1, severity: 'warning', rule: 'tier1-coverage', message: 'a fit Tier 1 account has no economic buyer or decision maker mapped in buying_committee' },
    ]);
  });

  it('passes with a champion and an economic buyer or a decision maker, and below Tier 1', () => {
    for (const role of ['economic-buyer', 'decision-maker']) {
      const r = validate({ 'accounts/hot.md': account(`buying_committee:\n  - { name: Ann, title: COO, role: champion, status: engaged }\n  - { name: Bo, title: CFO, role: ${role}, status: warm }`) });
      expect(r.code).toBe(0);
      expect(coverage(r.stdout)).toEqual([]);
    }
    const tier2 = validate({ 'accounts/hot.md': account('tags: [x]', undefined, [2, 2, 2, 2]) });
    expect(coverage(tier2.stdout)).toEqual([]);
  });

  it('points at the document when there is no buying_committee at all', () => {
    const r = validate({ 'accounts/hot.md': account('tags: [x]') });
    expect(coverage(r.stdout).map((p) => [p.line, p.column, p.severity])).toEqual([[2, 1, 'warning']]);
  });

  it('is configurable: error fails validate, off silences it', () => {
    const files = { 'accounts/hot.md': account('tags: [x]') };
    const asError = runAbx(['validate', '--format', 'json'], { cwd: makeWorkspace({ 'abx.config.yaml': 'version: 1\nas_of: 2026-11-24\nrules:\n  tier1-coverage: error\n', ...files }) });
    expect(asError.code).toBe(1);
    expect(coverage(asError.stdout).map((p) => p.severity)).toEqual(['error']);
    const off = runAbx(['validate', '--format', 'json'], { cwd: makeWorkspace({ 'abx.config.yaml': 'version: 1\nas_of: 2026-11-24\nrules:\n  tier1-coverage: off\n', ...files }) });
    expect(off.code).toBe(0);
    expect(coverage(off.stdout)).toEqual([]);
  });
});

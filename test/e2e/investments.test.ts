/** `abx new investment` and investment files: the period from the id or --period, and refusals. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, runAbx } from '../helpers.js';

describe('abx new investment', () => {
  it('writes investments/<id>.yaml with one zero record per category for the period the id names', () => {
    const dir = makeWorkspace({ 'abx.config.yaml': 'version: 1\nas_of: 2026-11-24\n' });
    const r = runAbx(['-C', dir, 'new', 'investment', '2026-q4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Created investments/2026-q4.yaml.');
    const text = readFileSync(join(dir, 'investments', '2026-q4.yaml'), 'utf8');
    expect(text.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- { period: 2026-Q4, category: technology, amount_usd: 0 }',
      '- { period: 2026-Q4, category: content, amount_usd: 0 }',
      '- { period: 2026-Q4, category: advertising, amount_usd: 0 }',
      '- { period: 2026-Q4, category: events, amount_usd: 0 }',
      '- { period: 2026-Q4, category: headcount, amount_usd: 0 }',
    ]);
    expect(runAbx(['-C', dir, 'validate']).code).toBe(0);
    // ROI of nothing won against nothing invested is null, not a division by zero.
    const roi = JSON.parse(runAbx(['-C', dir, 'report', 'roi', '--format', 'json']).stdout).roi;
    expect(roi.periods.map((p: { period: string; roi: number | null }) => [p.period, p.roi])).toEqual([['2026-Q4', null]]);
  });

  it('takes --period, and refuses a bad one or an id that is no period', () => {
    const dir = makeWorkspace({ 'abx.config.yaml': 'version: 1\nas_of: 2026-11-24\n' });
    expect(runAbx(['-C', dir, 'new', 'investment', 'events', '--period', '2026-11']).code).toBe(0);
    expect(readFileSync(join(dir, 'investments', 'events.yaml'), 'utf8')).toContain('- { period: 2026-11, category: events, amount_usd: 0 }');
    const bad = runAbx(['-C', dir, 'new', 'investment', 'ads', '--period', '2026-13']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('abx: --period must be a month (2026-10) or a quarter (2026-Q3), not "2026-13"\n');
    const none = runAbx(['-C', dir, 'new', 'investment', 'ads']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('name the period: --period 2026-Q4');
  });
});

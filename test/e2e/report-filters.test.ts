/** Account filters narrow the reports about accounts, never the ones about the whole workspace. */
import { describe, expect, it } from 'vitest';
import { exampleWorkspace, runAbx } from '../helpers.js';

describe('abx report with account filters', () => {
  it('narrows tiers and signals, and leaves ROI, calibration and KPIs whole', () => {
    const ws = exampleWorkspace();
    const all = JSON.parse(runAbx(['report', 'all', '--format', 'json', '--as-of', '2026-11-24'], { cwd: ws }).stdout) as Record<string, unknown>;
    const r = runAbx(['report', 'all', '--format', 'json', '--as-of', '2026-11-24', '--segment', 'regional-3pl'], { cwd: ws });
    const one = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(one)).toEqual(Object.keys(all));
    for (const name of ['roi', 'calibration', 'kpis', 'bets']) expect(one[name]).toEqual(all[name]);
    expect(one.tiers).not.toEqual(all.tiers);
    expect(JSON.stringify(one.tiers)).not.toContain('helix-biologics');
    expect(JSON.stringify(all.tiers)).toContain('helix-biologics');
  });
});

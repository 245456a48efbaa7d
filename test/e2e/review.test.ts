/**
 * `abx review`: the four learning-loop agendas on the example; the weekly one reads tier changes
 * and new MQAs from a git history made here, and says so plainly without one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleWorkspace, runAbx } from '../helpers.js';
import { commit } from './diff-repo.js';

let example: string;
beforeAll(() => {
  example = exampleWorkspace();
});

function agenda(dir: string, cadence: string) {
  const r = runAbx(['-C', dir, 'review', cadence, '--format', 'json', '-q']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { cadence: string; since: string; sections: { id: string; items: string[]; note: string | null }[] };
}
const sectionOf = (a: ReturnType<typeof agenda>, id: string) => a.sections.find((s) => s.id === id);

describe('abx review on the example', () => {
  it('weekly without git history says so and skips the tier changes', () => {
    const a = agenda(example, 'weekly');
    expect(a.since).toBe('2026-11-18');
    expect(a.sections.map((s) => s.id)).toEqual(['untouched-signals', 'recent-signals', 'tier-changes', 'new-mqas', 'leading-kpis']);
    expect(sectionOf(a, 'tier-changes')?.note).toBe('Skipped: no commit at or before 2026-11-17 (git history starts later).');
    expect(sectionOf(a, 'recent-signals')?.items).toEqual(['keystone-cold-storage: policy (2026-11-23), not touched yet: FDA confirmed the FSMA 204 enforcement date']);
  });

  it('weekly reads tier changes and new MQAs from the last commit at or before as-of − 7 days', () => {
    const dir = exampleWorkspace();
    commit(dir, 'the example a fortnight ago', '2026-11-10');
    // Since then: stonegate's PURE rises from 0 (tier 5) to 4 points (tier 3).
    const file = join(dir, 'accounts', 'stonegate-distribution.md');
    const text = readFileSync(file, 'utf8');
    const before = text.match(/^pure:\n(?:  .*\n){4}/m)?.[0] ?? '';
    expect(before).not.toBe('');
    writeFileSync(file, text.replace(before, 'pure:\n  painful: { score: 2, evidence: Stockouts }\n  urgent: { score: 1, evidence: Peak season }\n  recognized: { score: 1, evidence: Said so }\n  expensive: { score: 0, evidence: "" }\n'));
    commit(dir, 'stonegate rescored', '2026-11-20');
    const a = agenda(dir, 'weekly');
    const changes = sectionOf(a, 'tier-changes');
    expect(changes?.items).toEqual(['stonegate-distribution: PURE tier 5 → 3']);
    expect(sectionOf(a, 'new-mqas')?.note).toBe('No new MQAs.');
  });

  it('biweekly lists deals closed in the last 14 days with their win/loss, and the most frequent criteria and competitors', () => {
    const a = agenda(example, 'biweekly');
    // Closed 2026-11-11..24: ar-cold-room-audit, cf-white-label, hl-ocean-visibility, ks-fsma-portal, nw-portal-pilot, vg-eu-plants.
    expect(sectionOf(a, 'closed-deals')?.items.map((i) => i.split(':')[0])).toEqual([
      'arcadia-health-logistics · ar-cold-room-audit',
      'cascade-freight-partners · cf-white-label',
      'harborline-imports · hl-ocean-visibility',
      'keystone-cold-storage · ks-fsma-portal',
      'northwind-logistics · nw-portal-pilot',
      'vanguard-electronics · vg-eu-plants',
    ]);
    // Price: vg-eu-plants, pr-eta-pilot, hl-ocean-visibility, ar-cold-room-audit.
    expect(sectionOf(a, 'decision-criteria')?.items[0]).toBe('Price (4)');
    expect(sectionOf(a, 'competitors')?.items.slice(0, 2)).toEqual(['Controlant (3)', 'project44 (3)']);
  });

  it('monthly and quarterly give bets, KPIs, pipeline, ROI, calibration, segments and budget', () => {
    const m = agenda(example, 'monthly');
    expect(m.sections.map((s) => s.id)).toEqual(['bets-due', 'core-kpis', 'month']);
    // Created in November: nw-three-shippers 280,000, hx-gdp-suite 210,000, mm-visibility 95,000.
    expect(sectionOf(m, 'month')?.items).toEqual(['pipeline created $585,000 (3 deals)', 'revenue won $545,000.50 (3 won, 4 lost)']);
    const q = agenda(example, 'quarterly');
    expect(q.sections.map((s) => s.id)).toEqual(['lagging-kpis', 'roi', 'calibration', 'segments', 'proposed-bets', 'budget']);
    expect(sectionOf(q, 'roi')?.items[0]).toBe('revenue $545,000.50, investment $184,500.50, ROI 195.4%');
    expect(sectionOf(q, 'calibration')?.items[0]).toBe('predictive: fit tier 1 wins 60% of its deals, tier 3 20%');
    // Q4 headcount 90,000 of 184,500.50 = 48.78…%.
    expect(sectionOf(q, 'budget')?.items).toContain('headcount: $90,000 (48.8%)');
  });

  it('renders markdown by default and as a table; an unknown cadence is a usage error', () => {
    const md = runAbx(['-C', example, 'review', 'quarterly', '-q']);
    expect(md.stdout.startsWith('# Quarterly review · 2026-11-24\n')).toBe(true);
    // Every item goes through the markdown escaping of src/format/escape/markdown.ts.
    expect(md.stdout).toContain('- [ ] revenue \\$545,000.50');
    const table = runAbx(['-C', example, 'review', 'monthly', '--format', 'table', '-q']);
    expect(table.stdout).toContain('Monthly review · as of 2026-11-24');
    const bad = runAbx(['-C', example, 'review', 'weekley']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('abx: no review "weekley": choose one of weekly, biweekly, monthly, quarterly (did you mean "weekly"?)\n');
  });
});

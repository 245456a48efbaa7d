/**
 * Messaging, collateral, discovery, the 90-day plan and tier capacity (method.md §1–3, §7, §8):
 * the example's numbers checked by hand, `abx new messaging|collateral`, and `abx schema`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleWorkspace, makeWorkspace, runAbx } from '../helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('the method reports on the Lanternline example, checked by hand', () => {
  let example: string;
  const report = (name: string): Json => {
    const r = runAbx(['-C', example, 'report', name, '--format', 'json']);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout)[name];
  };
  beforeAll(() => {
    example = exampleWorkspace();
  });

  it('messaging: 4 capabilities × 2 served segments all filled, 6 personas (3 per segment) all covered', () => {
    const m = report('messaging');
    expect(m.total).toBe(1);
    expect(m.benefitCoverage).toEqual({ filled: 8, expected: 8, percent: 100 });
    expect(m.personaCoverage).toEqual({ filled: 6, expected: 6, percent: 100 });
    const card = m.messaging[0];
    expect(card.columns.map((c: Json) => [c.segment, c.served])).toEqual([
      ['cold-chain-pharma', true],
      ['regional-3pl', true],
      ['industrial-manufacturing', false],
    ]);
    // Industrial manufacturing is not served: its empty cells are not gaps.
    expect(card.capabilities.map((c: Json) => c.cells.map((x: Json) => (x.benefit === null ? (x.gap ? 'GAP' : '-') : 'ok')))).toEqual([
      ['ok', 'ok', 'ok'],
      ['ok', 'ok', '-'],
      ['ok', 'ok', '-'],
      ['ok', 'ok', '-'],
    ]);
    expect(card.personas[0].proofPoints).toEqual([
      { id: 'helix-gdp-case-study', name: 'Helix Biologics GDP case study', type: 'case-study' },
      { id: 'gdp-audit-executive-briefing', name: 'GDP audit readiness executive briefing', type: 'executive-presentation' },
    ]);
    expect(card.missingPersonas).toEqual([]);
  });

  it('collateral: 6 assets of 5 types; the Helix case study is due on its 31st day; 5 metrics met, 3 missed, 1 without a value', () => {
    const c = report('collateral');
    expect(c.total).toBe(6);
    expect(c.byType.map((t: Json) => t.count)).toEqual([1, 1, 2, 1, 1, 0]);
    expect(c.review).toEqual({ overdue: 0, never: 0, due: 1, ok: 5 });
    // 52 ≥ 40 met, 4 ≥ 6 missed; 0.45 ≥ 0.4 met, 12 ≥ 10 met; 1 ≥ 3 missed; 212 ≥ 150 met; 0.5 ≥ 0.5 met, no value; 0.5 ≥ 0.6 missed.
    expect(c.metrics).toEqual({ met: 5, missed: 3, 'no-data': 1, 'no-target': 0 });
    const helix = c.assets[0];
    expect(helix).toMatchObject({ id: 'helix-gdp-case-study', cadence: 'monthly', lastReviewed: '2026-10-24', dueBy: '2026-11-24', review: 'due', daysSinceReview: 31, usedBy: ['lanternline-platform'] });
    const datasheet = c.assets.find((a: Json) => a.id === 'lanternline-platform-datasheet');
    // A datasheet's default cadence is quarterly: 92 days after 2026-09-15.
    expect(datasheet).toMatchObject({ cadence: 'quarterly', dueBy: '2026-12-16', review: 'ok', daysSinceReview: 70 });
  });

  it('plan: day 85 of the plan started 2026-09-01; phases 1 and 2 done, phase 3 in progress with 1 of 3 done', () => {
    const p = report('plan').plan;
    expect(p).toMatchObject({ name: 'Lanternline ABX launch, first 90 days', started: '2026-09-01', day: 85, done: 8, total: 10 });
    expect(p.phases.map((x: Json) => [x.label, x.ends, `${x.done}/${x.total}`, x.status])).toEqual([
      ['Days 1-30', '2026-10-01', '4/4', 'done'],
      ['Days 31-60', '2026-10-31', '3/3', 'done'],
      ['Days 61-90', '2026-11-30', '1/3', 'current'],
    ]);
    // The day after the last phase's end, its open tasks make it overdue.
    const late = JSON.parse(runAbx(['-C', example, '--as-of', '2026-12-01', 'validate', '--format', 'json']).stdout);
    expect(late.problems.filter((x: Json) => x.rule === 'plan-phase-overdue').map((x: Json) => [x.file, x.line])).toEqual([['plan.md', 24]]);
  });

  it('the example validates with its one intended warning; discovery answered on every tier 1 account in an active motion', () => {
    const v = JSON.parse(runAbx(['-C', example, 'validate', '--format', 'json']).stdout);
    expect(v.problems.map((x: Json) => x.rule)).toEqual(['bet-review-overdue']);
  });
});

describe('tier capacity', () => {
  it('defaults to [50, 500] and is reported on the config when exceeded', () => {
    const acc = (id: string) => [`accounts/${id}.md`, `---\nname: ${id}\nfit: { firmographic: 90, technographic: 90, intent: 90, engagement: 90 }\nbuying_committee:\n  - { name: A, title: CTO, role: champion, status: engaged }\n  - { name: B, title: CEO, role: economic-buyer, status: engaged }\n---\n`];
    const files = Object.fromEntries(Array.from({ length: 51 }, (_, i) => acc(`a${i}`)));
    const ws = makeWorkspace(files);
    const v = JSON.parse(runAbx(['validate', '--format', 'json'], { cwd: ws }).stdout);
    expect(v.problems).toEqual([
      { file: 'abx.config.yaml', line: 1, column: 1, severity: 'warning', rule: 'tier-capacity', message: '51 accounts are in fit tier 1 (1:1), more than its capacity of 50 (scoring.fit_tier_capacity): re-tier accounts or raise the capacity with the team to run them' },
    ]);
    // score lists errors only: the warning is counted, not listed; every command that counts names it.
    expect(runAbx(['score', '--format', 'json'], { cwd: ws }).code).toBe(0);
    const line = '1 warning (tier-capacity 1): abx validate --rule tier-capacity lists it.\n';
    for (const args of [['score', '--format', 'json'], ['list', '--format', 'json'], ['report', 'tiers', '--format', 'json']]) expect([args[0], runAbx(args, { cwd: ws }).stderr]).toEqual([args[0], line]);
    const severe = makeWorkspace({ ...files, 'abx.config.yaml': 'version: 1\nrules:\n  tier-capacity: error\n' });
    expect(runAbx(['score', '--format', 'json'], { cwd: severe }).code).toBe(1);
  });

  it('rejects a capacity that is not two whole numbers', () => {
    const ws = makeWorkspace({ 'abx.config.yaml': 'version: 1\nscoring:\n  fit_tier_capacity: [50.5, -1]\n' });
    const r = runAbx(['validate', '--format', 'json'], { cwd: ws });
    expect(r.code).toBe(2);
  });
});

describe('abx new messaging and collateral (no terminal)', () => {
  const segment = '---\nname: Core\npersonas: [{ title: CTO }]\npain_points: [a, b, c]\n---\n';

  it('creates a messaging file for the segments named, which validates to its expected warnings', () => {
    const ws = makeWorkspace({ 'segments/core.md': segment });
    const r = runAbx(['new', 'messaging', 'core-story', '--name', 'Core story', '--segment', 'core', '--narrative', 'Launches: fail late'], { cwd: ws });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(ws, 'messaging/core-story.md'), 'utf8')).toBe('---\nname: Core story\nsegments: [core]\ncategory_narrative: "Launches: fail late"\ncapabilities: []\npersonas: []\nkeywords: []\n---\n\n# Core story\n');
    const v = JSON.parse(runAbx(['validate', '--format', 'json'], { cwd: ws }).stdout);
    expect(v.problems.map((p: Json) => p.rule)).toEqual(['persona-message-missing']);
  });

  it('creates a collateral asset, names missing flags, and checks the type', () => {
    const ws = makeWorkspace({ 'segments/core.md': segment });
    const missing = runAbx(['new', 'collateral', 'deck'], { cwd: ws });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('abx new collateral is not on a terminal, so it cannot ask: give --name, --type');
    const bad = runAbx(['new', 'collateral', 'deck', '--name', 'Deck', '--type', 'case-studdy'], { cwd: ws });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--type must be one of roi-calculator, datasheet, case-study, battle-card, executive-presentation, other, not "case-studdy" (did you mean "case-study"?)');
    expect(runAbx(['--as-of', '2026-11-24', 'new', 'collateral', 'deck', '--name', 'Deck', '--type', 'case-study', '--segment', 'core', '--purpose', 'Proof'], { cwd: ws }).code).toBe(0);
    // Created today counts as reviewed today: a new asset is not overdue the day it is made.
    expect(readFileSync(join(ws, 'collateral/deck.md'), 'utf8')).toBe('---\nname: Deck\ntype: case-study\npurpose: Proof\nsegments: [core]\nlast_reviewed: 2026-11-24\nmetrics: []\n---\n\n# Deck\n');
    const v = JSON.parse(runAbx(['--as-of', '2026-11-24', 'validate', '--format', 'json'], { cwd: ws }).stdout);
    expect(v.problems.map((p: Json) => p.rule)).toEqual(['collateral-metrics-missing']);
    const later = JSON.parse(runAbx(['--as-of', '2027-06-01', 'validate', '--format', 'json'], { cwd: ws }).stdout);
    expect(later.problems.map((p: Json) => p.rule)).toEqual(['collateral-review-overdue', 'collateral-metrics-missing']);
  });

  it('prints JSON Schemas for the new kinds and the config capacity', () => {
    const c = JSON.parse(runAbx(['schema', 'collateral']).stdout);
    expect(c.required).toEqual(['name', 'type']);
    expect(c.properties.review_cadence.enum).toEqual(['weekly', 'biweekly', 'monthly', 'quarterly']);
    const p = JSON.parse(runAbx(['schema', 'plan']).stdout);
    expect(p.required).toEqual(['name', 'started']);
    const config = JSON.parse(runAbx(['schema', 'config']).stdout);
    expect(config.properties.scoring.properties.fit_tier_capacity).toBeDefined();
  });
});

describe('abx init templates for the new kinds', () => {
  it('writes messaging, collateral and plan.md that validate cleanly on the day and are formatted', () => {
    const ws = makeWorkspace({});
    const dir = join(ws, 'fresh');
    expect(runAbx(['init', dir, '--yes']).code).toBe(0);
    for (const f of ['messaging/example-messaging.md', 'collateral/example-case-study.md', 'plan.md']) expect(readFileSync(join(dir, f), 'utf8')).not.toContain('{{');
    expect(runAbx(['validate', '--format', 'json'], { cwd: dir }).stdout).toContain('"problems": []');
    expect(runAbx(['fmt', '--check'], { cwd: dir }).code).toBe(0);
  });
});


import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleWorkspace, makeWorkspace, REPO, runAbx, tempDir } from '../helpers.js';

const REPORTS = ['tiers', 'kpis', 'bets', 'signals', 'all'] as const;
const FORMATS = ['table', 'json', 'markdown', 'html'] as const;

let example: string;
let empty: string;

beforeAll(() => {
  example = exampleWorkspace();
  empty = makeWorkspace({});
});

function json(dir: string, name: string) {
  const r = runAbx(['-C', dir, 'report', name, '--format', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('abx report on the example workspace', () => {
  for (const name of REPORTS) {
    for (const format of FORMATS) {
      it(`${name} --format ${format} exits 0 with output`, () => {
        const r = runAbx(['-C', example, 'report', name, '--format', format]);
        expect(r.code).toBe(0);
        expect(r.stdout.length).toBeGreaterThan(200);
        expect(r.stderr).toBe('1 warning (bet-review-overdue 1): abx validate --rule bet-review-overdue lists it.\n');
      });
    }
  }

  it('tiers JSON: the PURE and fit tiers, the grid and MQA', () => {
    const report = json(example, 'tiers');
    expect(Object.keys(report)).toEqual(['asOf', 'company', 'stage', 'tiers']);
    expect(report.asOf).toBe('2026-11-24');
    const t = report.tiers;
    expect(Object.fromEntries(t.pure.map((r: { tier: number; count: number }) => [`T${r.tier}`, r.count]))).toEqual({ T1: 3, T2: 3, T3: 4, T4: 2, T5: 1 });
    expect(t.unscored.count).toBe(1);
    expect(Object.fromEntries(t.fit.map((r: { tier: number; count: number }) => [`T${r.tier}`, r.count]))).toEqual({ T1: 4, T2: 4, T3: 6 });
    expect(t.mqa.count).toBe(4);
    expect(t.grid.map((r: { cells: { count: number }[] }) => r.cells.map((c) => c.count))).toEqual([
      [2, 2, 0, 0, 0],
      [1, 1, 2, 0, 0],
      [0, 0, 2, 2, 1],
    ]);
    expect(t.budget.primary).toEqual({ area: 'demand generation', percent: 40 });
  });

  it('bets JSON: one overdue bet', () => {
    const { bets } = json(example, 'bets');
    expect(bets.overdue).toEqual(['cold-chain-compliance-messaging']);
    expect(bets.columns.map((c: { status: string; count: number }) => [c.status, c.count])).toEqual([
      ['proposed', 1],
      ['running', 2],
      ['won', 1],
      ['killed', 1],
    ]);
  });

  it('kpis and signals JSON', () => {
    const { kpis } = json(example, 'kpis');
    expect(kpis.summary).toEqual({ met: 7, missed: 4, noData: 0 });
    const { signals } = json(example, 'signals');
    expect(signals).toMatchObject({ total: 12, touched: 11, open: 1, openPastTarget: 0, medianLatencyHours: 24, withinTargetShare: 1 });
  });

  it('all JSON holds every report, equal to each alone', () => {
    const all = json(example, 'all');
    expect(Object.keys(all)).toEqual(['asOf', 'company', 'stage', 'tiers', 'kpis', 'bets', 'signals', 'messaging', 'collateral', 'plan', 'roi', 'calibration']);
    for (const name of ['tiers', 'kpis', 'bets', 'signals', 'messaging', 'collateral', 'plan', 'roi', 'calibration']) expect(all[name]).toEqual(json(example, name)[name]);
  });

  it('JSON keeps the shapes documented in docs/reports.md', () => {
    const all = json(example, 'all');
    const keys = (o: object) => Object.keys(o);
    expect(keys(all.tiers)).toEqual(['accounts', 'pure', 'unscored', 'fit', 'grid', 'bySegment', 'motions', 'noMotion', 'mqa', 'focus', 'owners', 'budget']);
    expect(keys(all.tiers.pure[0])).toEqual(['tier', 'name', 'priority', 'resources', 'totals', 'count', 'accounts']);
    expect(keys(all.tiers.fit[0])).toEqual(['tier', 'name', 'motion', 'guide', 'scores', 'count', 'accounts']);
    expect(keys(all.tiers.grid[0])).toEqual(['fitTier', 'fitName', 'cells', 'unscored', 'unscoredTop']);
    expect(keys(all.tiers.grid[0].cells[0])).toEqual(['pureTier', 'count', 'accounts', 'top']);
    expect(keys(all.tiers.focus[0])).toEqual(['id', 'name', 'segment', 'owner', 'motion', 'pureTier', 'pureTierName', 'fitScore', 'fitTier', 'fitTierName', 'mqa', 'nextAction']);
    expect(keys(all.tiers.owners[0])).toEqual(['owner', 'accounts', 'pureTier1', 'fitTier1', 'mqa', 'openSignals']);
    expect(keys(all.tiers.bySegment[0])).toEqual(['segment', 'name', 'known', 'accounts', 'pure', 'fit', 'mqa']);
    expect(keys(all.tiers.budget)).toEqual(['stage', 'label', 'primary', 'secondary', 'remainingPercent']);
    expect(keys(all.kpis)).toEqual(['records', 'summary', 'groups']);
    expect(keys(all.kpis.groups[0])).toEqual(['tier', 'cadence', 'kpis']);
    expect(keys(all.kpis.groups[0].kpis[0])).toEqual([
      'id', 'tier', 'cadence', 'definition', 'source', 'goal', 'target', 'targetText', 'targetOverridden',
      'latest', 'previous', 'change', 'trend', 'improving', 'baseline', 'relativeChange', 'status', 'reason', 'history',
    ]);
    expect(keys(all.bets)).toEqual(['total', 'overdue', 'columns', 'byCategory']);
    expect(keys(all.bets.columns[1])).toEqual(['status', 'count', 'bets']);
    expect(keys(all.bets.columns[1].bets[0])).toEqual(['id', 'file', 'name', 'category', 'status', 'owner', 'hypothesis', 'killCondition', 'started', 'reviewBy', 'overdue', 'daysOverdue', 'result']);
    expect(keys(all.signals)).toEqual(['accounts', 'targetHours', 'total', 'touched', 'open', 'openPastTarget', 'medianLatencyHours', 'withinTarget', 'withinTargetShare', 'openSignals', 'byOwner', 'byType']);
    expect(keys(all.signals.openSignals[0])).toEqual(['account', 'accountName', 'owner', 'type', 'date', 'summary', 'openHours', 'pastTarget', 'openDays']);
    expect(keys(all.signals.byType[0])).toEqual(['type', 'total', 'touched', 'open', 'openPastTarget', 'medianLatencyHours', 'withinTarget', 'withinTargetShare']);
  });

  it('tiers table shows the counts, the grid and the budget guidance', () => {
    const r = runAbx(['-C', example, 'report', 'tiers']);
    expect(r.stdout).toContain('PURE tiers · 14 accounts');
    expect(r.stdout).toMatch(/│ 1 Hair-on-Fire\s+│ 10-12\s+│\s+3 │ █+\s+│ Highest\s+│ Dedicated account team, custom everything/);
    expect(r.stdout).toMatch(/│ unscored\s+│ —\s+│\s+1 │/);
    expect(r.stdout).toMatch(/│ 1 Strategic\s+│\s+2 │\s+2 │\s+· │\s+· │\s+· │\s+· │/);
    expect(r.stdout).toMatch(/│ 3 Programmatic\s+│\s+· │\s+· │\s+2 │\s+2 │\s+1 │\s+1 │/);
    expect(r.stdout).toContain('MQA: 4 of 14 accounts (arcadia-health-logistics, helix-biologics, northwind-logistics, vanguard-electronics)');
    expect(r.stdout).toContain('Budget guidance (scaling (1→10)): demand generation 40%, sales enablement 30%, the other 30% where the plan needs it.');
    expect(r.stdout).not.toContain('\u001b');
  });

  it('kpis, bets and signals tables show status, overdue reviews and latency', () => {
    const k = runAbx(['-C', example, 'report', 'kpis']).stdout;
    expect(k).toContain('7 met · 4 missed · 0 no data');
    expect(k).toMatch(/│ pipeline-velocity\s+│\s+61 │ computed 2026-11\s+│ −15% in 6 months: now −35.8% vs 2026-05 │ met\s+│ ↓ −18 vs 2026-10/);
    expect(k).toMatch(/│ multi-thread-penetration\s+│\s+1.57 │ computed 2026-11-24\s+│ ≥ 3\s+│ missed/);
    const b = runAbx(['-C', example, 'report', 'bets']).stdout;
    expect(b).toContain('5 bets · proposed 1 · running 2 · won 1 · killed 1 · 1 overdue');
    expect(b).toMatch(/Running \(2\)\n.*\n.*\n.*\n│ Lead with audit readiness, not\s+│ 2026-11-16\s+│ No difference/);
    // Bets in one column are ruled apart, so that their lines do not run together.
    expect(b).toMatch(/│ arjun\.patel@lanternline\.example +│ +│ +│\n├─+┼─+┼─+┤\n│ LinkedIn 1:few ads/);
    expect(b).toContain('overdue 8');
    const s = runAbx(['-C', example, 'report', 'signals']).stdout;
    expect(s).toContain('12 signals: 11 touched, 1 open (0 past 72 h)');
    expect(s).toContain('Median latency 24 h (target under 72 h) · touched within 72 h: 100% (11 of 11)');
    expect(s).toMatch(/│ competitive\s+│\s+2 │ █+\s+│\s+2 │\s+0 │\s+0 │\s+31.8 h │\s+100% │/);
  });

  it('markdown passes markdownlint (line length aside)', () => {
    const r = runAbx(['-C', example, 'report', 'all', '--format', 'markdown']);
    expect(r.stdout).toContain('| 1 Strategic | **2** | **2** | · | · | · | · |');
    expect(r.stdout).toContain('| `pipeline-velocity` | 61 | computed 2026-11 | −15% in 6 months: now −35.8% vs 2026-05 | ✅ met | ↓ −18 vs 2026-10 |');
    const dir = tempDir();
    writeFileSync(join(dir, 'report.md'), r.stdout);
    writeFileSync(join(dir, '.markdownlint-cli2.jsonc'), '{ "config": { "MD013": false } }\n');
    const lint = spawnSync(process.execPath, [join(REPO, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), 'report.md'], { cwd: dir, encoding: 'utf8' });
    expect(lint.stderr).not.toContain('error');
    expect(lint.status).toBe(0);
  });

  it('--out writes the file and notes it on stderr', () => {
    const r = runAbx(['-C', example, 'report', 'all', '--format', 'html', '--out', 'report.html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Wrote the all report (html) to report.html\n1 warning (bet-review-overdue 1): abx validate --rule bet-review-overdue lists it.\n');
    const html = readFileSync(join(example, 'report.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('data-testid="chart-grid"');
    const q = runAbx(['-C', example, '-q', 'report', 'tiers', '--out', 'tiers.txt']);
    expect(q.stderr).toBe('');
    expect(readFileSync(join(example, 'tiers.txt'), 'utf8')).toContain('PURE tiers · 14 accounts');
  });

  it('--out refuses to write through a symbolic link', () => {
    const outside = join(tempDir(), 'victim.txt');
    writeFileSync(outside, 'keep me\n');
    symlinkSync(outside, join(example, 'link.html'));
    const r = runAbx(['-C', example, 'report', 'all', '--format', 'html', '--out', 'link.html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('abx: refusing to write link.html: it is a symbolic link (abx never writes through a link; remove it or choose another name)\n');
    expect(readFileSync(outside, 'utf8')).toBe('keep me\n');
  });

  it('rejects an unknown report name with a suggestion', () => {
    const r = runAbx(['-C', example, 'report', 'tier']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('abx: no report "tier": choose one of tiers, kpis, bets, signals, messaging, collateral, plan, roi, calibration, all (did you mean "tiers"?)\n');
  });
});

describe('abx report on an empty workspace', () => {
  for (const name of REPORTS) {
    for (const format of FORMATS) {
      it(`${name} --format ${format} says there is nothing yet`, () => {
        const r = runAbx(['-C', empty, '--as-of', '2026-11-24', 'report', name, '--format', format]);
        expect(r.code).toBe(0);
        expect(r.stderr).toBe('');
        if (format === 'json') {
          const report = JSON.parse(r.stdout);
          expect(report).toMatchObject({ asOf: '2026-11-24', company: null, stage: 'early' });
          if (report.tiers) expect(report.tiers.accounts).toBe(0);
          if (report.bets) expect(report.bets.total).toBe(0);
          if (report.signals) expect(report.signals).toMatchObject({ accounts: 0, total: 0, medianLatencyHours: null });
          if (report.kpis) expect(report.kpis.summary).toEqual({ met: 0, missed: 0, noData: 11 });
          return;
        }
        const expected = {
          tiers: 'No accounts yet: add one with',
          kpis: 'No KPI records yet',
          bets: 'No bets yet: add one with',
          signals: 'No accounts yet: add one with',
          all: 'No bets yet: add one with',
        }[name];
        expect(r.stdout).toContain(expected);
      });
    }
  }
});

describe('abx report on a workspace with errors', () => {
  it('prints the report from what could be read, lists the errors and exits 1', () => {
    const dir = makeWorkspace({
      'accounts/good.md': '---\nname: Good\npure:\n  painful: { score: 3, evidence: x }\n  urgent: { score: 3, evidence: x }\n  recognized: { score: 3, evidence: x }\n  expensive: { score: 3, evidence: x }\n---\n',
      'accounts/broken.md': '---\nname: [unclosed\n---\n',
    });
    const r = runAbx(['-C', dir, '--as-of', '2026-11-24', 'report', 'tiers', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.tiers.accounts).toBe(1);
    expect(report.tiers.pure[0].count).toBe(1);
    expect(r.stderr).toContain('accounts/broken.md');
    expect(r.stderr).toContain('frontmatter-syntax');
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
  });
});

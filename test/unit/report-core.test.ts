import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../src/core/analyze.js';
import { resolveConfig } from '../../src/core/config.js';
import { dayNumber, formatDay } from '../../src/core/dates.js';
import { betsReport } from '../../src/core/report/bets.js';
import { budgetGuidance } from '../../src/core/report/budget.js';
import { buildReport, type KpiRow, type KpisReport } from '../../src/core/report/index.js';
import { kpisReport } from '../../src/core/report/kpis.js';
import { median, roundTo } from '../../src/core/report/numbers.js';
import { comparePeriods, monthsBefore, periodSpan } from '../../src/core/report/periods.js';
import { signalsReport } from '../../src/core/report/signals.js';
import { tiersReport } from '../../src/core/report/tiers.js';
import { configSchema } from '../../src/core/config-schema.js';
import type { Kind } from '../../src/core/kinds/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { REPO } from '../helpers.js';

const AS_OF = '2026-11-24';

/** An analysis of in-memory files: the folder of each path names its kind. */
function analysisOf(files: Record<string, string>, config: Record<string, unknown> = {}, asOf = AS_OF): Analysis {
  const resolved = resolveConfig(configSchema.parse({ version: 1, ...config })).config;
  return analyze({
    config: resolved,
    asOf,
    files: Object.entries(files).map(([path, text]) => ({ path, kind: path.split('/')[0] as Kind, text })),
  });
}

const account = (fields: string) => `---\nname: Account\n${fields}\n---\n`;
const pure = (p: number, u: number, r: number, e: number) =>
  `pure:\n  painful: { score: ${p}, evidence: x }\n  urgent: { score: ${u}, evidence: x }\n  recognized: { score: ${r}, evidence: x }\n  expensive: { score: ${e}, evidence: x }`;

async function example(): Promise<Analysis> {
  const ws = await loadWorkspace({ cwd: join(REPO, 'templates', 'example'), today: '2030-01-01' });
  return ws.analysis;
}

describe('periods', () => {
  it('spans days, ISO weeks (Monday to Sunday), months and quarters', () => {
    const at = (p: string) => {
      const s = periodSpan(p);
      return s && [s.granularity, formatDay(s.startDay), formatDay(s.endDay)];
    };
    expect(at('2026-10-05')).toEqual(['day', '2026-10-05', '2026-10-05']);
    expect(at('2026-W47')).toEqual(['week', '2026-11-16', '2026-11-22']);
    expect(at('2026-W01')).toEqual(['week', '2025-12-29', '2026-01-04']);
    expect(at('2020-W53')).toEqual(['week', '2020-12-28', '2021-01-03']);
    expect(at('2026-02')).toEqual(['month', '2026-02-01', '2026-02-28']);
    expect(at('2024-02')).toEqual(['month', '2024-02-01', '2024-02-29']);
    expect(at('2026-Q3')).toEqual(['quarter', '2026-07-01', '2026-09-30']);
    expect(at('2026-Q4')).toEqual(['quarter', '2026-10-01', '2026-12-31']);
    expect(at('2026-13')).toBeUndefined();
    expect(at('soon')).toBeUndefined();
  });

  it('orders by end day, and of two periods ending together the shorter is later', () => {
    const order = ['2026-Q3', '2026-09', '2026-W40', '2026-09-30', '2026-Q2'].sort((a, b) => comparePeriods(periodSpan(a)!, periodSpan(b)!));
    expect(order).toEqual(['2026-Q2', '2026-Q3', '2026-09', '2026-09-30', '2026-W40']);
  });

  it('goes back calendar months, clamping to the end of a shorter month', () => {
    expect(formatDay(monthsBefore(dayNumber('2026-10-31')!, 6))).toBe('2026-04-30');
    expect(formatDay(monthsBefore(dayNumber('2026-08-31')!, 6))).toBe('2026-02-28');
    expect(formatDay(monthsBefore(dayNumber('2026-03-15')!, 6))).toBe('2025-09-15');
  });

  it('rounds half away from zero and takes medians', () => {
    expect(roundTo(1.005 * 1000, 0)).toBe(1005);
    expect(roundTo(-0.17708, 4)).toBe(-0.1771);
    expect(roundTo(-0.00001, 2)).toBe(0);
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});

describe('tiers report', () => {
  it('counts the example workspace: PURE, fit, grid, segments, motions, MQA, budget', async () => {
    const t = tiersReport(await example());
    expect(t.accounts).toBe(14);
    expect(t.pure.map((r) => [r.tier, r.count])).toEqual([[1, 3], [2, 3], [3, 4], [4, 2], [5, 1]]);
    expect(t.unscored).toEqual({ count: 1, accounts: ['orchid-clinical-supply'] });
    expect(t.fit.map((r) => [r.tier, r.count])).toEqual([[1, 4], [2, 4], [3, 6]]);
    expect(t.grid.map((r) => [...r.cells.map((c) => c.count), r.unscored])).toEqual([
      [2, 2, 0, 0, 0, 0],
      [1, 1, 2, 0, 0, 0],
      [0, 0, 2, 2, 1, 1],
    ]);
    expect(t.grid[0]?.cells[0]?.accounts).toEqual(['northwind-logistics', 'vanguard-electronics']);
    expect(t.mqa).toEqual({ count: 4, accounts: ['arcadia-health-logistics', 'helix-biologics', 'northwind-logistics', 'vanguard-electronics'] });
    expect(t.motions).toEqual([
      { motion: 'detect', count: 5 },
      { motion: 'decode', count: 3 },
      { motion: 'engage', count: 3 },
      { motion: 'accelerate', count: 2 },
      { motion: 'expand', count: 1 },
    ]);
    expect(t.noMotion).toBe(0);
    expect(t.bySegment.map((s) => [s.segment, s.accounts, s.mqa])).toEqual([
      ['cold-chain-pharma', 5, 2],
      ['industrial-manufacturing', 4, 1],
      ['regional-3pl', 5, 1],
    ]);
    expect(t.bySegment[0]?.pure).toEqual({ '1': 1, '2': 2, '3': 0, '4': 1, '5': 0, unscored: 1 });
    expect(t.budget).toEqual({ stage: 'scaling', label: 'scaling (1→10)', primary: { area: 'demand generation', percent: 40 }, secondary: { area: 'sales enablement', percent: 30 }, remainingPercent: 30 });
    expect(t.pure[0]).toMatchObject({ name: 'Hair-on-Fire', priority: 'Highest', resources: 'Dedicated account team, custom everything', totals: '10-12' });
    expect(t.fit[1]).toMatchObject({ name: 'Scale', motion: '1:few', guide: '50-500', scores: '≥ 60' });
  });

  it('gives the budget guidance of scoring.md §8 for every stage', () => {
    expect(budgetGuidance('early')).toMatchObject({ label: 'early (0→1)', primary: { area: 'branding & positioning', percent: 40 }, secondary: { area: 'sales enablement', percent: 35 }, remainingPercent: 25 });
    expect(budgetGuidance('leader')).toMatchObject({ primary: { area: 'demand generation', percent: 45 }, secondary: { area: 'customer marketing', percent: 25 }, remainingPercent: 30 });
  });

  it('keeps accounts without a segment or with an unknown one, and follows the configured fit thresholds', () => {
    const a = analysisOf(
      {
        'segments/known.md': '---\nname: Known\n---\n',
        'accounts/a.md': account(`segment: known\nmotion: engage\nfit: { firmographic: 70, technographic: 70, intent: 70, engagement: 70 }\n${pure(3, 3, 3, 3)}`),
        'accounts/b.md': account('segment: ghost\nfit: { firmographic: 0, technographic: 0, intent: 0, engagement: 0 }'),
        'accounts/c.md': account(`fit: { firmographic: 90, technographic: 90, intent: 90, engagement: 90 }\n${pure(0, 0, 0, 0)}`),
      },
      { stage: 'leader', scoring: { fit_tiers: [90, 70] } },
    );
    const t = tiersReport(a);
    expect(t.bySegment.map((s) => [s.segment, s.name, s.known, s.accounts])).toEqual([
      ['known', 'Known', true, 1],
      ['ghost', 'ghost', false, 1],
      [null, 'No segment', true, 1],
    ]);
    expect(t.fit.map((f) => [f.scores, f.count])).toEqual([['≥ 90', 1], ['≥ 70', 1], ['< 70', 1]]);
    expect(t.grid[1]?.cells[0]?.accounts).toEqual(['a']);
    expect(t.grid[0]?.cells[4]?.accounts).toEqual(['c']);
    expect(t.grid[2]?.unscored).toBe(1);
    expect(t.noMotion).toBe(2);
    expect(t.budget.stage).toBe('leader');
  });

  it('is all zeros on an empty workspace', () => {
    const t = tiersReport(analysisOf({}));
    expect(t.accounts).toBe(0);
    expect(t.pure.every((r) => r.count === 0)).toBe(true);
    expect(t.grid.flatMap((r) => r.cells.map((c) => c.count))).toEqual(Array(15).fill(0));
    expect(t.bySegment).toEqual([]);
    expect(t.budget.stage).toBe('early');
  });
});

const row = (k: KpisReport, id: string): KpiRow => k.groups.flatMap((g) => g.kpis).find((r) => r.id === id) as KpiRow;
const kpiFile = (lines: string[]) => ({ 'kpis/k.yaml': lines.map((l) => `- ${l}`).join('\n') + '\n' });

describe('KPI report', () => {
  it('judges the example workspace against the §7 targets', async () => {
    const k = kpisReport(await example());
    expect(k.records).toBe(33);
    // With the deals of the example, four KPIs gain a value computed for a period without a record (test/e2e/roi-calibration.test.ts).
    expect(k.summary).toEqual({ met: 7, missed: 4, noData: 0 });
    expect(k.groups.map((g) => [g.tier, g.cadence, g.kpis.length])).toEqual([
      ['leading', 'weekly', 4],
      ['core', 'monthly', 4],
      ['lagging', 'quarterly', 3],
    ]);
    const statuses = Object.fromEntries(k.groups.flatMap((g) => g.kpis).map((r) => [r.id, [r.latest?.value, r.status, r.trend]]));
    expect(statuses).toEqual({
      'message-resonance-rate': [0.43, 'met', 'up'],
      'content-engagement-depth': [2.8, 'missed', 'up'],
      'multi-thread-penetration': [1.57, 'missed', null],
      'signal-latency': [24, 'met', null],
      'marketing-sourced-meetings': [4, 'met', 'up'],
      'pipeline-velocity': [61, 'met', 'down'],
      'deal-influence-rate': [1, 'met', 'up'],
      'competitive-win-rate': [0.2, 'missed', 'down'],
      'revenue-influenced': [1, 'met', 'up'],
      'customer-expansion-rate': [0.63, 'met', 'up'],
      'brand-authority-index': [12, 'missed', 'down'],
    });
    const velocity = row(k, 'pipeline-velocity');
    // The computed 2026-11 value (61) against the record six months before: (61 − 95) / 95 = −0.35789….
    expect(velocity.baseline).toEqual({ period: '2026-05', value: 95, note: null });
    expect(velocity.relativeChange).toBe(-0.3579);
    expect(velocity.previous?.period).toBe('2026-10');
    expect(velocity.change).toBe(-18);
    expect(velocity.improving).toBe(true);
    const resonance = row(k, 'message-resonance-rate');
    expect(resonance.latest).toEqual({ period: '2026-W47', value: 0.43, note: 'audit-readiness track' });
    expect(resonance.previous?.period).toBe('2026-W46');
    expect(resonance.change).toBe(0.02);
    expect(row(k, 'multi-thread-penetration').latest).toEqual({ period: '2026-11-24', value: 1.57, note: 'mean over 14 accounts' });
    expect(row(k, 'signal-latency').latest).toEqual({ period: '2026-11-24', value: 24, note: 'median of 11 touched signals' });
    expect(row(k, 'brand-authority-index').improving).toBe(false);
    expect(row(k, 'message-resonance-rate').history.map((h) => h.period)).toEqual(['2026-W36', '2026-W39', '2026-W45', '2026-W46', '2026-W47']);
  });

  it('meets at-least on the target itself and misses below on it', () => {
    const k = kpisReport(analysisOf(kpiFile(['{ kpi: message-resonance-rate, period: 2026-10, value: 0.4 }', '{ kpi: signal-latency, period: 2026-10, value: 72 }'])));
    expect(row(k, 'message-resonance-rate').status).toBe('met');
    expect(row(k, 'signal-latency').status).toBe('missed');
  });

  it('takes the latest period by end date across granularities, and ignores periods not begun by the as-of date', () => {
    const k = kpisReport(
      analysisOf(
        kpiFile([
          '{ kpi: deal-influence-rate, period: 2026-W40, value: 0.9 }',
          '{ kpi: deal-influence-rate, period: 2026-09, value: 0.5 }',
          '{ kpi: deal-influence-rate, period: 2026-Q3, value: 0.6 }',
          '{ kpi: deal-influence-rate, period: 2026-12, value: 0.1 }',
          '{ kpi: revenue-influenced, period: 2026-Q3, value: 0.4 }',
          '{ kpi: revenue-influenced, period: 2026-Q4, value: 0.55 }',
        ]),
      ),
    );
    const r = row(k, 'deal-influence-rate');
    expect(r.history.map((h) => h.period)).toEqual(['2026-Q3', '2026-09', '2026-W40']);
    expect(r.latest?.value).toBe(0.9);
    expect(r.previous?.period).toBe('2026-09');
    expect(r.status).toBe('met');
    // A quarter in progress at the as-of date counts.
    expect(row(k, 'revenue-influenced').latest?.period).toBe('2026-Q4');
    expect(k.records).toBe(5);
  });

  it('needs two periods for rising and a baseline about six months back for −15%', () => {
    const k = kpisReport(
      analysisOf(
        kpiFile([
          '{ kpi: brand-authority-index, period: 2026-Q3, value: 12 }',
          '{ kpi: competitive-win-rate, period: 2026-Q2, value: 0.4 }',
          '{ kpi: competitive-win-rate, period: 2026-Q3, value: 0.4 }',
          '{ kpi: pipeline-velocity, period: 2026-08, value: 90 }',
          '{ kpi: pipeline-velocity, period: 2026-10, value: 60 }',
        ]),
      ),
    );
    expect(row(k, 'brand-authority-index')).toMatchObject({ status: 'no-data', reason: 'only one period (2026-Q3): nothing to compare with' });
    expect(row(k, 'competitive-win-rate')).toMatchObject({ status: 'missed', trend: 'flat', change: 0 });
    expect(row(k, 'pipeline-velocity')).toMatchObject({ status: 'no-data', baseline: null, relativeChange: null, reason: 'no value about 6 months before 2026-10 to compare with' });
  });

  it('misses −15% in 6 months when the drop is smaller', () => {
    const k = kpisReport(analysisOf(kpiFile(['{ kpi: pipeline-velocity, period: 2026-04, value: 100 }', '{ kpi: pipeline-velocity, period: 2026-10, value: 86 }'])));
    expect(row(k, 'pipeline-velocity')).toMatchObject({ status: 'missed', relativeChange: -0.14, baseline: { period: '2026-04', value: 100, note: null } });
    const exactly = kpisReport(analysisOf(kpiFile(['{ kpi: pipeline-velocity, period: 2026-Q2, value: 100 }', '{ kpi: pipeline-velocity, period: 2026-Q4, value: 85 }'])));
    expect(row(exactly, 'pipeline-velocity')).toMatchObject({ status: 'met', relativeChange: -0.15 });
  });

  it('uses the config target overrides', () => {
    const k = kpisReport(
      analysisOf(kpiFile(['{ kpi: message-resonance-rate, period: 2026-W47, value: 0.43 }', '{ kpi: pipeline-velocity, period: 2026-04, value: 100 }', '{ kpi: pipeline-velocity, period: 2026-10, value: 85 }']), {
        kpis: { 'message-resonance-rate': { target: 0.45 }, 'pipeline-velocity': { target: -0.2 } },
      }),
    );
    expect(row(k, 'message-resonance-rate')).toMatchObject({ status: 'missed', target: 0.45, targetText: '≥ 0.45', targetOverridden: true });
    expect(row(k, 'pipeline-velocity')).toMatchObject({ status: 'missed', target: -0.2, targetText: '−20% in 6 months', targetOverridden: true });
    expect(row(k, 'deal-influence-rate')).toMatchObject({ target: 0.8, targetOverridden: false });
  });

  it('computes multi-thread penetration and signal latency, with a measured record as the previous period', () => {
    const a = analysisOf({
      ...kpiFile(['{ kpi: signal-latency, period: 2026-W46, value: 80 }']),
      'accounts/a.md': account(
        'buying_committee:\n  - { name: A, title: CTO, role: champion, status: engaged }\n  - { name: B, title: VP, role: influencer, status: engaged }\nsignals:\n  - { type: policy, date: 2026-11-01, summary: s, first_touch: 2026-11-02 }\n  - { type: policy, date: 2026-11-01, summary: s, first_touch: 2026-11-04 }',
      ),
      'accounts/b.md': account('signals:\n  - { type: policy, date: 2026-11-20, summary: open }'),
    });
    const k = kpisReport(a);
    expect(row(k, 'multi-thread-penetration')).toMatchObject({ latest: { value: 1, period: AS_OF }, status: 'missed' });
    expect(row(k, 'signal-latency')).toMatchObject({ latest: { value: 48, period: AS_OF, note: 'median of 2 touched signals' }, previous: { period: '2026-W46', value: 80 }, change: -32, trend: 'down', improving: true, status: 'met' });
  });

  it('reads no-data everywhere on an empty workspace', () => {
    const k = kpisReport(analysisOf({}));
    expect(k.records).toBe(0);
    expect(k.summary).toEqual({ met: 0, missed: 0, noData: 11 });
    expect(row(k, 'signal-latency')).toMatchObject({ latest: null, previous: null, trend: null, status: 'no-data', reason: 'nothing to compute it from yet' });
    expect(row(k, 'deal-influence-rate').reason).toBe('no records yet');
  });
});

const bet = (status: string, extra = '') =>
  `---\nname: Bet ${status}\nstatus: ${status}\nhypothesis: h\ntest: t\nsuccess_criteria: s\nkill_condition: k\nlearning_output: l\n${extra}\n---\n`;

describe('bet board', () => {
  it('puts the example overdue bet first, with its kill condition', async () => {
    const b = betsReport(await example());
    expect(b.total).toBe(5);
    expect(b.overdue).toEqual(['cold-chain-compliance-messaging']);
    expect(b.columns.map((c) => [c.status, c.bets.map((x) => x.id)])).toEqual([
      ['proposed', ['manufacturing-exec-roundtable']],
      ['running', ['cold-chain-compliance-messaging', 'linkedin-1-few-3pl']],
      ['won', ['signal-desk-72h']],
      ['killed', ['generic-cold-email']],
    ]);
    const overdue = b.columns[1]?.bets[0];
    expect(overdue).toMatchObject({ overdue: true, daysOverdue: 8, reviewBy: '2026-11-16', killCondition: 'No difference in reply or meeting rate between the tracks after six weeks.' });
    expect(b.byCategory).toEqual([
      { category: 'messaging', count: 1 },
      { category: 'channel', count: 2 },
      { category: 'abm-motion', count: 2 },
      { category: 'product-launch', count: 0 },
      { category: 'other', count: 0 },
    ]);
  });

  it('orders overdue bets by days overdue, then the nearest review, and counts bets without a category', () => {
    const b = betsReport(
      analysisOf({
        'bets/a.md': bet('running', 'started: 2026-09-01\nreview_by: 2026-11-20'),
        'bets/b.md': bet('running', 'started: 2026-09-01\nreview_by: 2026-11-01'),
        'bets/c.md': bet('running', 'started: 2026-09-01\nreview_by: 2026-12-01'),
        'bets/d.md': bet('running', 'started: 2026-09-01\nreview_by: 2026-11-24'),
        'bets/e.md': bet('won', 'review_by: 2026-01-01\nresult: done'),
      }),
    );
    expect(b.columns[1]?.bets.map((x) => [x.id, x.overdue, x.daysOverdue])).toEqual([
      ['b', true, 23],
      ['a', true, 4],
      ['d', false, null],
      ['c', false, null],
    ]);
    expect(b.overdue).toEqual(['b', 'a']);
    expect(b.columns[2]?.bets[0]).toMatchObject({ overdue: false, result: 'done' });
    expect(b.byCategory.at(-1)).toEqual({ category: 'uncategorized', count: 5 });
  });

  it('is an empty board on an empty workspace', () => {
    const b = betsReport(analysisOf({}));
    expect(b.total).toBe(0);
    expect(b.columns.map((c) => c.count)).toEqual([0, 0, 0, 0]);
    expect(b.byCategory.some((c) => c.category === 'uncategorized')).toBe(false);
  });
});

describe('signals report', () => {
  it('summarises the example workspace', async () => {
    const s = signalsReport(await example());
    expect(s).toMatchObject({ accounts: 14, total: 12, touched: 11, open: 1, openPastTarget: 0, medianLatencyHours: 24, withinTarget: 11, withinTargetShare: 1 });
    expect(s.openSignals).toEqual([{ account: 'keystone-cold-storage', accountName: 'Keystone Cold Storage', type: 'policy', date: '2026-11-23', summary: 'FDA confirmed the FSMA 204 enforcement date', openHours: 24, pastTarget: false }]);
    expect(s.byType.map((t) => [t.type, t.total, t.medianLatencyHours])).toEqual([
      ['policy', 2, 24],
      ['procurement', 2, 24],
      ['leadership', 2, 36],
      ['competitive', 2, 31.8],
      ['strategic', 4, 36],
    ]);
  });

  it('finds open signals past 72 hours and the share touched in time', () => {
    const s = signalsReport(
      analysisOf({
        'accounts/a.md': account(
          [
            'signals:',
            '  - { type: policy, date: 2026-11-01, summary: fast, first_touch: "2026-11-01T10:00:00Z" }',
            '  - { type: policy, date: 2026-11-01, summary: slow, first_touch: 2026-11-05 }',
            '  - { type: leadership, date: 2026-11-01, summary: mid, first_touch: 2026-11-02 }',
            '  - { type: leadership, date: 2026-11-10, summary: old and open }',
            '  - { type: competitive, date: 2026-11-21, summary: exactly 72 hours }',
          ].join('\n'),
        ),
      }),
    );
    expect(s).toMatchObject({ total: 5, touched: 3, open: 2, openPastTarget: 1, medianLatencyHours: 24, withinTarget: 2, withinTargetShare: 0.6667 });
    expect(s.openSignals.map((o) => [o.summary, o.openHours, o.pastTarget])).toEqual([
      ['old and open', 336, true],
      ['exactly 72 hours', 72, false],
    ]);
    expect(s.byType.find((t) => t.type === 'policy')).toMatchObject({ total: 2, touched: 2, medianLatencyHours: 53, withinTarget: 1, withinTargetShare: 0.5 });
    expect(s.byType.find((t) => t.type === 'strategic')).toMatchObject({ total: 0, medianLatencyHours: null, withinTargetShare: null });
  });
});

describe('buildReport', () => {
  it('fills only the reports asked for, in a fixed order', async () => {
    const a = await example();
    const one = buildReport(a, ['bets']);
    expect(Object.keys(one)).toEqual(['asOf', 'company', 'stage', 'bets']);
    const all = buildReport(a, ['signals', 'tiers', 'kpis', 'bets']);
    expect(Object.keys(all)).toEqual(['asOf', 'company', 'stage', 'tiers', 'kpis', 'bets', 'signals']);
    expect(all).toMatchObject({ asOf: AS_OF, company: 'Lanternline', stage: 'scaling' });
  });
});

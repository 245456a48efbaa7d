/**
 * `abx report roi` and `abx report calibration`: every number on the example is worked out here
 * by hand from templates/example (deals in accounts/*.md, investments/*.yaml), not by the code
 * under test. Edge cases: x.x5 percentages, investment 0 (ROI null), no closed deals (win rate
 * null), a deal closed on the last day of a quarter, an account exactly on the fit tier edge.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleWorkspace, makeWorkspace, runAbx } from '../helpers.js';

let example: string;
beforeAll(() => {
  example = exampleWorkspace();
});

function report(dir: string, args: string[]) {
  const r = runAbx(['-C', dir, 'report', ...args, '--format', 'json', '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('abx report roi on the example', () => {
  it('gives revenue, investment, ROI, win rate, average deal and pipeline per quarter', () => {
    const { roi } = report(example, ['roi']);
    expect(roi.granularity).toBe('quarter');
    const pick = ({ period, revenueUsd, investmentUsd, roi: r, winRate, won, lost, averageDealUsd, pipelineCreatedUsd, dealsCreated }: Record<string, unknown>) => ({
      period, revenueUsd, investmentUsd, roi: r, winRate, won, lost, averageDealUsd, pipelineCreatedUsd, dealsCreated,
    });
    expect(roi.periods.map(pick)).toEqual([
      // Created in Q2: vg-apac-rollout 420,000 + st-scorecards 60,000 + ar-us-lanes 310,000; nothing closed or invested.
      { period: '2026-Q2', revenueUsd: 0, investmentUsd: 0, roi: null, winRate: null, won: 0, lost: 0, averageDealUsd: null, pipelineCreatedUsd: 790000, dealsCreated: 3 },
      // Won in Q3: 420,000 + 310,000 (closed 2026-09-30, the quarter's last day) + 75,000 = 805,000.
      // Lost: hx-excursion-alerts, pr-eta-pilot, st-scorecards. Invested 60k + 35k + 40k + 25k + 90k = 250,000.
      // ROI (805,000 − 250,000) / 250,000 = 222%; average 805,000 / 3 = 268,333.33…; created 90k + 140k + 75k.
      { period: '2026-Q3', revenueUsd: 805000, investmentUsd: 250000, roi: 222, winRate: 50, won: 3, lost: 3, averageDealUsd: 268333.33, pipelineCreatedUsd: 305000, dealsCreated: 3 },
      // Won in Q4: 185,000.50 + 240,000 + 120,000 = 545,000.50; lost 4 → 3/7 = 42.857…%.
      // Invested 20,000 + 12,500.50 + 15,000 + 20,000 + 9,000 + 18,000 + 90,000 (the quarter's headcount) = 184,500.50.
      // ROI (545,000.50 − 184,500.50) / 184,500.50 = 360,500 / 184,500.50 = 1.95392… → 195.4%; average 545,000.50 / 3.
      { period: '2026-Q4', revenueUsd: 545000.5, investmentUsd: 184500.5, roi: 195.4, winRate: 42.9, won: 3, lost: 4, averageDealUsd: 181666.83, pipelineCreatedUsd: 2333000.5, dealsCreated: 11 },
    ]);
    // All three quarters: 1,350,000.50 won, 434,500.50 invested: 915,500 / 434,500.50 = 2.10701… → 210.7%; 6 of 13 = 46.15…%.
    expect(pick({ period: 'all', ...roi.total })).toEqual({ period: 'all', revenueUsd: 1350000.5, investmentUsd: 434500.5, roi: 210.7, winRate: 46.2, won: 6, lost: 7, averageDealUsd: 225000.08, pipelineCreatedUsd: 3428000.5, dealsCreated: 17 });
  });

  it('gives win rate by the fit and PURE tier the accounts have at the as-of date', () => {
    const { roi } = report(example, ['roi']);
    const rates = (rows: { tier: number | null; won: number; lost: number; winRate: number | null }[]) => rows.map(({ tier, won, lost, winRate }) => ({ tier, won, lost, winRate }));
    // Fit tier 1 today: vanguard (won, lost), arcadia (won, lost), northwind (won), cascade (won).
    // Tier 2: helix (lost), keystone (won). Tier 3: pacific-rim, summit, stonegate, harborline (lost), bluewater (won).
    expect(rates(roi.total.winRateByFit)).toEqual([
      { tier: 1, won: 4, lost: 2, winRate: 66.7 },
      { tier: 2, won: 1, lost: 1, winRate: 50 },
      { tier: 3, won: 1, lost: 4, winRate: 20 },
    ]);
    // PURE 1: vanguard ×2, northwind, helix; 2: arcadia ×2, cascade; 3: keystone, pacific-rim, harborline;
    // 4: bluewater, summit; 5: stonegate.
    expect(rates(roi.total.winRateByPure)).toEqual([
      { tier: 1, won: 2, lost: 2, winRate: 50 },
      { tier: 2, won: 2, lost: 1, winRate: 66.7 },
      { tier: 3, won: 1, lost: 2, winRate: 33.3 },
      { tier: 4, won: 1, lost: 1, winRate: 50 },
      { tier: 5, won: 0, lost: 1, winRate: 0 },
      { tier: null, won: 0, lost: 0, winRate: null },
    ]);
  });

  it('--period month: a quarter record is not split across months', () => {
    const { roi } = report(example, ['roi', '--period', 'month']);
    const oct = roi.periods.find((p: { period: string }) => p.period === '2026-10');
    // October records only: 20,000 + 12,500.50 + 15,000; nothing closed in October.
    expect(oct).toMatchObject({ revenueUsd: 0, investmentUsd: 47500.5, roi: -100, winRate: null });
    const nov = roi.periods.find((p: { period: string }) => p.period === '2026-11');
    // 545,000.50 won against 47,000 (20,000 + 9,000 + 18,000): 498,000.50 / 47,000 = 10.59575… → 1059.6%.
    expect(nov).toMatchObject({ revenueUsd: 545000.5, investmentUsd: 47000, roi: 1059.6, won: 3, lost: 4 });
  });

  it('--period 2026-Q3 gives that quarter alone; a bad --period is a usage error', () => {
    const { roi } = report(example, ['roi', '--period', '2026-Q3']);
    expect(roi.periods.map((p: { period: string; roi: number }) => [p.period, p.roi])).toEqual([['2026-Q3', 222]]);
    const r = runAbx(['-C', example, 'report', 'roi', '--period', 'Q3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('abx: --period must be month, quarter, a month (2026-10) or a quarter (2026-Q3), not "Q3"\n');
    expect(runAbx(['-C', example, 'report', 'tiers', '--period', 'month']).stderr).toBe('abx: --period is an option of abx report roi (and all)\n');
  });
});

describe('abx report calibration on the example', () => {
  it('scores each closed deal as of its created date and gives win rate, count and lift per tier', () => {
    const { calibration } = report(example, ['calibration']);
    expect(calibration).toMatchObject({ closedDeals: 13, won: 6, lost: 7, winRate: 46.2 });
    const byDeal = Object.fromEntries(calibration.deals.map((d: { deal: string; fit: { score: number; tier: number }[] }) => [d.deal, d.fit[0]]));
    // Arcadia scores 95 today with a full engagement component (15 of it); on 2026-06-20 it had no
    // activity, so 95 − 15 = 80: exactly the tier 1 edge.
    expect(byDeal['ar-us-lanes']).toEqual({ score: 80, tier: 1 });
    // Northwind today 91 with engagement capped (15); on 2026-10-05 the 90 days hold 1 + 5 + 25 = 31
    // points, 0.15 × 31 = 4.65: 76 + 4.65 = 80.65 → 80.7 (a float sum would give 80.6).
    expect(byDeal['nw-portal-pilot']).toEqual({ score: 80.7, tier: 1 });
    // Cascade today 90.6 with 84 points (12.6); on 2026-10-01 only 1 + 1 + 5 = 7 (1.05): 78 + 1.05 = 79.05 → 79.1, tier 2.
    expect(byDeal['cf-white-label']).toEqual({ score: 79.1, tier: 2 });
    // Vanguard on 2026-06-10: 97.5 − 15 = 82.5.
    expect(byDeal['vg-apac-rollout']).toEqual({ score: 82.5, tier: 1 });

    const [model] = calibration.models;
    const rows = (list: { tier: number | null; count: number; won: number; winRate: number | null; lift: number | null }[]) => list.map(({ tier, count, won, winRate, lift }) => ({ tier, count, won, winRate, lift }));
    // Tier 1 at created: ar-us-lanes W, ar-cold-room-audit L, nw-portal-pilot W, vg-apac-rollout W, vg-eu-plants L → 3/5.
    // Tier 2: cf-white-label W, ks-fsma-portal W, hx-excursion-alerts L → 2/3. Tier 3: bw W; pr, st, sg, hl L → 1/5.
    // Lift = tier rate ÷ 6/13: 0.6 × 13/6 = 1.3; 2/3 × 13/6 = 1.444…; 0.2 × 13/6 = 0.433….
    expect(rows(model.fit)).toEqual([
      { tier: 1, count: 5, won: 3, winRate: 60, lift: 1.3 },
      { tier: 2, count: 3, won: 2, winRate: 66.7, lift: 1.44 },
      { tier: 3, count: 5, won: 1, winRate: 20, lift: 0.43 },
    ]);
    expect(model).toMatchObject({ label: 'config', verdict: 'predictive', weights: { firmographic: 40, technographic: 20, intent: 25, engagement: 15 } });
    // PURE has no dates: the tiers of today. 1: vg ×2, nw, hx (2 won); 2: ar ×2, cf (2); 3: ks, pr, hl (1); 4: bw, st (1); 5: sg (0).
    expect(rows(calibration.pure)).toEqual([
      { tier: 1, count: 4, won: 2, winRate: 50, lift: 1.08 },
      { tier: 2, count: 3, won: 2, winRate: 66.7, lift: 1.44 },
      { tier: 3, count: 3, won: 1, winRate: 33.3, lift: 0.72 },
      { tier: 4, count: 2, won: 1, winRate: 50, lift: 1.08 },
      { tier: 5, count: 1, won: 0, winRate: 0, lift: 0 },
      { tier: null, count: 0, won: 0, winRate: null, lift: null },
    ]);
  });

  it('--weights scores the same deals under other weights, side by side', () => {
    const { calibration } = report(example, ['calibration', '--weights', '40,20,40,0']);
    expect(calibration.models.map((m: { label: string }) => m.label)).toEqual(['config', '--weights']);
    const alt = calibration.models[1];
    expect(alt.weights).toEqual({ firmographic: 40, technographic: 20, intent: 40, engagement: 0 });
    // Without engagement, cascade (intent given) moves into tier 1 and ks-fsma-portal (keystone) stays in tier 2.
    expect(alt.fit.map((r: { count: number; won: number }) => [r.count, r.won])).toEqual([
      [6, 4],
      [2, 1],
      [5, 1],
    ]);
    const r = runAbx(['-C', example, 'report', 'calibration', '--weights', '40,20,25,20']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--weights must be four numbers');
  });

  it('says "not predictive" when fit tier 1 wins no more often than tier 3 with 5 closed deals in each', () => {
    const deal = (i: number, result: string) => `  - { id: d${i}, amount_usd: 1000, created: 2026-10-01, closed: 2026-10-20, result: ${result}, win_loss: { decision_criteria: [Price], buying_process: x, messaging: x, competitive: x, timeline: x } }\n`;
    const account = (fit: number, results: string[]) => `---\nname: A\nfit: { firmographic: ${fit}, technographic: ${fit}, intent: ${fit}, engagement: ${fit} }\ndeals:\n${results.map((r, i) => deal(i, r)).join('')}---\n`;
    const dir = makeWorkspace({
      'abx.config.yaml': 'version: 1\nas_of: 2026-11-24\n',
      'accounts/high.md': account(90, ['won', 'won', 'lost', 'lost', 'lost']),
      'accounts/low.md': account(10, ['won', 'won', 'lost', 'lost', 'lost']),
    });
    const { calibration } = report(dir, ['calibration']);
    expect(calibration.models[0]).toMatchObject({ verdict: 'not-predictive' });
    expect(calibration.models[0].fit.map((r: { winRate: number | null }) => r.winRate)).toEqual([40, null, 40]);
    const table = runAbx(['-C', dir, 'report', 'calibration']);
    expect(table.stdout).toContain('NOT PREDICTIVE');
  });
});

describe('edges', () => {
  it('investment 0 gives ROI null, no closed deals a null win rate, and x.x5 percentages round half away from zero', () => {
    const dir = makeWorkspace({
      'abx.config.yaml': 'version: 1\nas_of: 2026-12-31\n',
      // Won 1,234.5 against 1,000 invested: 23.45% → 23.5 (a float would give 23.4499…).
      'accounts/a.md': '---\nname: A\ndeals:\n  - { id: w, amount_usd: 1234.5, created: 2026-10-01, closed: 2026-12-31, result: won, win_loss: { decision_criteria: [x], buying_process: x, messaging: x, competitive: x, timeline: x } }\n  - { id: o, amount_usd: 10, created: 2026-07-01 }\n---\n',
      'investments/q.yaml': '- { period: 2026-Q4, category: content, amount_usd: 1000 }\n- { period: 2026-Q3, category: content, amount_usd: 0 }\n- { period: 2026-Q3, category: nonsense, amount_usd: 5 }\n',
    });
    const r = runAbx(['-C', dir, 'report', 'roi', '--format', 'json']);
    const { roi } = JSON.parse(r.stdout);
    expect(roi.periods.map((p: Record<string, unknown>) => [p.period, p.revenueUsd, p.investmentUsd, p.roi, p.winRate, p.pipelineCreatedUsd])).toEqual([
      ['2026-Q3', 0, 0, null, null, 10],
      ['2026-Q4', 1234.5, 1000, 23.5, 100, 1234.5],
    ]);
    // The broken record is reported and the others still count.
    const v = runAbx(['-C', dir, 'validate', '--format', 'json']);
    expect(JSON.parse(v.stdout).problems.filter((p: { file: string }) => p.file.startsWith('investments/')).map((p: { file: string; line: number; rule: string }) => [p.file, p.line, p.rule])).toEqual([['investments/q.yaml', 3, 'schema']]);
  });

  it('without deals every report says so in every format', () => {
    const dir = makeWorkspace({ 'abx.config.yaml': 'version: 1\nas_of: 2026-11-24\n' });
    for (const format of ['table', 'markdown', 'html']) {
      expect(runAbx(['-C', dir, 'report', 'roi', '--format', format]).stdout).toContain('No deals or investment records yet');
      expect(runAbx(['-C', dir, 'report', 'calibration', '--format', format]).stdout).toContain('No closed deals yet');
    }
    expect(report(dir, ['roi']).roi).toEqual({ granularity: 'quarter', periods: [], total: null });
  });
});

describe('KPIs computed from deals on the example', () => {
  it('fill the periods without a record, labelled computed, and leave recorded periods alone', () => {
    const { kpis } = report(example, ['kpis']);
    const rows = Object.fromEntries(kpis.groups.flatMap((g: { kpis: { id: string }[] }) => g.kpis).map((k: { id: string }) => [k.id, k]));
    const latest = (id: string) => rows[id].latest;
    // Proposals in November: keystone (first engagement 09-09, proposal 11-02: 54 days), harborline
    // (09-25 → 11-04: 40), arcadia (09-08 → 11-15: 68), northwind (09-04 → 11-17: 74): median (54 + 68) / 2.
    expect(latest('pipeline-velocity')).toMatchObject({ period: '2026-11', value: 61, source: 'computed' });
    // Closed in Q4 with a competitor: cf-white-label won; vg-eu-plants, sg-wms-bridge, hl-ocean-visibility, ar-cold-room-audit lost.
    expect(latest('competitive-win-rate')).toMatchObject({ period: '2026-Q4', value: 0.2, source: 'computed' });
    expect(rows['competitive-win-rate'].previous).toEqual({ period: '2026-Q3', value: 0.41, note: null });
    // Every open deal (650,000 + 280,000 + 210,000 + 95,000) is on an account engaged before it was created.
    expect(latest('deal-influence-rate')).toMatchObject({ period: '2026-11', value: 1, source: 'computed' });
    // Q4 revenue (nw, cf, ks) all from engaged accounts; Q3 keeps its record of 0.47.
    expect(latest('revenue-influenced')).toMatchObject({ period: '2026-Q4', value: 1, source: 'computed' });
    expect(rows['revenue-influenced'].history.filter((p: { period: string }) => p.period === '2026-Q3')).toEqual([{ period: '2026-Q3', value: 0.47, note: null }]);
    const table = runAbx(['-C', example, 'report', 'kpis', '-q']).stdout;
    expect(table).toContain('computed 2026-Q4');
  });
});

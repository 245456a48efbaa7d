/**
 * Opens `abx report all --format html` in a real headless Chromium and checks that every chart is
 * drawn and that every number on the page is the number of the JSON report. The pictures in
 * docs/images/ are taken by `npm run screenshots` (a test never writes into the repository).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { exampleWorkspace, makeWorkspace, runAbx, tempDir } from '../helpers.js';

/**
 * The suite runs wherever Chromium is found (ABX_CHROMIUM, else Debian's and the usual install paths) and is
 * skipped with a message otherwise, so `npm test` passes on a fresh clone. `.ci/run` sets ABX_REQUIRE_BROWSER=1:
 * there a missing Chromium is a failed test, never a silent skip.
 */
const CHROMIUM = findChromium();
const REQUIRE_BROWSER = process.env.ABX_REQUIRE_BROWSER === '1';
const SKIP_MESSAGE =
  'browser suite skipped: Chromium not found (set ABX_CHROMIUM to its path, or install it: apt-get install chromium). .ci/run installs it and requires this suite.';
if (!CHROMIUM && !REQUIRE_BROWSER) console.warn(`\n${SKIP_MESSAGE}\n`);

function findChromium(): string | null {
  if (process.env.ABX_CHROMIUM) return existsSync(process.env.ABX_CHROMIUM) ? process.env.ABX_CHROMIUM : null;
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
  return candidates.find((c) => existsSync(c)) ?? null;
}

/** Charts the page must draw, and how many bars or cells each has on the example workspace. */
const CHARTS: Record<string, { selector: string; items: number }> = {
  'chart-pure-tiers': { selector: 'g.bar', items: 6 },
  'chart-fit-tiers': { selector: 'g.bar', items: 3 },
  'chart-grid': { selector: 'g.cell', items: 15 },
  'chart-motions': { selector: 'g.bar', items: 5 },
  'chart-bet-categories': { selector: 'g.bar', items: 5 },
  'chart-signal-types': { selector: 'g.bar', items: 5 },
  'chart-budget': { selector: 'g[data-testid="budget-part"]', items: 3 },
  'chart-collateral-types': { selector: 'g.bar', items: 6 },
};

interface ChartSeen {
  id: string;
  found: boolean;
  width: number;
  height: number;
  items: { key: string; value: string; label: string; rectWidth: number }[];
}

interface PageSeen {
  charts: ChartSeen[];
  text: Record<string, string>;
  grid: { fit: string; pure: string; count: string; text: string; rectWidth: number }[];
  kpis: { id: string; status: string; latest: string; statusText: string }[];
  bets: { status: string; count: string; cards: { id: string; overdue: string }[] }[];
}

/** Everything the checks need, read from the rendered page (runs in the browser). */
async function readPage(page: Page): Promise<PageSeen> {
  return page.evaluate((charts) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const doc = (globalThis as any).document;
    const q = (sel: string, root = doc) => root.querySelector(sel);
    const all = (sel: string, root = doc): any[] => Array.from(root.querySelectorAll(sel));
    const rectWidth = (g: any) => {
      const rect = g.querySelector('rect');
      return rect ? rect.getBoundingClientRect().width : -1;
    };
    const seenCharts = Object.entries(charts).map(([id, spec]) => {
      const svg = q(`svg[data-testid="${id}"]`);
      if (!svg) return { id, found: false, width: 0, height: 0, items: [] };
      const box = svg.getBoundingClientRect();
      return {
        id,
        found: true,
        width: box.width,
        height: box.height,
        items: all(spec.selector, svg).map((g) => ({
          key: g.getAttribute('data-key') ?? g.getAttribute('data-percent') ?? '',
          value: g.querySelector('.bar-value')?.textContent ?? g.getAttribute('data-percent') ?? '',
          label: g.querySelector('.bar-label')?.textContent ?? '',
          rectWidth: rectWidth(g),
        })),
      };
    });
    const text: Record<string, string> = {};
    for (const el of all('[data-testid]')) {
      const id = el.getAttribute('data-testid');
      if (el.children.length === 0 || el.tagName === 'P' || el.tagName === 'SPAN' || el.tagName === 'TD') text[id] = (el.textContent ?? '').trim();
    }
    return {
      charts: seenCharts,
      text,
      grid: all('svg[data-testid="chart-grid"] g.cell').map((g) => ({
        fit: g.getAttribute('data-fit'),
        pure: g.getAttribute('data-pure'),
        count: g.getAttribute('data-count'),
        text: g.querySelector('.cell-value')?.textContent ?? '',
        rectWidth: rectWidth(g),
      })),
      kpis: all('table[data-testid="table-kpis"] tr[data-kpi]').map((tr) => ({
        id: tr.getAttribute('data-kpi'),
        status: tr.getAttribute('data-status'),
        latest: (q('[data-testid^="kpi-latest-"]', tr)?.textContent ?? '').trim(),
        statusText: (q('[data-testid^="kpi-status-"]', tr)?.textContent ?? '').trim(),
      })),
      bets: all('[data-testid="bet-column"]').map((col) => ({
        status: col.getAttribute('data-status'),
        count: (q('.count', col)?.textContent ?? '').trim(),
        cards: all('[data-testid="bet-card"]', col).map((c) => ({ id: c.getAttribute('data-bet'), overdue: c.getAttribute('data-overdue') })),
      })),
    };
  }, CHARTS);
}

const fmt = (v: number | null) => (v === null ? '—' : String(v));
const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

/** Every way the page differs from the JSON report; empty when they agree. */
function differences(seen: PageSeen, report: any): string[] {
  const out: string[] = [];
  const same = (what: string, shown: unknown, expected: unknown) => {
    if (String(shown) !== String(expected)) out.push(`${what}: the page shows ${JSON.stringify(shown)}, the JSON says ${JSON.stringify(expected)}`);
  };
  for (const chart of seen.charts) {
    const spec = CHARTS[chart.id] as { items: number };
    if (!chart.found) {
      out.push(`${chart.id}: chart missing`);
      continue;
    }
    if (chart.width < 50 || chart.height < 20) out.push(`${chart.id}: chart not drawn (${chart.width}×${chart.height})`);
    if (chart.items.length !== spec.items) out.push(`${chart.id}: ${chart.items.length} bars or cells, expected ${spec.items}`);
    for (const item of chart.items) if (item.rectWidth < 0) out.push(`${chart.id}: ${item.key} has no bar`);
    // Bars are drawn to scale: every non-zero bar is wider than every smaller one.
    const bars = chart.items.filter((i) => i.label !== '' && Number(i.value) > 0);
    for (const a of bars) for (const b of bars) if (Number(a.value) > Number(b.value) && a.rectWidth <= b.rectWidth) out.push(`${chart.id}: bar ${a.key} (${a.value}) is not wider than ${b.key} (${b.value})`);
    for (const z of chart.items.filter((i) => i.label !== '' && Number(i.value) === 0)) if (z.rectWidth > 0) out.push(`${chart.id}: empty bar ${z.key} is drawn`);
  }
  const chart = (id: string) => seen.charts.find((c) => c.id === id)?.items ?? [];
  const barValue = (id: string, key: string) => chart(id).find((i) => i.key === key)?.value;

  const t = report.tiers;
  same('accounts', seen.text['accounts-count'], t.accounts);
  same('MQA', seen.text['mqa-count'], t.mqa.count);
  same('unscored', seen.text['unscored-count'], t.unscored.count);
  for (const row of t.pure) {
    same(`PURE T${row.tier} bar`, barValue('chart-pure-tiers', String(row.tier)), row.count);
    same(`PURE T${row.tier} table`, seen.text[`pure-count-${row.tier}`], row.count);
  }
  same('unscored bar', barValue('chart-pure-tiers', 'unscored'), t.unscored.count);
  for (const row of t.fit) {
    same(`fit T${row.tier} bar`, barValue('chart-fit-tiers', String(row.tier)), row.count);
    same(`fit T${row.tier} table`, seen.text[`fit-count-${row.tier}`], row.count);
  }
  for (const row of t.grid) {
    for (const cell of row.cells) {
      const shown = seen.grid.find((g) => g.fit === String(row.fitTier) && g.pure === String(cell.pureTier));
      same(`grid fit T${row.fitTier} × PURE T${cell.pureTier}`, shown?.text, cell.count);
      if (shown && shown.rectWidth <= 0) out.push(`grid fit T${row.fitTier} × PURE T${cell.pureTier}: cell not drawn`);
    }
  }
  for (const m of t.motions) same(`motion ${m.motion}`, barValue('chart-motions', m.motion), m.count);
  same('budget primary', chart('chart-budget')[0]?.key, t.budget.primary.percent);

  const k = report.kpis;
  same('KPIs met', seen.text['kpi-met'], k.summary.met);
  same('KPIs missed', seen.text['kpi-missed'], k.summary.missed);
  same('KPIs no data', seen.text['kpi-no-data'], k.summary.noData);
  const rows = k.groups.flatMap((g: any) => g.kpis);
  same('KPI rows', seen.kpis.map((r) => r.id).join(','), rows.map((r: any) => r.id).join(','));
  for (const r of rows) {
    const shown = seen.kpis.find((s) => s.id === r.id);
    same(`KPI ${r.id} latest`, shown?.latest, r.latest ? r.latest.value : '—');
    same(`KPI ${r.id} status`, shown?.status, r.status);
    same(`KPI ${r.id} status text`, shown?.statusText, r.status === 'no-data' ? 'no data' : r.status);
  }

  const b = report.bets;
  same('bets', seen.text['bets-total'], b.total);
  same('overdue bets', seen.text['bets-overdue'], b.overdue.length);
  same('bet columns', seen.bets.map((c) => c.status).join(','), b.columns.map((c: any) => c.status).join(','));
  for (const col of b.columns) {
    const shown = seen.bets.find((c) => c.status === col.status);
    same(`bets ${col.status}`, shown?.count, col.count);
    same(`bet cards ${col.status}`, shown?.cards.map((c) => c.id).join(','), col.bets.map((x: any) => x.id).join(','));
    for (const bet of col.bets) same(`bet ${bet.id} overdue`, shown?.cards.find((c) => c.id === bet.id)?.overdue, bet.overdue);
  }
  for (const c of b.byCategory) same(`bet category ${c.category}`, barValue('chart-bet-categories', c.category), c.count);

  const s = report.signals;
  same('signals', seen.text['signals-total'], s.total);
  same('signals open past target', seen.text['signals-open-past-target'], s.openPastTarget);
  same('median latency', seen.text['signals-median-latency'], s.medianLatencyHours === null ? '—' : `${fmt(s.medianLatencyHours)} h`);
  same('within 72 h', seen.text['signals-within-target'], pct(s.withinTargetShare));
  for (const x of s.byType) same(`signal type ${x.type}`, barValue('chart-signal-types', x.type), x.total);

  const m = report.messaging;
  same('messaging files', seen.text['messaging-total'], m.total);
  same('benefit coverage', seen.text['messaging-benefit-coverage'], m.benefitCoverage.percent === null ? '—' : `${m.benefitCoverage.percent}%`);
  same('persona coverage', seen.text['messaging-persona-coverage'], m.personaCoverage.percent === null ? '—' : `${m.personaCoverage.percent}%`);
  const c = report.collateral;
  same('collateral', seen.text['collateral-total'], c.total);
  same('collateral overdue or never reviewed', seen.text['collateral-overdue'], c.review.overdue + c.review.never);
  same('collateral due', seen.text['collateral-due'], c.review.due);
  for (const x of c.byType) same(`collateral type ${x.type}`, barValue('chart-collateral-types', x.type), x.count);
  const plan = report.plan.plan;
  same('plan tasks done', seen.text['plan-done'], `${plan.done} of ${plan.total}`);
  same('plan phases overdue', seen.text['plan-overdue'], plan.phases.filter((x: any) => x.status === 'overdue').length);
  return out;
}

let browser: Browser;
let page: Page;
let example: string;
let htmlPath: string;
let report: any;

function writeReport(dir: string, name = 'report.html'): string {
  const r = runAbx(['-C', dir, 'report', 'all', '--format', 'html', '--out', name]);
  if (r.code !== 0) throw new Error(`abx report failed: ${r.stderr}`);
  return join(dir, name);
}

/** Opens a file, failing on any request that is not the file itself. */
async function open(path: string): Promise<string[]> {
  const requests: string[] = [];
  page.removeAllListeners('request');
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
  return requests.filter((u) => u !== pathToFileURL(path).href);
}

describe.runIf(!CHROMIUM && REQUIRE_BROWSER)('the browser suite under .ci/run', () => {
  it('finds Chromium (ABX_REQUIRE_BROWSER=1)', () => {
    throw new Error(`Chromium is required here but was not found. ${SKIP_MESSAGE}`);
  });
});

beforeAll(async () => {
  if (!CHROMIUM) return;
  example = exampleWorkspace();
  htmlPath = writeReport(example);
  const json = runAbx(['-C', example, 'report', 'all', '--format', 'json']);
  report = JSON.parse(json.stdout);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
});

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!CHROMIUM)('the HTML report in Chromium', () => {
  it('loads without a single network request', async () => {
    expect(await open(htmlPath)).toEqual([]);
    expect(await page.title()).toBe('Lanternline report · as of 2026-11-24');
  });

  it('draws every chart, with the numbers of the JSON report', async () => {
    await open(htmlPath);
    const seen = await readPage(page);
    expect(seen.charts.map((c) => [c.id, c.found, c.items.length])).toEqual(Object.entries(CHARTS).map(([id, spec]) => [id, true, spec.items]));
    expect(differences(seen, report)).toEqual([]);
  });

  it('shows the example numbers a reader looks for', async () => {
    await open(htmlPath);
    const seen = await readPage(page);
    expect(['1', '2', '3', '4', '5', 'unscored'].map((k) => seen.charts[0]?.items.find((i) => i.key === k)?.value)).toEqual(['3', '3', '4', '2', '1', '1']);
    expect(['1', '2', '3'].map((k) => seen.text[`fit-count-${k}`])).toEqual(['4', '4', '6']);
    expect(seen.text['mqa-count']).toBe('4');
    expect(seen.grid.filter((g) => g.fit === '1').map((g) => g.text)).toEqual(['2', '2', '0', '0', '0']);
    // The grid keeps the unscored column the terminal shows: one account of fit tier 3 has no PURE score.
    expect(await page.$$eval('svg[data-testid="chart-grid"] g[data-testid="grid-unscored"] .cell-value', (gs) => gs.map((g) => g.textContent))).toEqual(['0', '0', '1']);
    expect(seen.bets.find((c) => c.status === 'running')?.cards[0]).toEqual({ id: 'cold-chain-compliance-messaging', overdue: 'true' });
    expect(seen.kpis.find((k) => k.id === 'pipeline-velocity')).toEqual({ id: 'pipeline-velocity', status: 'met', latest: '61', statusText: 'met' });
    const colour = await page.$eval('[data-testid="kpi-status-brand-authority-index"]', (el) => (globalThis as any).getComputedStyle(el).color);
    expect(colour).toBe('rgb(180, 35, 24)');
  });

  it('draws ROI per quarter as columns and win rate by tier as bars, with the JSON numbers, visible', async () => {
    await open(htmlPath);
    const columns = await page.$$eval('[data-testid="chart-roi-column"]', (els) => els.map((e) => [e.getAttribute('data-key'), e.getAttribute('data-value'), Math.round(Number(e.querySelector('rect')?.getAttribute('height')))]));
    // 2026-Q2 has no investment (no column), Q3 222%, Q4 195.4%: the Q3 column is the tallest.
    expect(columns.map(([k, v]) => [k, v])).toEqual(report.roi.periods.map((p: { period: string; roi: number | null }) => [p.period, p.roi === null ? '' : String(p.roi)]));
    expect(columns.map(([, , h]) => h)).toEqual([0, 150, 132]);
    const bars = await page.$$eval('[data-testid="chart-calibration-fit-bar"]', (els) => els.map((e) => [e.getAttribute('data-key'), e.getAttribute('data-value'), Math.round(Number(e.querySelector('rect')?.getAttribute('width')))]));
    expect(bars).toEqual([
      ['fit-1', '60', 261], // 60 ÷ 66.7 × 290 = 260.9
      ['fit-2', '66.7', 290],
      ['fit-3', '20', 87],
    ]);
    expect(await page.$eval('[data-testid="calibration-verdict"]', (e) => e.getAttribute('data-verdict'))).toBe('predictive');
    const visible = await page.$eval('[data-testid="chart-roi"]', (e) => { const r = e.getBoundingClientRect(); return r.width > 100 && r.height > 100; });
    expect(visible).toBe(true);
  });

  it('fails when a chart is missing or a number is wrong', async () => {
    const html = readFileSync(htmlPath, 'utf8');
    const broken = html
      .replace(/<svg data-testid="chart-grid"[\s\S]*?<\/svg>/, '')
      .replace('data-testid="pure-count-1">3<', 'data-testid="pure-count-1">5<')
      .replace('data-testid="kpi-latest-deal-influence-rate">1<', 'data-testid="kpi-latest-deal-influence-rate">0.87<');
    const path = join(tempDir(), 'broken.html');
    writeFileSync(path, broken);
    await open(path);
    const problems = differences(await readPage(page), report);
    expect(problems).toContain('chart-grid: chart missing');
    expect(problems).toContain('PURE T1 table: the page shows "5", the JSON says 3');
    expect(problems).toContain('KPI deal-influence-rate latest: the page shows "0.87", the JSON says 1');
    expect(problems).toContain('grid fit T1 × PURE T1: the page shows undefined, the JSON says 2');
  });

  it('says there is nothing yet on an empty workspace', async () => {
    const dir = makeWorkspace({ 'abx.config.yaml': 'version: 1\ncompany: Empty Co\nas_of: 2026-11-24\n' });
    await open(writeReport(dir));
    const seen = await readPage(page);
    expect(seen.text['empty-tiers']).toBe('No accounts yet: add one with abx new account <id>.');
    expect(seen.text['empty-bets']).toBe('No bets yet: add one with abx new bet <id>.');
    expect(seen.text['empty-signals']).toBe('No accounts yet: add one with abx new account <id>.');
    expect(seen.text['empty-kpis']).toMatch(/^No KPI records yet/);
    expect(seen.charts.filter((c) => c.found).map((c) => c.id)).toEqual(['chart-budget']);
    expect(seen.kpis.map((k) => k.status)).toEqual(Array(11).fill('no-data'));
  });

  it('keeps long names inside their cards, and numbers and ranges on one line', async () => {
    const dir = exampleWorkspace();
    const longWord = `Q${'x'.repeat(148)}Z`;
    for (const file of ['bets/linkedin-1-few-3pl.md', 'segments/cold-chain-pharma.md']) {
      const path = join(dir, file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^name: .*$/m, `name: ${file.startsWith('bets') ? longWord : `Segment ${'with-a-very-long-hyphenated-name-'.repeat(6)}end`}`));
    }
    const killPath = join(dir, 'bets/signal-desk-72h.md');
    writeFileSync(killPath, readFileSync(killPath, 'utf8').replace(/^kill_condition: .*$/m, `kill_condition: Stop when fewer than 10-12 replies arrive in ${'w'.repeat(120)} weeks`));
    await page.setViewportSize({ width: 1024, height: 900 });
    try {
      await open(writeReport(dir));
      const seen = await page.evaluate(() => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const doc = (globalThis as any).document;
        const cards = Array.from(doc.querySelectorAll('section, .bet, .column, .stat')) as any[];
        const wide: string[] = [];
        for (const card of cards) {
          const box = card.getBoundingClientRect();
          if (card.scrollWidth > card.clientWidth + 1) wide.push(`${card.className || card.tagName}: scrollWidth ${card.scrollWidth} > clientWidth ${card.clientWidth}`);
          for (const el of Array.from(card.querySelectorAll('*')) as any[]) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.right > box.right + 1) wide.push(`${el.tagName} in ${card.className || card.tagName} ends at ${Math.round(r.right)} > ${Math.round(box.right)}`);
          }
        }
        const ranges = (Array.from(doc.querySelectorAll('.nb')) as any[]).filter((el) => /\d-\d/.test(el.textContent)).map((el) => ({ text: el.textContent, lines: el.getClientRects().length }));
        return { wide: [...new Set(wide)].slice(0, 10), ranges, pageWide: doc.documentElement.scrollWidth > doc.documentElement.clientWidth };
      });
      expect(seen.wide).toEqual([]);
      expect(seen.pageWide).toBe(false);
      expect(seen.ranges.some((r) => r.text === '10-12')).toBe(true);
      expect(seen.ranges.filter((r) => r.lines !== 1)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

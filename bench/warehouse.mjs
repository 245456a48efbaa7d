/**
 * The warehouse row of `npm run bench` (issue #16): the view of `abx sql` over 1,000,000
 * generated accounts in DuckDB, beside abx's own scoring of the 50,000-account workspace.
 * The million accounts are generated inside DuckDB, in the layout of `export --format tables`
 * (about 13 million rows over five tables), with the model of the 50k workspace.
 * Replaces the "## Warehouse" section of bench/results.md and leaves the rest as it is.
 *
 *   node bench/warehouse.mjs            (run by bench/run.mjs at its end; needs dist/ built)
 *   BENCH_WAREHOUSE_ACCOUNTS=100000     fewer accounts, for a smoke run
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..');
const ABX = join(REPO, 'bin', 'abx.js');
const N = Number(process.env.BENCH_WAREHOUSE_ACCOUNTS ?? 1_000_000);
const IN_PROCESS = 50_000;
const REPS = 3;
const log = (s) => process.stderr.write(`${s}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const ws = join(HERE, 'work', 'a50k');
log(`workspace of ${IN_PROCESS} accounts: ${generateWorkspace(IN_PROCESS, ws) ? 'generated' : 'up to date'}`);

// abx's own scoring: the CLI reads, validates and scores every file.
const scoreTimes = [];
for (let i = 0; i < REPS; i++) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [ABX, 'score', '--format', 'json'], { cwd: ws, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`abx score failed: ${r.stderr}`);
  scoreTimes.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
const scoreSeconds = median(scoreTimes);
log(`abx score --format json, ${IN_PROCESS} accounts: ${scoreSeconds.toFixed(3)} s`);

// abx's scoring alone, in process through the library: the accounts parsed once, then scored.
const lib = await import(join(REPO, 'dist', 'index.js'));
const loaded = await lib.loadWorkspace(ws);
const parsed = [...loaded.analysis.accounts.values()].map((e) => ({ id: e.id, account: e.data, segment: e.data.segment ? loaded.analysis.segments.get(e.data.segment)?.data : undefined }));
const inProcessTimes = [];
for (let i = 0; i < REPS; i++) {
  const t = process.hrtime.bigint();
  for (const p of parsed) lib.scoreAccount(p.account, { id: p.id, asOf: loaded.asOf, config: loaded.config, segment: p.segment });
  inProcessTimes.push(Number(process.hrtime.bigint() - t) / 1e9);
}
const inProcessSeconds = median(inProcessTimes);
log(`scoreAccount in process, ${parsed.length} accounts: ${inProcessSeconds.toFixed(3)} s`);

const view = execFileSync(process.execPath, [ABX, 'sql', '--dialect', 'duckdb'], { cwd: ws, encoding: 'utf8' });

const SEGMENTS = ['cold-chain-pharma', 'regional-3pl', 'industrial-manufacturing', 'electronics-oem', 'retail-distribution', 'food-beverage', 'medical-devices', 'specialty-chemicals'];
const INDUSTRIES = ['Logistics', 'Pharmaceuticals', 'Life Sciences', 'Medical Devices', 'Industrial Machinery', 'Electronics', 'Retail', 'Food & Beverage'];
const REGIONS = ['North America', 'Europe', 'Asia Pacific', 'Latin America'];
const STACK = ['sap', 'snowflake', 'salesforce', 'netsuite', 'servicenow', 'veeva', 'oracle', 'tableau', 'hubspot', 'workday', 'dynamics'];
const ACTIVITIES = ['website-visit', 'website-visit', 'website-visit', 'content-download', 'content-download', 'event-registration', 'demo-request', 'meeting-scheduled', 'opportunity-created'];
const list = (xs) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
// hash() of several values is not independent across them here: hash one string of them instead.
const rand = (seed, n) => `(hash(concat_ws('|', i, ${seed})) % ${n})`;
const pick = (xs, seed) => `${list(xs)}[1 + ${rand(seed, xs.length)}::INTEGER]`;

const load = loadavg()[0];
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const t0 = process.hrtime.bigint();
await db.run(`
CREATE TABLE accounts AS SELECT
  printf('account-%07d', i) AS id, 'Account ' || i AS name, ${pick(SEGMENTS, 1)} AS segment, NULL::VARCHAR AS domain, NULL::VARCHAR AS owner, NULL::VARCHAR AS motion,
  (${rand(2, 4)})::INTEGER AS pure_painful, (${rand(3, 4)})::INTEGER AS pure_urgent, (${rand(4, 4)})::INTEGER AS pure_recognized, (${rand(5, 4)})::INTEGER AS pure_expensive,
  NULL::DECIMAL(12,9) AS fit_firmographic, NULL::DECIMAL(12,9) AS fit_technographic, (${rand(6, 101)})::DECIMAL(12,9) AS fit_intent, NULL::DECIMAL(12,9) AS fit_engagement,
  TRUE AS has_firmographics, TRUE AS has_technographics, TRUE AS has_engagement,
  ${pick(INDUSTRIES, 7)} AS industry, (50 + ${rand(8, 29951)})::DOUBLE AS employees, ((5 + ${rand(9, 4996)}) * 1000000)::DOUBLE AS revenue_usd, ${pick(REGIONS, 10)} AS region, NULL::VARCHAR AS file
FROM range(${N}) t(i);
CREATE TABLE firmographics AS
  SELECT id AS account_id, 'industry' AS fact, industry AS value, lower(industry) AS value_key, NULL::DOUBLE AS value_number FROM accounts
  UNION ALL SELECT id, 'employees', employees::VARCHAR, employees::VARCHAR, employees FROM accounts
  UNION ALL SELECT id, 'revenue_usd', revenue_usd::VARCHAR, revenue_usd::VARCHAR, revenue_usd FROM accounts
  UNION ALL SELECT id, 'region', region, lower(region), NULL FROM accounts;
CREATE TABLE stack AS SELECT printf('account-%07d', i) AS account_id, ${pick(STACK, 11 + 0)} AS technology, ${pick(STACK, 11 + 0)} AS technology_key FROM range(${N}) t(i)
  UNION ALL SELECT printf('account-%07d', i), ${pick(STACK, 12)}, ${pick(STACK, 12)} FROM range(${N}) t(i)
  UNION ALL SELECT printf('account-%07d', i), ${pick(STACK, 13)}, ${pick(STACK, 13)} FROM range(${N}) t(i);
CREATE TABLE engagement AS SELECT printf('account-%07d', i) AS account_id, DATE '2026-11-24' - (1 + ${rand('k, 14', 150)})::INTEGER AS date, ${pick(ACTIVITIES, 'k, 15')} AS type, NULL::VARCHAR AS note
  FROM range(${N}) t(i), range(3) r(k);
CREATE TABLE committee AS SELECT printf('account-%07d', i) AS account_id, 'P' || k AS name, 'T' AS title, 'champion' AS role,
  ${pick(['cold', 'warm', 'engaged', 'engaged'], 'k, 16')} AS status, ${pick(['c-level', 'vp', 'director', 'manager', 'individual'], 'k, 17')} AS seniority,
  DATE '2026-11-24' - (1 + ${rand('k, 18', 120)})::INTEGER AS last_engaged
  FROM range(${N}) t(i), range(4) r(k);
CREATE TABLE signals (account_id VARCHAR, type VARCHAR, date DATE, summary VARCHAR, source VARCHAR, first_touch TIMESTAMP);
`);
const generated = Number(process.hrtime.bigint() - t0) / 1e9;
const rows = (await db.runAndReadAll('SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM firmographics) + (SELECT count(*) FROM stack) + (SELECT count(*) FROM engagement) + (SELECT count(*) FROM committee) AS n')).getRowObjectsJson()[0].n;
log(`generated ${N} accounts, ${rows} rows in ${generated.toFixed(1)} s`);
await db.run(view);

// Materialising every column of the view makes DuckDB compute all of it.
const viewTimes = [];
for (let i = 0; i < REPS; i++) {
  await db.run('DROP TABLE IF EXISTS scored');
  const t = process.hrtime.bigint();
  await db.run('CREATE TABLE scored AS SELECT * FROM abx_scores');
  viewTimes.push(Number(process.hrtime.bigint() - t) / 1e9);
}
const viewSeconds = median(viewTimes);
const check = (await db.runAndReadAll('SELECT count(*) AS n, count(DISTINCT fit_score) AS scores, sum(mqa::INTEGER) AS mqa FROM scored')).getRowObjectsJson()[0];
log(`view over ${N} accounts: ${viewSeconds.toFixed(3)} s (${check.n} rows, ${check.scores} distinct fit scores, ${check.mqa} MQAs)`);
const threads = (await db.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjectsJson()[0].t;
db.closeSync();
instance.closeSync();

const perSecond = (n, s) => Math.round(n / s).toLocaleString('en-US');
const section = [
  '## Warehouse',
  '',
  `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`node bench/warehouse.mjs\` (part of \`npm run bench\`), ${availableParallelism()} CPUs, DuckDB threads: ${threads}, medians of ${REPS}, load average ${load.toFixed(1)} when the view ran (other work on the machine slows every row alike).`,
  `The view of \`abx sql --dialect duckdb\` (the model of the 50k workspace: 8 segments, default weights) over ${N.toLocaleString('en-US')} accounts generated in DuckDB in the layout of \`export --format tables\` (${Number(rows).toLocaleString('en-US')} rows: 4 facts, 3 technologies, 3 activities and 4 committee members per account), materialised with \`CREATE TABLE ... AS SELECT * FROM abx_scores\`; beside it, abx scoring the 50,000-account workspace itself.`,
  '',
  '| what | accounts | median | accounts per second |',
  '|---|---|---|---|',
  `| view \`abx_scores\` in DuckDB | ${N.toLocaleString('en-US')} | ${viewSeconds.toFixed(3)} s | ${perSecond(N, viewSeconds)} |`,
  `| \`abx score --format json\` (reads, validates and scores every file) | ${IN_PROCESS.toLocaleString('en-US')} | ${scoreSeconds.toFixed(3)} s | ${perSecond(IN_PROCESS, scoreSeconds)} |`,
  `| \`scoreAccount\` in process (the library; accounts parsed beforehand) | ${parsed.length.toLocaleString('en-US')} | ${inProcessSeconds.toFixed(3)} s | ${perSecond(parsed.length, inProcessSeconds)} |`,
  '',
].join('\n');

const results = join(HERE, 'results.md');
const before = existsSync(results) ? readFileSync(results, 'utf8') : '# Benchmark results\n';
const start = before.indexOf('## Warehouse');
const rest = start < 0 ? '' : before.slice(start).replace(/^## Warehouse[\s\S]*?(?=^## |$(?![\s\S]))/m, '');
const kept = start < 0 ? before : before.slice(0, start) + rest;
writeFileSync(results, `${kept.trimEnd()}\n\n${section}`);
process.stdout.write(`\n${section}`);

/**
 * The SQL of `abx sql` for the engines no test can run here (BigQuery, Snowflake): golden files,
 * and a parser that knows those dialects (node-sql-parser). DuckDB and PostgreSQL run the SQL for
 * real in test/e2e/warehouse.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pkg from 'node-sql-parser';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { quote } from '../../src/core/sql/dialect.js';
import { buildModel } from '../../src/core/sql/model.js';
import { sqlScript } from '../../src/core/sql/view.js';
import type { ConfigFile } from '../../src/core/config-schema.js';
import type { Segment } from '../../src/core/kinds/segment.js';
import { tableCsv } from '../../src/format/export/tables.js';
import { guardFormula, TABLES } from '../../src/core/sql/tables.js';
import { FIXTURES } from '../helpers.js';

const CONFIG: ConfigFile = {
  version: 1,
  scoring: {
    weights: { firmographic: 37.5, technographic: 12.5, intent: 33.3, engagement: 16.7 },
    fit_tiers: [72.55, 41.05],
    engagement: { window_days: 30, cap: 37.5, points: { webinar: 2.5, "o'reilly-talk": 3, '=formula': 7 } },
    mqa: { window_days: 45, min_engaged: 2, min_senior: 1, senior_levels: ['vp', 'c-level'] },
  },
  icp: { criteria: { firmographic: { industry: ['SaaS', ' FinTech ', 42], employees: { min: 100 } }, technographic: { stack: ['Salesforce', 'snowflake', 'SNOWFLAKE', 'back\\slash'] } } },
};

const SEGMENTS = new Map<string, Segment>([
  ['pharma', { name: 'Pharma', criteria: { firmographic: { revenue_usd: { max: 250000000.5 } }, technographic: { stack: ['sap'] } } }],
  ['same-as-pharma', { name: 'Same', criteria: { firmographic: { revenue_usd: { max: 250000000.5 } } } }],
  ['empty', { name: 'Empty', criteria: { firmographic: {} } }],
]);

const model = (asOf: string | null) => buildModel(resolveConfig(CONFIG).config, SEGMENTS, asOf);
const golden = (name: string) => readFileSync(join(FIXTURES, 'sql', name), 'utf8');
const { Parser } = pkg;

describe('abx sql for BigQuery and Snowflake', () => {
  for (const dialect of ['bigquery', 'snowflake'] as const) {
    for (const [variant, asOf, dbt] of [['view', '2026-11-24', false], ['current-date-dbt', null, true]] as const) {
      test(`${dialect}: ${variant} is the golden file and parses as ${dialect}`, () => {
        const sql = sqlScript(model(asOf), { dialect, dbt });
        expect(sql).toBe(golden(`${dialect}-${variant}.sql`));
        // dbt's Jinja is not SQL: the parser reads the model with the refs as table names.
        const plain = sql.replace(/\{\{ config\([^}]*\}\}/, '').replace(/\{\{ ref\('(\w+)'\) \}\}/g, '$1');
        const ast = new Parser().astify(plain, { database: dialect === 'bigquery' ? 'BigQuery' : 'Snowflake' });
        expect(Array.isArray(ast) ? ast.length : 1).toBe(1);
      });
    }
  }

  test('--load from Cloud Storage (BigQuery) and a stage (Snowflake): table statements for the engine, then one load per table', () => {
    for (const [dialect, from] of [['bigquery', 'gs://bucket/abx/'], ['snowflake', '@abx_stage/t']] as const) {
      const sql = sqlScript(model('2026-11-24'), { dialect, load: from });
      const view = sql.indexOf('CREATE OR REPLACE VIEW');
      expect(sql.slice(0, view)).toBe(golden(`${dialect}-load.sql`));
      expect(sql.slice(view)).toBe(golden(`${dialect}-view.sql`));
    }
    expect(() => sqlScript(model(null), { dialect: 'bigquery', load: '/t' })).toThrow('--load for bigquery names a Cloud Storage folder (gs://bucket/path), not "/t"');
    expect(() => sqlScript(model(null), { dialect: 'snowflake', load: "t'; DROP" })).toThrow('--load for snowflake names a stage (@stage/path)');
    expect(() => sqlScript(model(null), { dialect: 'postgres', load: '/t\n\\! rm -rf ~' })).toThrow('--load names a folder without line breaks');
  });
});

describe('the model as integers', () => {
  test('weights, points and cap are scaled to integers, tiers to tenths as abx compares them', () => {
    const m = model('2026-11-24');
    expect(m.weightScale).toBe(1);
    expect(m.weights).toEqual({ firmographic: 375n, technographic: 125n, intent: 333n, engagement: 167n });
    expect(m.engagement.cap).toBe(375n);
    // The default table and the config's own types, in tenths of a point (2.5 needs one place).
    expect(m.engagement.points.map((p) => `${p.type}=${p.points}`)).toEqual([
      '=formula=70',
      'content-download=50',
      'demo-request=250',
      'event-registration=100',
      'meeting-scheduled=500',
      "o'reilly-talk=30",
      'opportunity-created=1000',
      'webinar=25',
      'website-visit=10',
    ]);
    // 72.55 → the first tenth at or above it is 72.6; 41.05 → 41.1.
    expect(m.tierTenths).toEqual([726, 411]);
    // Segments with the same criteria share one route; a segment with empty criteria computes nothing.
    expect(m.firm.map((r) => [r.segments, r.set?.length ?? null])).toEqual([
      [['empty'], null],
      [['pharma', 'same-as-pharma'], 1],
      [undefined, 2],
    ]);
    expect(m.tech.map((r) => [r.segments, r.set])).toEqual([
      [['pharma'], ['sap']],
      [undefined, ['salesforce', 'snowflake', 'back\\slash']],
    ]);
    // lcm(10^9 for given values, 375 for the cap, 1 and 2 criteria, 1 and 3 technologies).
    expect(m.commonDenominator).toBe(3_000_000_000n);
  });

  test('string literals are quoted for each engine', () => {
    expect(quote('postgres', "o'reilly \\n")).toBe("'o''reilly \\n'");
    expect(quote('duckdb', "o'reilly")).toBe("'o''reilly'");
    expect(quote('snowflake', "o'reilly \\n")).toBe("'o''reilly \\\\n'");
    expect(quote('bigquery', "o'reilly \\n\n")).toBe("'o\\'reilly \\\\n\\n'");
  });
});

describe('docs/warehouse.md', () => {
  test('documents every column of every table, in order', () => {
    const doc = readFileSync(join(FIXTURES, '..', '..', 'docs', 'warehouse.md'), 'utf8');
    for (const table of TABLES) {
      const start = doc.indexOf(`### \`${table.name}.csv\``);
      expect(start, table.name).toBeGreaterThan(0);
      const section = doc.slice(start, doc.indexOf('\n#', start + 4));
      const documented = [...section.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
      expect(documented, table.name).toEqual(table.columns.map((c) => c.name));
    }
  });
});

describe('the tables as CSV', () => {
  test('formula-like text is neutralised; numbers, dates and empty text are written as loaders read them', () => {
    expect(['=1+1', '+x', '-x', '@x', '\tx', '\rx', 'plain', "'=kept"].map(guardFormula)).toEqual(["'=1+1", "'+x", "'-x", "'@x", "'\tx", "'\rx", 'plain', "'=kept"]);
    const engagement = TABLES.find((t) => t.name === 'engagement');
    if (!engagement) throw new Error('no engagement table');
    expect(tableCsv(engagement, [['a', '2026-11-24', '=formula', 'say "hi", then, go'], ['b', '2026-11-23', 'webinar', ''], ['c', '2026-11-22', 'webinar', null]])).toBe(
      'account_id,date,type,note\r\na,2026-11-24,\'=formula,"say ""hi"", then, go"\r\nb,2026-11-23,webinar,""\r\nc,2026-11-22,webinar,\r\n',
    );
  });
});

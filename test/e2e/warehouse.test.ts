/**
 * Proof of exactness (issue #16): the tables of `export --format tables` loaded into DuckDB and
 * into a real PostgreSQL server, the view of `abx sql` run over them, and every field of every
 * account required to equal `abx score --format json`: for the example workspace, every rule
 * fixture workspace that scores, and a generated workspace of edge cases.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { modelOfAnalysis, sqlScript, tablesOfAnalysis, VIEW_COLUMNS, type DialectName } from '../../src/core/sql/index.js';
import { accountJson } from '../../src/format/score/rows.js';
import { tableFiles } from '../../src/format/export/tables.js';
import { ConfigInvalid, loadWorkspace } from '../../src/workspace/load.js';
import { exampleWorkspace, FIXTURES, makeWorkspace, runAbx, tempDir } from '../helpers.js';
import { startPostgres, type Postgres } from '../postgres.js';
import { writeGeneratedWorkspace } from '../warehouse-workspace.js';

type Row = Record<(typeof VIEW_COLUMNS)[number], string | number | boolean | null>;

const TODAY = '2026-11-24';
const GENERATED_ACCOUNTS = 10_000;

/** The view's row of an account of `abx score --format json`. */
function expectedRow(j: ReturnType<typeof accountJson>): Row {
  return {
    id: j.id,
    pure_total: j.pure?.total ?? null,
    pure_tier: j.pure?.tier ?? null,
    fit_firmographic: j.fit.firmographic,
    fit_technographic: j.fit.technographic,
    fit_intent: j.fit.intent,
    fit_engagement: j.fit.engagement,
    fit_score: j.fit.score,
    fit_tier: j.fit.tier,
    engaged_stakeholders: j.engagedStakeholders,
    mqa: j.mqa,
  };
}

const byId = (a: Row, b: Row) => (String(a.id) < String(b.id) ? -1 : 1);
const DECIMALS = ['fit_firmographic', 'fit_technographic', 'fit_intent', 'fit_engagement', 'fit_score'];
const resultQuery = (double: string) => `SELECT ${VIEW_COLUMNS.map((c) => (DECIMALS.includes(c) ? `CAST(${c} AS ${double}) AS ${c}` : c)).join(', ')} FROM abx_scores ORDER BY id`;

interface Prepared {
  name: string;
  dir: string;
  expected: Row[];
  tables: string;
  script: (dialect: DialectName) => string;
}

/** Loads a workspace the way the CLI does and writes its tables; undefined when it does not score. */
async function prepare(name: string, dir: string, asOf?: string, viewAsOf?: null): Promise<Prepared | undefined> {
  let ws;
  try {
    ws = await loadWorkspace({ cwd: dir, today: TODAY, asOf });
  } catch (err) {
    if (err instanceof ConfigInvalid) return undefined;
    throw err;
  }
  if (ws.analysis.scores.size === 0) return undefined;
  const tables = join(tempDir('abx-tables-'), 'tables');
  mkdirSync(tables);
  for (const [file, text] of tableFiles(tablesOfAnalysis(ws.analysis))) writeFileSync(join(tables, file), text);
  const expected = [...ws.analysis.scores.values()].map((s) => expectedRow(accountJson(s))).sort(byId);
  // viewAsOf null: the view takes the engine's current date instead of the analysis's.
  const model = modelOfAnalysis(ws.analysis, viewAsOf === null ? null : ws.analysis.asOf);
  return { name, dir, expected, tables, script: (dialect) => sqlScript(model, { dialect, load: tables }) };
}


async function inDuckDb(script: string): Promise<Row[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(script);
    const reader = await connection.runAndReadAll(resultQuery('DOUBLE'));
    return (reader.getRowObjectsJson() as Row[]).sort(byId);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function inPostgres(pg: Postgres, schema: string, script: string): Row[] {
  const out = pg.psql(`DROP SCHEMA IF EXISTS ${schema} CASCADE;\nCREATE SCHEMA ${schema};\nSET search_path TO ${schema};\n${script}\nCOPY (${resultQuery('DOUBLE PRECISION')}) TO STDOUT WITH (FORMAT csv, HEADER true);\n`);
  const records = parse(out, { columns: true }) as Record<string, string>[];
  return records
    .map((r) => {
      const row = {} as Row;
      for (const c of VIEW_COLUMNS) {
        const v = r[c] ?? '';
        row[c] = c === 'id' ? v : v === '' ? null : c === 'mqa' ? v === 't' : Number(v);
      }
      return row;
    })
    .sort(byId);
}

// Every workspace of the proof, with its tables and abx's own scores, prepared once for both engines.
const prepared: Prepared[] = [];
let pg: Postgres | undefined;

async function addWorkspace(name: string, dir: string) {
  const p = await prepare(name, dir);
  if (p) prepared.push(p);
}

beforeAll(async () => {
  await addWorkspace('example', exampleWorkspace());
  const rules = join(FIXTURES, 'rules');
  for (const rule of readdirSync(rules).sort()) {
    for (const side of ['pass', 'fail']) await addWorkspace(`rules/${rule}/${side}`, join(rules, rule, side));
  }
  // Names and values a CSV file and an SQL literal must both survive: commas, quotes, line breaks, formulas.
  await addWorkspace(
    'hostile',
    makeWorkspace({
      'abx.config.yaml': [
        'version: 1',
        'as_of: 2026-11-24',
        'scoring:',
        '  engagement:',
        '    points: { "it\'s, \\"quoted\\"\\nline": 40, "@at": 3 }',
        'icp:',
        '  criteria:',
        '    firmographic:',
        '      "we,ird \\"fact\\"": ["Multi\\nLine", "o\'brien", "back\\\\slash"]',
        '      "=cmd": { min: 1 }',
        '    technographic:',
        '      stack: ["a,b", "\\"q\\"", "+plus"]',
        '',
      ].join('\n'),
      'accounts/h.md': '---\nname: "Hostile, \\"Inc\\"\\nTwo"\nfirmographics:\n  "we,ird \\"fact\\"": "multi\\nline"\n  "=cmd": "-5"\ntechnographics:\n  stack: ["A,B", " \\"Q\\" ", "+PLUS"]\nengagement:\n  - { date: 2026-11-20, type: "it\'s, \\"quoted\\"\\nline" }\n  - { date: 2026-11-21, type: "@at" }\n---\n',
      'accounts/g.md': '---\nname: Good\nfirmographics:\n  "we,ird \\"fact\\"": "Back\\\\Slash"\n  "=cmd": 3\n---\n',
    }),
  );
  const generated = join(tempDir(), 'generated');
  writeGeneratedWorkspace(generated, GENERATED_ACCOUNTS);
  await addWorkspace('generated', generated);
  try {
    pg = startPostgres();
  } catch (err) {
    // Installed but not startable here: the PostgreSQL tests say so and skip, unless CI requires them.
    if (process.env.ABX_REQUIRE_POSTGRES === '1') throw err;
    console.warn(`PostgreSQL could not be started: ${String(err)}`);
  }
}, 120_000);

afterAll(() => pg?.stop());

describe('the view equals abx score on every account', () => {
  test('the workspaces of the proof are there', () => {
    const names = prepared.map((p) => p.name);
    expect(names).toContain('example');
    expect(names).toContain('generated');
    expect(names).toContain('hostile');
    // The hostile names matched: formula-like, quoted, multi-line, with commas and backslashes.
    expect(prepared.find((p) => p.name === 'hostile')?.expected.map((r) => [r.id, r.fit_firmographic, r.fit_technographic, r.fit_engagement])).toEqual([
      ['g', 100, 0, 0],
      ['h', 50, 100, 43],
    ]);
    expect(names.filter((n) => n.startsWith('rules/')).length).toBeGreaterThan(30);
    expect(prepared.find((p) => p.name === 'generated')?.expected.length).toBe(GENERATED_ACCOUNTS);
  });

  test('in DuckDB', async () => {
    for (const p of prepared) {
      const rows = await inDuckDb(p.script('duckdb'));
      expect({ workspace: p.name, rows }).toEqual({ workspace: p.name, rows: p.expected });
    }
  }, 120_000);

  test('in PostgreSQL', (ctx) => {
    if (!pg) {
      if (process.env.ABX_REQUIRE_POSTGRES === '1') throw new Error('PostgreSQL is not installed, and ABX_REQUIRE_POSTGRES=1 requires this suite');
      console.warn('SKIPPED: the PostgreSQL proof of exactness (no initdb/pg_ctl found; install Debian postgresql)');
      ctx.skip();
      return;
    }
    prepared.forEach((p, i) => {
      const rows = inPostgres(pg as Postgres, `w${i}`, p.script('postgres'));
      expect({ workspace: p.name, rows }).toEqual({ workspace: p.name, rows: p.expected });
    });
  }, 120_000);

  test('the generated workspace reaches the edges it was made for', () => {
    const rows = prepared.find((p) => p.name === 'generated')?.expected ?? [];
    const scores = new Set(rows.map((r) => r.fit_score));
    // Unscored accounts, every fit tier, MQA both ways, the engagement cap.
    expect(rows.some((r) => r.pure_total === null)).toBe(true);
    expect(new Set(rows.map((r) => r.fit_tier))).toEqual(new Set([1, 2, 3]));
    expect(new Set(rows.map((r) => r.mqa))).toEqual(new Set([true, false]));
    expect(rows.some((r) => r.fit_engagement === 100)).toBe(true);
    expect(scores.size).toBeGreaterThan(200);
  });
});

describe('without an as-of date the view uses the engine\'s current date', () => {
  /** abx's scores of the example workspace as of the engine's today, and the view built with no date. */
  async function asOfToday(today: string) {
    const p = (await prepare('example-today', (prepared.find((x) => x.name === 'example') as Prepared).dir, today, null)) as Prepared;
    return { expected: p.expected, script: p.script };
  }

  test('in DuckDB', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const today = String((await connection.runAndReadAll('SELECT CAST(CURRENT_DATE AS VARCHAR) AS d')).getRowObjectsJson()[0]?.d);
    connection.closeSync();
    instance.closeSync();
    const { expected, script } = await asOfToday(today);
    expect(script('duckdb')).toContain('(CURRENT_DATE - 90)');
    expect(await inDuckDb(script('duckdb'))).toEqual(expected);
  }, 60_000);

  test('in PostgreSQL', async (ctx) => {
    if (!pg) return ctx.skip();
    const today = pg.psql('COPY (SELECT CURRENT_DATE) TO STDOUT;').trim();
    const { expected, script } = await asOfToday(today);
    expect(inPostgres(pg, 'today', script('postgres'))).toEqual(expected);
  }, 60_000);
});

describe('through the CLI, as a user runs it', () => {
  test('usage errors are explained, with exit status 2', () => {
    const ws = exampleWorkspace();
    const cases: [string[], string][] = [
      [['export', '--format', 'tables'], '--format tables writes several files: name a folder with --out <dir>'],
      [['sql', '--dialect', 'bigquery', '--load', 't/'], '--load for bigquery names a Cloud Storage folder (gs://bucket/path), not "t/"'],
      [['sql', '--load', 't/', '--dbt'], '--load and --dbt do not go together'],
      [['sql', '--dialect', 'oracle'], "argument 'oracle' is invalid"],
    ];
    for (const [args, message] of cases) {
      const r = runAbx(['-C', ws, ...args]);
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(r.stderr).toContain(message);
    }
  });

  test('sql --dbt names the tables with ref() and --as-of is the date of the view', () => {
    const r = runAbx(['-C', exampleWorkspace(), '--as-of', '2026-12-01', 'sql', '--dbt', '--dialect', 'postgres']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("{{ config(materialized='view') }}");
    expect(r.stdout).toContain("FROM {{ ref('accounts') }} a");
    expect(r.stdout).not.toContain('CREATE OR REPLACE VIEW');
    expect(r.stdout).toContain("date > DATE '2026-09-02' AND date <= DATE '2026-12-01'");
  });

  test('export --format tables, sql --load and score --format json agree in DuckDB and PostgreSQL', async () => {
    const ws = exampleWorkspace();
    const out = join(tempDir(), 'tables');
    const exported = runAbx(['-C', ws, 'export', '--format', 'tables', '--out', out]);
    expect(exported.stderr).toContain('Exported 14 accounts as tables');
    expect(readdirSync(out).sort()).toEqual(['accounts.csv', 'committee.csv', 'engagement.csv', 'firmographics.csv', 'schema.sql', 'signals.csv', 'stack.csv']);
    const json = JSON.parse(runAbx(['-C', ws, 'score', '--format', 'json']).stdout) as { accounts: Parameters<typeof accountJson>[0][] };
    const expected = (json.accounts as unknown as ReturnType<typeof accountJson>[]).map(expectedRow).sort(byId);
    const duck = runAbx(['-C', ws, 'sql', '--load', out]);
    expect(duck.code).toBe(0);
    expect(await inDuckDb(duck.stdout)).toEqual(expected);
    if (pg) {
      const postgres = runAbx(['-C', ws, 'sql', '--dialect', 'postgres', '--load', out]);
      expect(inPostgres(pg, 'cli', postgres.stdout)).toEqual(expected);
    }
  });
});

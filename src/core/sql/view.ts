/**
 * `abx sql`: one script that defines the view `abx_scores` over the tables of
 * `export --format tables` and computes, per account, what `abx score --format json` gives.
 *
 * Exactness: every component value is a fraction V/Q of integers (a given value is scaled by
 * 10^9, a criteria match count is over the criteria, engagement points are over the cap), the fit
 * score in tenths is Σ W·V·(M/Q) over 10^(w+1)·M, with M the common denominator of all Q, and the
 * one rounding, half away from zero, is an integer division. No floating point is involved.
 */
import { dayNumber, formatDay } from '../dates.js';
import { FIT_COMPONENTS, PURE_CRITERIA, type FitComponent } from '../schemas.js';
import { DIALECT, quote, type Dialect, type DialectName } from './dialect.js';
import type { FirmCriterion, Route, ScoringModel } from './model.js';
import { GIVEN_SCALE, guardFormula, TABLES, type TableName } from './tables.js';

export interface SqlOptions {
  dialect: DialectName;
  /** A dbt model: `{{ ref('accounts') }}` for table names and no CREATE VIEW. */
  dbt?: boolean;
  /** Create the tables and load them from this folder (absolute path) before the view. */
  load?: string;
  /** Lines for the header comment (what the model was built from). */
  header?: readonly string[];
}

export const VIEW_COLUMNS = ['id', 'pure_total', 'pure_tier', 'fit_firmographic', 'fit_technographic', 'fit_intent', 'fit_engagement', 'fit_score', 'fit_tier', 'engaged_stakeholders', 'mqa'] as const;

export function sqlScript(model: ScoringModel, options: SqlOptions): string {
  const d = DIALECT[options.dialect];
  const out: string[] = [];
  for (const line of options.header ?? []) out.push(`-- ${line}`);
  if (options.load !== undefined && !options.dbt) {
    // psql reads \copy to the end of the line: a line break in the path would end it early.
    if (/[\r\n]/.test(options.load)) throw new RangeError('--load names a folder without line breaks');
    if (options.dialect === 'bigquery' && !/^gs:\/\/[^\s']+$/.test(options.load)) throw new RangeError(`--load for bigquery names a Cloud Storage folder (gs://bucket/path), not "${options.load}"`);
    if (options.dialect === 'snowflake' && !/^@[\w.$/-]+$/.test(options.load)) throw new RangeError(`--load for snowflake names a stage (@stage/path), not "${options.load}"`);
    // The view depends on the tables: it goes first, so the script can run again.
    out.push('DROP VIEW IF EXISTS abx_scores;', createTables(d, true));
    for (const t of TABLES) out.push(d.load(t.name, joinPath(options.load, `${t.name}.csv`)));
    out.push('');
  }
  const table = (name: TableName) => (options.dbt ? `{{ ref('${name}') }}` : name);
  const select = viewSelect(model, d, table);
  if (options.dbt) out.push("{{ config(materialized='view') }}", '', select);
  else out.push(`CREATE OR REPLACE VIEW abx_scores AS\n${select};`);
  return `${out.join('\n')}\n`;
}

/** `CREATE TABLE` statements for every table; `replace` drops tables of the same name first. */
export function createTables(d: Dialect, replace: boolean): string {
  return TABLES.map((t) => {
    const cols = t.columns.map((c) => `  ${c.name} ${d.type(c.type)}`).join(',\n');
    return `${replace ? `DROP TABLE IF EXISTS ${t.name};\n` : ''}-- ${t.doc}\nCREATE TABLE ${t.name} (\n${cols}\n);`;
  }).join('\n');
}

function joinPath(dir: string, file: string): string {
  return `${dir.replace(/[\\/]+$/, '')}/${file}`;
}

function viewSelect(m: ScoringModel, d: Dialect, table: (name: TableName) => string): string {
  const q = (text: string) => quote(d.name, text);
  const bigint = (expr: string) => `CAST(${expr} AS ${d.bigint})`;
  // Text as export writes it may carry the formula guard: compare with both spellings.
  const inList = (col: string, values: readonly string[]) => {
    const all = values.flatMap((v) => (guardFormula(v) === v ? [v] : [v, guardFormula(v)]));
    return all.length === 0 ? 'FALSE' : `${col} IN (${all.map(q).join(', ')})`;
  };
  const double = (n: number) => `CAST(${q(String(n))} AS ${d.type('double')})`;

  const asOf = m.asOf === null ? d.currentDate : `DATE '${m.asOf}'`;
  const windowStart = (days: number) => {
    const day = m.asOf === null ? undefined : dayNumber(m.asOf);
    return day === undefined ? d.minusDays(d.currentDate, days) : `DATE '${formatDay(day - days)}'`;
  };
  const within = (col: string, days: number) => `${col} > ${windowStart(days)} AND ${col} <= ${asOf}`;

  // ------------------------------------------------ criteria matches, one column per criterion of each route
  const firmCols: string[] = [];
  const firmHits = m.firm.map((route, r) =>
    (route.set ?? []).map((criterion, i) => {
      const name = `f${r}_${i}`;
      firmCols.push(`    MAX(CASE WHEN ${inList('fact', [criterion.fact])} AND ${firmMatch(criterion, inList, double)} THEN 1 ELSE 0 END) AS ${name}`);
      return `COALESCE(fh.${name}, 0)`;
    }),
  );
  const techCols: string[] = [];
  const techHits = m.tech.map((route, r) =>
    (route.set ?? []).map((key, i) => {
      const name = `t${r}_${i}`;
      techCols.push(`    MAX(CASE WHEN ${inList('technology_key', [key])} THEN 1 ELSE 0 END) AS ${name}`);
      return `COALESCE(th.${name}, 0)`;
    }),
  );

  const ctes: string[] = [];
  if (firmCols.length > 0) ctes.push(`firm_hits AS (\n  SELECT account_id,\n${firmCols.join(',\n')}\n  FROM ${table('firmographics')}\n  GROUP BY account_id\n)`);
  if (techCols.length > 0) ctes.push(`tech_hits AS (\n  SELECT account_id,\n${techCols.join(',\n')}\n  FROM ${table('stack')}\n  GROUP BY account_id\n)`);

  const pointsCase = m.engagement.points.length === 0 ? '0' : `CASE ${m.engagement.points.map((p) => `WHEN ${inList('type', [p.type])} THEN ${p.points}`).join(' ')} ELSE 0 END`;
  ctes.push(
    `engagement_points AS (\n  SELECT account_id, SUM(${pointsCase}) AS points\n  FROM ${table('engagement')}\n  WHERE ${within('date', m.engagement.windowDays)}\n  GROUP BY account_id\n)`,
  );
  const engaged = `status = 'engaged' AND (last_engaged IS NULL OR (${within('last_engaged', m.mqa.windowDays)}))`;
  ctes.push(
    `committee_counts AS (\n  SELECT account_id,\n    SUM(CASE WHEN ${engaged} THEN 1 ELSE 0 END) AS engaged,\n    SUM(CASE WHEN ${engaged} AND ${inList('seniority', m.mqa.seniorLevels)} THEN 1 ELSE 0 END) AS senior\n  FROM ${table('committee')}\n  GROUP BY account_id\n)`,
  );

  // ------------------------------------------------ each component as V / Q
  const given = (c: FitComponent) => `a.fit_${c}`;
  const givenV = (c: FitComponent) => bigint(`CAST(${given(c)} AS ${d.decimal(38, GIVEN_SCALE)}) * ${10n ** BigInt(GIVEN_SCALE)}`);
  const givenQ = `${10n ** BigInt(GIVEN_SCALE)}`;
  const component = (c: FitComponent, computed: { when: string; v: string; q: string }[]) => {
    const v = [`WHEN ${given(c)} IS NOT NULL THEN ${givenV(c)}`, ...computed.map((x) => `WHEN ${x.when} THEN ${x.v}`)];
    const qs = [`WHEN ${given(c)} IS NOT NULL THEN ${givenQ}`, ...computed.map((x) => `WHEN ${x.when} THEN ${x.q}`)];
    return `    ${bigint(`CASE ${v.join(' ')} ELSE 0 END`)} AS ${c}_v,\n    ${bigint(`CASE ${qs.join(' ')} ELSE 1 END`)} AS ${c}_q`;
  };
  const routeWhen = <T>(routesOf: Route<T>[], r: number, has: string) => {
    const route = routesOf[r] as Route<T>;
    if (route.segments) return `${has} AND a.segment IN (${route.segments.map(q).join(', ')})`;
    const named = routesOf.flatMap((x) => x.segments ?? []);
    return named.length === 0 ? has : `${has} AND (a.segment IS NULL OR a.segment NOT IN (${named.map(q).join(', ')}))`;
  };
  const computedOf = <T extends readonly unknown[]>(routesOf: Route<T>[], hits: string[][], has: string) =>
    routesOf.flatMap((route, r) => (route.set ? [{ when: routeWhen(routesOf, r, has), v: `100 * (${(hits[r] as string[]).join(' + ')})`, q: String(route.set.length) }] : []));

  const cap = m.engagement.cap;
  const pureSum = PURE_CRITERIA.map((p) => `a.pure_${p}`).join(' + ');
  const pureKnown = PURE_CRITERIA.map((p) => `a.pure_${p} IS NOT NULL`).join(' AND ');
  ctes.push(
    [
      'parts AS (',
      '  SELECT a.id,',
      `    CASE WHEN ${pureKnown} THEN ${pureSum} END AS pure_total,`,
      component('firmographic', computedOf(m.firm, firmHits, 'a.has_firmographics')) + ',',
      component('technographic', computedOf(m.tech, techHits, 'a.has_technographics')) + ',',
      component('intent', []) + ',',
      component('engagement', [{ when: 'a.has_engagement', v: `100 * LEAST(COALESCE(ep.points, 0), ${cap})`, q: String(cap) }]) + ',',
      `    ${bigint('COALESCE(cc.engaged, 0)')} AS engaged,`,
      `    ${bigint('COALESCE(cc.senior, 0)')} AS senior`,
      `  FROM ${table('accounts')} a`,
      ...(firmCols.length > 0 ? ['  LEFT JOIN firm_hits fh ON fh.account_id = a.id'] : []),
      ...(techCols.length > 0 ? ['  LEFT JOIN tech_hits th ON th.account_id = a.id'] : []),
      '  LEFT JOIN engagement_points ep ON ep.account_id = a.id',
      '  LEFT JOIN committee_counts cc ON cc.account_id = a.id',
      ')',
    ].join('\n'),
  );

  // ------------------------------------------------ the fit score in tenths, rounded once
  const M = m.commonDenominator;
  const L = 10n ** BigInt(m.weightScale + 1) * M;
  if (2001n * L >= 2n ** 63n) throw new RangeError('the model needs more than 64-bit integers to be exact: use fewer decimal places in weights, points and cap');
  const numerator = FIT_COMPONENTS.map((c) => `${m.weights[c]} * ${c}_v * ${d.intDiv(String(M), `${c}_q`)}`).join(' + ');
  ctes.push(`totals AS (\n  SELECT p.*, ${d.intDiv(`2 * (${numerator}) + ${L}`, String(2n * L))} AS tenths\n  FROM parts p\n)`);

  const tenthsToDecimal = (expr: string) => `CAST(CAST(${expr} AS ${d.decimal(5, 1)}) * 0.1 AS ${d.decimal(4, 1)})`;
  const roundTenths = (c: FitComponent) => tenthsToDecimal(d.intDiv(`20 * ${c}_v + ${c}_q`, `2 * ${c}_q`));
  const [t1, t2] = m.tierTenths;
  const columns = [
    'id',
    `CAST(pure_total AS ${d.type('integer')}) AS pure_total`,
    `CAST(CASE WHEN pure_total IS NULL THEN NULL WHEN pure_total >= 10 THEN 1 WHEN pure_total >= 7 THEN 2 WHEN pure_total >= 4 THEN 3 WHEN pure_total >= 1 THEN 4 ELSE 5 END AS ${d.type('integer')}) AS pure_tier`,
    ...FIT_COMPONENTS.map((c) => `${roundTenths(c)} AS fit_${c}`),
    `${tenthsToDecimal('tenths')} AS fit_score`,
    `CAST(CASE WHEN tenths >= ${t1} THEN 1 WHEN tenths >= ${t2} THEN 2 ELSE 3 END AS ${d.type('integer')}) AS fit_tier`,
    `CAST(engaged AS ${d.type('integer')}) AS engaged_stakeholders`,
    `(engaged >= ${m.mqa.minEngaged} AND senior >= ${m.mqa.minSenior}) AS mqa`,
  ];
  return `WITH\n${ctes.join(',\n')}\nSELECT\n${columns.map((c) => `  ${c}`).join(',\n')}\nFROM totals`;
}

function firmMatch(criterion: FirmCriterion, inList: (col: string, values: readonly string[]) => string, double: (n: number) => string): string {
  if (criterion.kind === 'list') return inList('value_key', criterion.keys);
  const parts = ['value_number IS NOT NULL'];
  if (criterion.min !== undefined) parts.push(`value_number >= ${double(criterion.min)}`);
  if (criterion.max !== undefined) parts.push(`value_number <= ${double(criterion.max)}`);
  return parts.join(' AND ');
}

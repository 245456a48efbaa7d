/** What differs between the engines abx writes SQL for: type names, integer division, dates, loading. */
import type { ColumnType } from './tables.js';

export const DIALECTS = ['duckdb', 'postgres', 'bigquery', 'snowflake'] as const;
export type DialectName = (typeof DIALECTS)[number];

export interface Dialect {
  name: DialectName;
  type: (t: ColumnType) => string;
  /** The 64-bit integer type every exact step is computed in. */
  bigint: string;
  /** a ÷ b rounded down, for a ≥ 0 and b > 0, exactly. */
  intDiv: (a: string, b: string) => string;
  /** A decimal type with p digits, s of them after the point. */
  decimal: (p: number, s: number) => string;
  currentDate: string;
  minusDays: (date: string, days: number) => string;
  /** The statement that loads one CSV file written by `export --format tables` into a table. */
  load: (table: string, path: string) => string;
  /** What `--load` names for this engine. */
  loadFrom: string;
}

const standardType = (t: ColumnType, text: string, integer: string, double: string, decimal: string, bool: string): string =>
  ({ text, integer, decimal, double, boolean: bool, date: 'DATE', timestamp: 'TIMESTAMP' })[t];

/** A string literal: quotes doubled; backslashes too where the engine reads them as escapes. */
export function quote(dialect: DialectName, text: string): string {
  if (dialect === 'bigquery') return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
  const q = text.replace(/'/g, "''");
  return dialect === 'snowflake' ? `'${q.replace(/\\/g, '\\\\')}'` : `'${q}'`;
}

export const DIALECT: Record<DialectName, Dialect> = {
  duckdb: {
    name: 'duckdb',
    type: (t) => standardType(t, 'VARCHAR', 'INTEGER', 'DOUBLE', 'DECIMAL(12,9)', 'BOOLEAN'),
    bigint: 'BIGINT',
    intDiv: (a, b) => `((${a}) // (${b}))`,
    decimal: (p, s) => `DECIMAL(${p},${s})`,
    currentDate: 'CURRENT_DATE',
    minusDays: (d, n) => `(${d} - ${n})`,
    load: (table, path) => `COPY ${table} FROM ${quote('duckdb', path)} (FORMAT csv, HEADER true);`,
    loadFrom: 'a folder',
  },
  postgres: {
    name: 'postgres',
    type: (t) => standardType(t, 'TEXT', 'INTEGER', 'DOUBLE PRECISION', 'NUMERIC(12,9)', 'BOOLEAN'),
    bigint: 'BIGINT',
    intDiv: (a, b) => `div(${a}, ${b})`,
    decimal: (p, s) => `NUMERIC(${p},${s})`,
    currentDate: 'CURRENT_DATE',
    minusDays: (d, n) => `(${d} - ${n})`,
    // psql's \copy reads the file on the client, so no server file access is needed.
    load: (table, path) => `\\copy ${table} FROM ${quote('postgres', path)} WITH (FORMAT csv, HEADER true)`,
    loadFrom: 'a folder',
  },
  bigquery: {
    name: 'bigquery',
    type: (t) => standardType(t, 'STRING', 'INT64', 'FLOAT64', 'NUMERIC', 'BOOL'),
    bigint: 'INT64',
    intDiv: (a, b) => `DIV(${a}, ${b})`,
    // NUMERIC holds 38 digits, 9 after the point: every decimal the view makes, exactly.
    decimal: () => 'NUMERIC',
    currentDate: 'CURRENT_DATE()',
    minusDays: (d, n) => `DATE_SUB(${d}, INTERVAL ${n} DAY)`,
    // The files are in Cloud Storage (gsutil cp t/*.csv gs://bucket/abx/).
    load: (table, uri) => `LOAD DATA INTO ${table} FROM FILES (format = 'CSV', skip_leading_rows = 1, allow_quoted_newlines = true, uris = [${quote('bigquery', uri)}]);`,
    loadFrom: 'a Cloud Storage folder (gs://bucket/path)',
  },
  snowflake: {
    name: 'snowflake',
    type: (t) => standardType(t, 'VARCHAR', 'INTEGER', 'DOUBLE', 'NUMBER(12,9)', 'BOOLEAN'),
    bigint: 'BIGINT',
    // Snowflake's division keeps a limited scale: take the remainder off first, then it is exact.
    intDiv: (a, b) => `CAST(((${a}) - MOD(${a}, ${b})) / (${b}) AS BIGINT)`,
    decimal: (p, s) => `NUMBER(${p},${s})`,
    currentDate: 'CURRENT_DATE()',
    minusDays: (d, n) => `DATEADD(day, -${n}, ${d})`,
    // The files are on a stage (PUT file://t/*.csv @abx_stage): unquoted empty fields load as NULL, quoted ones as ''.
    load: (table, path) => `COPY INTO ${table} FROM ${path} FILE_FORMAT = (TYPE = CSV, SKIP_HEADER = 1, FIELD_OPTIONALLY_ENCLOSED_BY = '"', EMPTY_FIELD_AS_NULL = TRUE);`,
    loadFrom: 'a stage (@stage/path)',
  },
};

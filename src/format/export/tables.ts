/**
 * The tables of `export --format tables` as CSV files (RFC 4180: fields with a comma, quote or
 * line break quoted, quotes doubled, CRLF line ends) and schema.sql.
 */
import { tablesOfAnalysis } from '../../core/sql/index.js';
import { createTables } from '../../core/sql/view.js';
import type { ExportView, Renderer } from '../views.js';
import { DIALECT } from '../../core/sql/dialect.js';
import { guardFormula, TABLES, type Cell, type Column, type Tables, type TableDef } from '../../core/sql/tables.js';

function field(value: Cell, column: Column): string {
  if (value === null) return '';
  if (column.type !== 'text') return String(value);
  const text = guardFormula(value as string);
  // An empty text is quoted so that loaders read an empty string, not a missing value.
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function tableCsv(def: TableDef, rows: readonly Cell[][]): string {
  const lines = [def.columns.map((c) => c.name).join(',')];
  for (const row of rows) lines.push(row.map((v, i) => field(v, def.columns[i] as Column)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Every file of the export: one CSV per table and schema.sql, by file name. */
export function tableFiles(tables: Tables): Map<string, string> {
  const files = new Map<string, string>();
  for (const def of TABLES) files.set(`${def.name}.csv`, tableCsv(def, tables[def.name]));
  files.set(
    'schema.sql',
    `-- The tables of abx export --format tables (see docs/warehouse.md). Valid in PostgreSQL and DuckDB;\n-- abx sql --dialect <engine> --load <dir> prints them for one engine, with the statements that load the CSV files.\n${createTables(DIALECT.postgres, false)}\n`,
  );
  return files;
}

/** `abx export --format tables`: the files written into the `--out` folder. */
export const render: Renderer<ExportView> = (v) => ({ files: tableFiles(tablesOfAnalysis(v.analysis)) });

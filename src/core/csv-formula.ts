/**
 * CSV injection (OWASP): a spreadsheet runs a text cell that starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return as a formula. Such a cell gets a leading `'`, which spreadsheets show as
 * text and never run. One rule for every CSV abx writes: `export`, `score --format csv`
 * (src/format/escape/csv.ts) and the warehouse tables (src/core/sql/tables.ts, whose view also
 * matches the guarded spelling).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

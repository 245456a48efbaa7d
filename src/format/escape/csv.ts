/**
 * CSV fields (RFC 4180) that a spreadsheet opens as data, never as a formula. OWASP's advice on
 * CSV injection: a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
 * leading `'` (spreadsheets show the text, with the quote hidden or visible, and run nothing),
 * and such a cell is always quoted. Numbers (JSON numbers in numeric columns) are written as
 * numbers: `-5` stays a number. Other control characters become `?`, as they would garble a
 * spreadsheet or a terminal that shows the file.
 */
import { guardFormula } from '../../core/csv-formula.js';

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export type CsvValue = string | number | boolean | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const plain = value.replace(CONTROLS, '?');
  const text = guardFormula(plain);
  return text !== plain || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lines end in CRLF, the RFC's line break. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * CSV as CRMs and spreadsheets write it: a BOM or none, comma or semicolon (Excel in much of
 * Europe) or tab, quoted fields with embedded quotes and line breaks, CRLF or LF.
 */
import { parse } from 'csv-parse/sync';
import type { CsvRow } from './plan.js';

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  delimiter: string;
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

const CANDIDATES = [',', ';', '\t', '|'] as const;

/** The delimiter that splits the header line into the most fields, quotes respected. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let most = 0;
  for (const c of CANDIDATES) {
    const n = counts.get(c) ?? 0;
    if (n > most) {
      best = c;
      most = n;
    }
  }
  return best;
}

export function readCsv(text: string): CsvTable {
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as string[][];
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new CsvError(`the file is not valid CSV: ${e.message.replace(/^Invalid [^:]*: /, '')}`, e.lines);
  }
  const [first, ...rest] = records;
  if (!first) throw new CsvError('the file is empty: expected a header line and one row per company');
  const header = first.map((h) => h.trim());
  // A record starts on the line after the previous one ends; line breaks inside quoted fields
  // move the end (csv-parse's own line count takes CRLF inside quotes as two).
  const breaks = (record: readonly string[]) => record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  let previousEnd = 1 + breaks(first);
  const rows: CsvRow[] = rest.map((record) => {
    const row = { line: previousEnd + 1, cells: record };
    previousEnd = row.line + breaks(record);
    return row;
  });
  return { header, rows, delimiter };
}

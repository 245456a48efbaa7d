/**
 * Terminal output that fits the terminal. A renderer is given the terminal's width (`undefined`
 * through a pipe or into a file: then nothing is cut, so scripts and logs get the full text).
 * Tables keep their natural width when it fits; otherwise long text columns are narrowed and
 * wrapped, and when that is not enough the lower-priority columns are dropped, and the table
 * says which. Widths are measured in what a terminal shows: colour codes count for nothing.
 */
import Table from 'cli-table3';
// cli-table3's own width measure, so a table drawn in pieces gets the widths it would have whole.
import { strlen } from 'cli-table3/src/utils.js';
import type { ChalkInstance } from 'chalk';
import { visibleWidth, wrapText } from './wrap.js';

export interface Column {
  head: string;
  align?: 'left' | 'right' | 'center';
  /** Text that may wrap onto more lines when the table is too wide. */
  wrap?: boolean;
  /** Narrowest width a wrapping column is given (content columns, without padding). */
  min?: number;
  /** Columns are dropped from the highest `drop` down when narrowing is not enough; undefined: never dropped. */
  drop?: number;
}

export interface FitOptions {
  chalk: ChalkInstance;
  /** The terminal's width; undefined prints the natural table. */
  width: number | undefined;
  /** Fixed content widths of the natural table (as cli-table3 `colWidths`), where a table has them. */
  widths?: readonly (number | null)[];
  /** A line between rows, where rows hold several lines each (the bet board) and would run together. */
  ruled?: boolean;
  /** Rows per cli-table3 table when a long table is drawn in pieces (tests set it low). */
  chunkRows?: number;
}

/**
 * cli-table3 lays a table out in time quadratic in its rows (each cell is checked against every
 * row above it for spans: 16 s of 22 for `abx score` on 10,000 accounts), so a long table is drawn
 * as pieces of this many rows with the same column widths and joined: the same bytes.
 */
const CHUNK_ROWS = 200;

type Make = (head: string[], body: readonly (readonly string[])[], given: number[], wordWrap: boolean) => string;

/**
 * The table `make` draws, drawn piecewise. Without fixed widths each column gets the width
 * cli-table3 would work out for the whole table (its own measure of the widest cell, padding
 * included) and no wrapping, as in its natural layout; fixed widths are passed on as they are.
 */
function inChunks(head: string[], rows: readonly (readonly string[])[], given: number[], cells: (r: readonly string[]) => string[], make: Make, size: number): string {
  let widths = given;
  let wordWrap = true;
  if (given.length === 0) {
    widths = head.map((h) => strlen(h) + 2);
    for (const r of rows) cells(r).forEach((c, k) => (widths[k] = Math.max(widths[k] ?? 0, strlen(c) + 2)));
    wordWrap = false;
  }
  const frame = make(head, [], widths, wordWrap).split('\n');
  const out = frame.slice(0, -1);
  for (let start = 0; start < rows.length; start += size) out.push(...make([], rows.slice(start, start + size), widths, wordWrap).split('\n').slice(1, -1));
  out.push(frame[frame.length - 1] ?? '');
  return out.join('\n');
}

/** A cli-table3 table that fits `options.width`, followed by a line naming the columns it hid. */
export function fittedTable(columns: readonly Column[], rows: readonly (readonly string[])[], options: FitOptions): string {
  const { chalk, width } = options;
  const natural = columns.map((c, i) => options.widths?.[i] ?? Math.max(visibleWidth(c.head), ...rows.map((r) => visibleWidth(r[i] ?? ''))));
  let keep = columns.map((_c, i) => i);
  const total = (cols: readonly number[], w: (i: number) => number) => cols.reduce((s, i) => s + w(i) + 3, 1);
  const least = (i: number) => (columns[i]?.wrap ? Math.min(natural[i] ?? 0, Math.max(columns[i]?.min ?? 12, visibleWidth(columns[i]?.head ?? ''))) : (natural[i] ?? 0));
  const hidden: string[] = [];
  let widths: number[] | undefined;
  if (width !== undefined && total(keep, (i) => natural[i] ?? 0) > width) {
    const dropOrder = columns.map((c, i) => ({ i, d: c.drop })).filter((x) => x.d !== undefined).sort((a, b) => (b.d ?? 0) - (a.d ?? 0));
    while (total(keep, least) > width && dropOrder.length > 0) {
      const next = dropOrder.shift() as { i: number };
      keep = keep.filter((i) => i !== next.i);
      hidden.push(columns[next.i]?.head ?? '');
    }
    const w = new Map(keep.map((i) => [i, natural[i] ?? 0]));
    // Narrow the widest wrapping column, one column at a time, until the table fits.
    while (total(keep, (i) => w.get(i) ?? 0) > width) {
      const candidates = keep.filter((i) => columns[i]?.wrap && (w.get(i) ?? 0) > least(i));
      if (candidates.length === 0) break;
      const widest = candidates.reduce((a, b) => ((w.get(b) ?? 0) > (w.get(a) ?? 0) ? b : a));
      w.set(widest, (w.get(widest) ?? 0) - 1);
    }
    // Still too wide (a very narrow terminal): every column shares what there is.
    if (total(keep, (i) => w.get(i) ?? 0) > width) {
      const share = Math.max(3, Math.floor((width - 1) / keep.length) - 3);
      for (const i of keep) w.set(i, Math.min(w.get(i) ?? 0, share));
    }
    widths = keep.map((i) => w.get(i) ?? 0);
  }
  const cells = (r: readonly string[]) =>
    keep.map((i, k) => {
      const text = r[i] ?? '';
      const cw = widths?.[k];
      if (cw === undefined || visibleWidth(text) <= cw) return text;
      // Plain text is wrapped here (cli-table3 would cut a long word); coloured text is cut by cli-table3.
      return text.includes('\u001b') ? text : wrapText(text, cw).join('\n');
    });
  const fixed = options.widths !== undefined && widths === undefined;
  const colWidths = widths ? widths.map((x) => x + 2) : fixed ? keep.map((i) => (options.widths?.[i] ?? 0) + 2) : [];
  const make = (head: string[], body: readonly (readonly string[])[], given: number[], wordWrap: boolean) => {
    const table = new Table({
      head,
      style: { head: chalk.level > 0 ? ['bold'] : [], border: chalk.level > 0 ? ['gray'] : [] },
      ...(options.ruled ? {} : { chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } }),
      colAligns: keep.map((i) => columns[i]?.align ?? 'left'),
      colWidths: given,
      wordWrap,
    });
    for (const r of body) table.push(cells(r));
    return table.toString();
  };
  const head = keep.map((i) => columns[i]?.head ?? '');
  const text = rows.length > (options.chunkRows ?? CHUNK_ROWS) && !options.ruled ? inChunks(head, rows, colWidths, cells, make, options.chunkRows ?? CHUNK_ROWS) : make(head, rows, colWidths, true);
  const said = `(${hidden.join(', ')} hidden to fit ${width} columns: widen the terminal, or pipe the output for every column)`;
  const note = hidden.length > 0 ? `\n${chalk.dim(wrapText(said, width ?? said.length).join('\n'))}` : '';
  return `${text}${note}`;
}

/**
 * Terminal output that fits the terminal. A renderer is given the terminal's width (`undefined`
 * through a pipe or into a file: then nothing is cut, so scripts and logs get the full text).
 * Tables keep their natural width when it fits; otherwise long text columns are narrowed and
 * wrapped, and when that is not enough the lower-priority columns are dropped, and the table
 * says which. Widths are measured in what a terminal shows: colour codes count for nothing.
 */
import Table from 'cli-table3';
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
  const table = new Table({
    head: keep.map((i) => columns[i]?.head ?? ''),
    style: { head: chalk.level > 0 ? ['bold'] : [], border: chalk.level > 0 ? ['gray'] : [] },
    ...(options.ruled ? {} : { chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } }),
    colAligns: keep.map((i) => columns[i]?.align ?? 'left'),
    colWidths: widths ? widths.map((x) => x + 2) : fixed ? keep.map((i) => (options.widths?.[i] ?? 0) + 2) : [],
    wordWrap: true,
  });
  for (const r of rows) table.push(cells(r));
  const said = `(${hidden.join(', ')} hidden to fit ${width} columns: widen the terminal, or pipe the output for every column)`;
  const note = hidden.length > 0 ? `\n${chalk.dim(wrapText(said, width ?? said.length).join('\n'))}` : '';
  return `${table.toString()}${note}`;
}

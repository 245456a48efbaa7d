/**
 * A long table is drawn by cli-table3 in pieces (its layout is quadratic in rows): the pieces
 * joined must be the bytes of the whole table, for any cell text — wide and zero-width
 * characters, colour codes, line breaks, leading and trailing spaces — in the natural layout,
 * with fixed widths, and narrowed to a terminal.
 */
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainChalk } from '../../src/cli/colour.js';
import { fittedTable, type Column } from '../../src/format/fit-width.js';
import { RUNS, SEED, TIMEOUT } from './arbitraries.js';

const params = { numRuns: RUNS, seed: SEED };
const colour = new Chalk({ level: 1 });
const piece = fc.constantFrom('a', 'Acme', ' ', '  ', '\n', 'é', '漢字', '🚀', '\u200b', '\u001b[31m', '\u001b[39m', '-', 'x'.repeat(30), '│', '\t');
const cell = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
const columns: Column[] = [{ head: 'Id' }, { head: 'Name', wrap: true, min: 6 }, { head: 'Score', align: 'right' }, { head: 'Note', wrap: true, drop: 1 }];

describe('a table drawn in pieces', () => {
  it('is the whole table, byte for byte', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell, cell, cell), { minLength: 0, maxLength: 25 }),
        fc.constantFrom(1, 2, 3, 7),
        fc.constantFrom(undefined, 24, 40, 80),
        fc.boolean(),
        fc.boolean(),
        (rows, chunkRows, width, coloured, fixed) => {
          const options = { chalk: coloured ? colour : plainChalk, width, ...(fixed ? { widths: [4, 10, 5, 8] } : {}) };
          const whole = fittedTable(columns, rows, { ...options, chunkRows: Number.MAX_SAFE_INTEGER });
          expect(fittedTable(columns, rows, { ...options, chunkRows })).toBe(whole);
        },
      ),
      params,
    );
  }, TIMEOUT);

  it('is used for a long table, with the widths of the whole', () => {
    const rows = Array.from({ length: 450 }, (_, i) => [`a-${i}`, i === 317 ? 'the widest name of all, late in the table' : `Name ${i}`, String(i), '']);
    const text = fittedTable(columns, rows, { chalk: plainChalk, width: undefined });
    expect(text).toBe(fittedTable(columns, rows, { chalk: plainChalk, width: undefined, chunkRows: Number.MAX_SAFE_INTEGER }));
    const lines = text.split('\n');
    expect(lines).toHaveLength(450 + 3);
    expect(new Set(lines.map((l) => l.length))).toEqual(new Set([lines[0]?.length]));
    expect(lines[1]).toBe(`│ Id    │ Name${' '.repeat(38)}│ Score │ Note │`);
  });
});

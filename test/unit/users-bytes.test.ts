import { describe, expect, it } from 'vitest';
import { cell } from '../../src/core/blocks.js';
import { fittedTable } from '../../src/format/fit-width.js';
import { visibleWidth, wrapText } from '../../src/format/wrap.js';
import { plainChalk } from '../../src/cli/colour.js';

describe('markdown cells', () => {
  it('keep a row on one line whatever line break a name holds', () => {
    expect(cell('Acme\rRockets\r\nInc\u2028|x')).toBe('Acme Rockets Inc \\|x');
  });
});

describe('fitting the terminal', () => {
  it('wraps at spaces and cuts only words longer than a line', () => {
    expect(wrapText('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(visibleWidth('\u001b[31m界x\u001b[39m')).toBe(3);
  });

  it('leaves a table that fits as it is, and narrows, wraps and drops columns of one that does not', () => {
    const columns = [{ head: 'Id' }, { head: 'Text', wrap: true, min: 8 }, { head: 'Extra', drop: 1 }];
    const rows = [['a', 'a long text that needs wrapping', 'x'.repeat(30)]];
    const natural = fittedTable(columns, rows, { chalk: plainChalk, width: undefined });
    expect(natural.split('\n')[1]).toBe(`│ Id │ Text                            │ Extra                          │`);
    const narrow = fittedTable(columns, rows, { chalk: plainChalk, width: 30 });
    expect(narrow.split('\n').every((l) => visibleWidth(l) <= 30)).toBe(true);
    expect(narrow.split('\n')).toEqual([
      '┌────┬───────────────────────┐',
      '│ Id │ Text                  │',
      '│ a  │ a long text that      │',
      '│    │ needs wrapping        │',
      '└────┴───────────────────────┘',
      '(Extra hidden to fit 30',
      'columns: widen the terminal,',
      'or pipe the output for every',
      'column)',
    ]);
  });
});

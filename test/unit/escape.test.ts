import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/format/escape/csv.js';
import { markdownCode, markdownText } from '../../src/format/escape/markdown.js';
import { hasUnsafeTerminalText, terminalText } from '../../src/format/escape/terminal.js';

describe('escaping per medium', () => {
  it('terminal: controls, line breaks and bidi overrides are shown, never emitted', () => {
    expect(terminalText('a\nb\r\tc\u001b[31m\u0007\u202e')).toBe('a\\nb\\r\\tc\\x1b[31m\\x07\\u202e');
    expect(terminalText('abcdef', 4)).toBe('abc…');
    expect(hasUnsafeTerminalText(terminalText('\u0000\u009b\u2028'))).toBe(false);
  });

  it('markdown text: no markup, autolink or mention survives', () => {
    expect(markdownText('[x](javascript:alert(1)) ![](https://e.vil/p.png) <img> @octocat www.e.vil\n## h')).toBe(
      '\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\!\\[\\]\\(https\\://e.vil/p.png\\) \\<img\\> @&#8203;octocat www\\.e.vil \\#\\# h',
    );
    expect(markdownText('Acme, Inc. - 10-12 o\'neil')).toBe("Acme, Inc. - 10-12 o'neil");
  });

  it('markdown code: a span the value cannot close, pipes escaped in tables', () => {
    expect(markdownCode('x`) |\n\n## y')).toBe('``x`) |\\n\\n## y``');
    expect(markdownCode('`a`', { table: true })).toBe('`` `a` ``');
    expect(markdownCode('a|b', { table: true })).toBe('`a\\|b`');
    expect(markdownCode('a``b`')).toBe('``` a``b` ```');
  });

  it('csv: formulas neutralised and quoted, numbers kept', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1-202-555-0100')).toBe(`"'+1-202-555-0100"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('\tx')).toBe(`"'\tx"`);
    expect(csvField('-x')).toBe(`"'-x"`);
    expect(csvField(-5)).toBe('-5');
    expect(csvField('a\u001bb\u0007')).toBe('a?b?');
    expect(csvField('Acme, Inc.')).toBe('"Acme, Inc."');
  });
});

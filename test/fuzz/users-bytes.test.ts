/**
 * Property tests for what abx must never do to a user's bytes (issue: nothing a user wrote is
 * changed, lost or turned against them):
 * - `fmt` keeps every number literal as written and changes no byte of the body outside a
 *   generated block, whatever fences and markers the body holds;
 * - `number-precision` flags exactly the literals a double cannot hold;
 * - CSV cells of any shape go through the import plan without an exception escaping;
 * - long text fits any terminal width.
 * 200 cases per property in `npm test`; `npm run fuzz` runs 10,000.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { scanBlocks } from '../../src/core/blocks.js';
import type { Config } from '../../src/core/config.js';
import { splitFrontmatter } from '../../src/core/frontmatter.js';
import { normaliseDomain } from '../../src/core/import/domain.js';
import { BUILT_IN_MAPPINGS, resolveMapping } from '../../src/core/import/mappings.js';
import { readCsv } from '../../src/core/import/csv.js';
import { planImport } from '../../src/core/import/plan.js';
import { normaliseLayout } from '../../src/core/layout.js';
import { exact, numberPrecisionFindings } from '../../src/core/rules/number-precision.js';
import { plainChalk } from '../../src/cli/colour.js';
import { fittedTable } from '../../src/format/fit-width.js';
import { visibleWidth, wrapText } from '../../src/format/wrap.js';
import { refreshBlocks } from '../../src/workspace/generated-blocks.js';
import { loadConfigText } from '../../src/workspace/load.js';
import { RUNS, SEED, TIMEOUT } from './arbitraries.js';

const params = { numRuns: RUNS, seed: SEED };
const config: Config = (() => {
  const loaded = loadConfigText('version: 1\n');
  if (!loaded.config) throw new Error('the default config does not load');
  return loaded.config;
})();

// ------------------------------------------------------------------ generators

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
/** Number literals as people and CRMs write them: big integers, trailing zeros, `.5`, `+1`, `007`, exponents. */
export const numberLiteral = fc.oneof(
  digits(1, 30),
  fc.tuple(digits(1, 20), digits(1, 20)).map(([a, b]) => `${a}.${b}`),
  fc.tuple(fc.constantFrom('', '-', '+'), digits(1, 5), fc.constantFrom('', '.', '.0', '.50'), fc.constantFrom('', 'e3', 'E-2', 'e+10')).map((p) => p.join('')),
  digits(1, 6).map((d) => `.${d}`),
  fc.constantFrom('007', '+1', '.5', '4.20e8', '1.0e3', '12345678901234567890', '99999999999999999.99', '9007199254740993', '0.1', '1e400'),
);

/** Lines a markdown body is made of: fences of both kinds and lengths, markers, text, blank lines. */
const bodyLine = fc.oneof(
  fc.constantFrom('```', '````', '~~~', '~~~~', '```markdown', '   ```', '    ```', '~~~ yaml', '``` has ` tick'),
  fc.constantFrom('<!-- abx:begin pure -->', '<!-- abx:end pure -->', '<!-- abx:begin fit -->', '<!-- abx:end fit -->', '  <!--abx:begin pure-->  ', '<!-- abx:begin other -->', '<!-- abx:end other -->'),
  fc.constantFrom('', '# Title', 'Some prose.', '| a | b |', '\t', 'trailing   '),
  fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' ')),
);
export const body = fc.tuple(fc.array(bodyLine, { maxLength: 25 }), fc.constantFrom('\n', '\r\n')).map(([lines, eol]) => lines.join(eol) + eol);

/** CSV cells: formulas, quotes, separators, line breaks, amounts, domains, unicode, control bytes. */
export const csvCell = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('=HYPERLINK("http://x","y")', '+1-202-555-0100', '-5', '@SUM(A1)', '\tx', '\rx', '"quoted, with comma"', '1,250', '$300,000,000.00', '1.234.567,89', '99999999999999999.99', 'n/a', 'https://www.Müller-Logistik.de/x', 'xn--mller-logistik-gsb.de', 'WWW.ACME.COM.', 'a@b.example', '\u0000', '\u001b[2J'),
  numberLiteral,
);
const csvField = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
export const csvText = fc.array(fc.array(csvCell, { minLength: 1, maxLength: 5 }), { maxLength: 12 }).map((rows) =>
  ['Record ID,Company name,Company Domain Name,Number of Employees,Annual Revenue', ...rows.map((r) => r.map(csvField).join(','))].join('\r\n'),
);

/** Long text: long words, many words, wide characters, colour codes. */
export const longText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(fc.stringMatching(/^[a-z0-9-]{1,40}$/), { maxLength: 30 }).map((w) => w.join(' ')),
  fc.constantFrom('x'.repeat(150), '界'.repeat(60), `Range 10-12 and ${'long'.repeat(30)}`),
);

// ------------------------------------------------------------------ properties

const ACCOUNT_HEAD = '---\nname: Fuzz Co\nsegment: core\npure:\n  painful: { score: 2, evidence: a }\n  urgent: { score: 1, evidence: b }\n  recognized: { score: 0 }\n  expensive: { score: 0 }\n---\n';
const score = (() => {
  const a = analyze({ config, asOf: '2026-11-24', files: [{ path: 'accounts/fuzz.md', kind: 'accounts', text: ACCOUNT_HEAD }] });
  const s = a.scores.get('fuzz');
  if (!s) throw new Error('the fuzz account does not score');
  return s;
})();

/** The body with every generated block's content taken out: what must survive byte for byte. */
function outsideBlocks(fileText: string): string {
  const split = splitFrontmatter(fileText);
  if (!split.ok) return fileText;
  const scan = scanBlocks(split.body);
  if (scan.problems.length > 0) return split.body;
  let out = '';
  let cursor = 0;
  for (const b of scan.blocks) {
    if (b.name !== 'pure' && b.name !== 'fit') continue;
    out += `${split.body.slice(cursor, b.contentStart)}<block>`;
    cursor = b.contentEnd;
  }
  return out + split.body.slice(cursor);
}

describe("users' bytes (fuzz)", () => {
  it('fmt keeps every number literal and blank line as written', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(numberLiteral, fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 8 }), (entries) => {
        // The nested map's indentation is not the normal one, so fmt re-lays out the frontmatter.
        const yaml = `${entries.map(([lit, blanks], i) => `${'\n'.repeat(blanks)}k${i}: ${lit}`).join('\n')}\nm:\n    x: [ ${entries[0]?.[0]} ]\n`;
        const laid = normaliseLayout(`---\n${yaml}---\nbody\n`, false);
        if (!laid.ok) return;
        entries.forEach(([lit], i) => expect(laid.text).toContain(`k${i}: ${lit}\n`));
        expect(laid.text).toContain(`m:\n  x: [${entries[0]?.[0]}]\n`);
        expect(laid.text.split('\n').filter((l) => l === '').length).toBe(`---\n${yaml}---\nbody\n`.split('\n').filter((l) => l === '').length);
      }),
      params,
    );
  }, TIMEOUT);

  it('number-precision flags exactly the literals a number cannot hold', () => {
    fc.assert(
      fc.property(numberLiteral, (lit) => {
        const findings = numberPrecisionFindings(`value: ${lit}\n`);
        const isNumber = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(lit);
        expect(findings.length).toBe(isNumber && !exact(lit) ? 1 : 0);
      }),
      params,
    );
  }, TIMEOUT);

  it('fmt and score --write change no byte outside a generated block, fences and markers whatever they are', () => {
    fc.assert(
      fc.property(body, (text) => {
        const file = ACCOUNT_HEAD + text;
        const laid = normaliseLayout(file, false);
        expect(laid.ok).toBe(true);
        const written = refreshBlocks(laid.ok ? laid.text : file, score, { appendMissing: false, blocks: ['pure', 'fit'] });
        expect(outsideBlocks(written)).toBe(outsideBlocks(file));
        expect(refreshBlocks(written, score, { appendMissing: false, blocks: ['pure', 'fit'] })).toBe(written);
      }),
      params,
    );
  }, TIMEOUT);

  it('CSV cells of any shape go through the import plan; domains normalise once and for all', () => {
    fc.assert(
      fc.property(csvText, (csv) => {
        const table = readCsv(csv);
        const mapping = resolveMapping(BUILT_IN_MAPPINGS.hubspot as never, table.header);
        const plan = planImport({ mapping, rows: table.rows, existing: [], takenIds: [], segments: new Set() });
        expect(plan.outcomes.length).toBe(table.rows.length);
        for (const row of table.rows) {
          for (const cell of row.cells) {
            const d = normaliseDomain(cell);
            if (d !== undefined) expect(normaliseDomain(d)).toBe(d);
          }
        }
      }),
      params,
    );
  }, TIMEOUT);

  it('long text fits every terminal width', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(longText, longText), { minLength: 1, maxLength: 6 }), fc.integer({ min: 40, max: 200 }), (rows, width) => {
        for (const [a] of rows) for (const line of wrapText(a, width)) expect(visibleWidth(line)).toBeLessThanOrEqual(width);
        const table = fittedTable([{ head: 'Id' , wrap: true, min: 6 }, { head: 'Text', wrap: true, min: 8 }, { head: 'More', wrap: true, drop: 1 }], rows.map(([a, b]) => [a.slice(0, 20), a, b]), { chalk: plainChalk, width });
        for (const line of table.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(width);
      }),
      params,
    );
  }, TIMEOUT);
});

/**
 * `number-precision`: a number written with more digits than a double holds
 * (`crm_id: 12345678901234567890`, `revenue_usd: 99999999999999999.99`) is read as a nearby
 * number, silently. abx reports it rather than score, export or compare a value the author did
 * not write. Only plain scalars that YAML reads as numbers are looked at (the CST, so quoted text,
 * comments and block scalars are never mistaken for numbers).
 */
import type { CST } from 'yaml';
import { yamlLib } from '../yaml/lib.js';
import type { Finding } from '../problem.js';

/** Fifteen significant digits always survive a double; a longer run of digits may not. */
const MAYBE = /\d{16}|[\d.]{17}|[eE][-+]?\d{3}/;
const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
/**
 * A number-shaped run of the text that stands alone (no letter, digit, `_` or `.` on either
 * side), as every plain scalar YAML reads as a number does. Domains and ids such as
 * `coldstorage1041.example` hold MAYBE's digits inside a word: without this second look they sent
 * one file in seven through the CST parser for nothing.
 */
const STANDALONE = /(?<![\w.])[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])/g;

/** Whether some standalone number-shaped run of `yaml` has more digits than a double surely keeps. */
function mayLoseDigits(yaml: string): boolean {
  if (!MAYBE.test(yaml)) return false;
  STANDALONE.lastIndex = 0;
  for (let m = STANDALONE.exec(yaml); m !== null; m = STANDALONE.exec(yaml)) if (MAYBE.test(m[0])) return true;
  return false;
}

/** Findings (line and column in `yaml`, 1-based, offset by `firstLine - 1`) for numbers that lose digits. */
export function numberPrecisionFindings(yaml: string, firstLine = 1): Finding[] {
  if (!mayLoseDigits(yaml)) return [];
  const found: Finding[] = [];
  // The `yaml` package is loaded only for a file that may hold such a number (start-up).
  const { CST: cst, Parser } = yamlLib();
  for (const token of new Parser().parse(yaml)) {
    if (token.type !== 'document') continue;
    const check = (t: CST.Token | undefined) => {
      if (!t || t.type !== 'scalar') return;
      const text = t.source;
      if (!NUMBER.test(text) || exact(text)) return;
      const before = yaml.slice(0, t.offset);
      const line = before.split('\n').length + firstLine - 1;
      const column = t.offset - (before.lastIndexOf('\n') + 1) + 1;
      const read = Number(text);
      found.push({
        rule: 'number-precision',
        line,
        column,
        message: `${text} has more digits than a number can hold: it would be read as ${Number.isFinite(read) ? String(read) : 'infinity'}; quote it to keep it as text (an id), or round it`,
      });
    };
    if (token.value) cst.visit(token, (item) => {
      check(item.key as CST.Token | undefined);
      check(item.value);
    });
    check(token.value);
  }
  return found;
}

/** Whether the decimal `text` is the number a double reads from it (compared digit by digit). */
export function exact(text: string): boolean {
  const n = Number(text);
  if (!Number.isFinite(n)) return false;
  return sameDecimal(decimal(text), decimal(String(n)));
}

interface Decimal {
  negative: boolean;
  digits: string;
  exponent: number;
}

/** `-0012.3400e2` → { negative, digits: '1234', exponent }: significant digits and where the point goes. */
function decimal(text: string): Decimal {
  const m = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text);
  if (!m) return { negative: false, digits: '', exponent: 0 };
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  let digits = int + frac;
  let exponent = Number(exp) + int.length;
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead).replace(/0+$/, '');
  exponent -= lead;
  return { negative: sign === '-' && digits !== '', digits, exponent: digits === '' ? 0 : exponent };
}

function sameDecimal(a: Decimal, b: Decimal): boolean {
  return a.negative === b.negative && a.digits === b.digits && a.exponent === b.exponent;
}

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

/**
 * Fifteen significant digits always survive a double; a longer run of digits may not, nor may a
 * three-digit exponent. A number's exponent follows a digit or a point, so words and domains
 * ending in e and three digits (`storage1002.example`) do not send the file to the CST parser.
 */
const MAYBE = /\d{16}|[\d.]{17}|[\d.][eE][-+]?\d{3}/;
const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Findings (line and column in `yaml`, 1-based, offset by `firstLine - 1`) for numbers that lose digits. */
export function numberPrecisionFindings(yaml: string, firstLine = 1): Finding[] {
  if (!MAYBE.test(yaml)) return [];
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

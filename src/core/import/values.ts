/** Turning CSV cells into account values of the field's type, or saying why one cannot be used. */
import { ID_PATTERN, MOTIONS } from '../schemas.js';
import { displayDomain } from './domain.js';
import type { FieldType } from './mappings.js';
import { NumberText } from '../templates.js';
import { exact } from '../rules/number-precision.js';

export type FieldValue = string | number | NumberText | string[];

export type CellResult = { ok: true; value: FieldValue } | { ok: false; reason: string };

const MAX_CELL = 2_000;

/** `1,200`, `$300,000,000.00`, `1.234.567,89`, `4 500` → numbers; anything else is not one. */
export function parseAmount(cell: string): number | undefined {
  const text = amountText(cell);
  return text === undefined ? undefined : Number(text);
}

/**
 * The amount as a plain decimal (`1234567.89`), or undefined. A number with more digits than a
 * double holds stays this text (NumberText), so that an import never rounds what the CRM said.
 */
export function parseAmountExact(cell: string): number | NumberText | undefined {
  const text = amountText(cell);
  if (text === undefined) return undefined;
  return exact(text) ? Number(text) : new NumberText(text.replace(/^\+/, ''));
}

function amountText(cell: string): string | undefined {
  let s = cell.trim().replace(/^[$€£¥]|(?:USD|EUR|GBP|\$)$/gi, '').trim().replace(/[\s\u00a0'’]/g, '');
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
  else s = s.replace(/,(?=\d{3}(?:\D|$))/g, '');
  if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(s)) return undefined;
  return Number.isFinite(Number(s)) ? s : undefined;
}

export function parseCell(type: FieldType, raw: string): CellResult {
  const cell = raw.trim();
  if (cell.length > MAX_CELL) return { ok: false, reason: `is longer than ${MAX_CELL} characters` };
  switch (type) {
    case 'text':
      // Account fields are one-line values; a line break inside a CSV cell is layout, not content.
      return { ok: true, value: cell.replace(/\s+/g, ' ') };
    case 'domain': {
      const d = displayDomain(cell);
      return d ? { ok: true, value: d } : { ok: false, reason: 'is not a web domain' };
    }
    case 'number':
    case 'percent': {
      const n = parseAmountExact(cell);
      if (n === undefined || Number(n) < 0) return { ok: false, reason: 'is not a number (0 or more)' };
      if (type === 'percent' && Number(n) > 100) return { ok: false, reason: 'is not a number from 0 to 100' };
      return { ok: true, value: n };
    }
    case 'list':
      return { ok: true, value: cell.split(/[;,\n]/).map((s) => s.trim()).filter(Boolean) };
    case 'id': {
      const id = cell.toLowerCase();
      return ID_PATTERN.test(id) ? { ok: true, value: id } : { ok: false, reason: 'is not an id (lowercase letters, digits and -)' };
    }
    case 'motion': {
      const m = cell.toLowerCase();
      return (MOTIONS as readonly string[]).includes(m) ? { ok: true, value: m } : { ok: false, reason: `is not a motion (${MOTIONS.join(', ')})` };
    }
  }
}

export function sameValue(a: unknown, b: FieldValue): boolean {
  if (b instanceof NumberText) return a === Number(b);
  if (Array.isArray(b)) return Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/**
 * Calendar dates are kept as `YYYY-MM-DD` strings everywhere and turned into day numbers
 * (days since 1970-01-01, UTC) only for arithmetic, so no time zone can shift a date.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

const MS_PER_DAY = 86_400_000;

/** Day number of a real calendar date, or undefined (2026-02-30 is not a date). */
/** Dates repeat across a workspace (the same activity days, the same as-of window): remember them. */
const known = new Map<string, number | undefined>();

export function dayNumber(date: string): number | undefined {
  const hit = known.get(date);
  if (hit !== undefined || known.has(date)) return hit;
  const m = DATE_RE.exec(date);
  const day = m ? validDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  if (known.size > 50_000) known.clear();
  if (date.length <= 10) known.set(date, day);
  return day;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Arithmetic rather than a Date round trip (called for every date of every file). Years before
 * 100 are not dates, as with Date.UTC, which reads them as 1900-1999.
 */
function validDay(y: number, mo: number, d: number): number | undefined {
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return undefined;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (mo === 2 && leap ? 29 : (MONTH_DAYS[mo - 1] ?? 0))) return undefined;
  // Days from the civil date (H. Hinnant's algorithm), with years starting in March.
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((mo + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function isDate(value: string): boolean {
  return dayNumber(value) !== undefined;
}

/**
 * Milliseconds since the epoch of a date (midnight UTC) or an ISO 8601 date-time
 * (UTC when it names no offset), or undefined.
 */
export function instant(value: string): number | undefined {
  const day = dayNumber(value);
  if (day !== undefined) return day * MS_PER_DAY;
  const m = DATE_TIME_RE.exec(value);
  if (!m) return undefined;
  const base = validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  const h = Number(m[4]);
  const min = Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (base === undefined || h > 23 || min > 59 || s > 59) return undefined;
  const frac = m[7] === undefined ? 0 : Math.round(Number(m[7]) * 1000);
  let offsetMin = 0;
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 23 || om > 59) return undefined;
    offsetMin = sign * (oh * 60 + om);
  }
  return base * MS_PER_DAY + ((h * 60 + min - offsetMin) * 60 + s) * 1000 + frac;
}

export function isDateOrDateTime(value: string): boolean {
  return instant(value) !== undefined;
}

/** The calendar day an instant falls on, in UTC. */
export function dayOfInstant(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `as-of − window < day ≤ as-of`: the one window rule used for engagement and the MQA. */
export function withinWindow(day: number, asOfDay: number, windowDays: number): boolean {
  return day > asOfDay - windowDays && day <= asOfDay;
}

export const MS_PER_HOUR = 3_600_000;

/**
 * The as-of date of a run: `--as-of` when given, then the config's `as_of`, then today (local
 * time). The one place this order is written; live workspaces and revisions both use it.
 */
export function resolveAsOf(flag: string | undefined, configAsOf: string | null | undefined, today: string): string {
  return flag ?? configAsOf ?? today;
}

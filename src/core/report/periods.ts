/**
 * KPI record periods (format.md): a day `2026-10-05`, an ISO week `2026-W41`, a month `2026-10`
 * or a quarter `2026-Q3`. Periods of different granularity are compared by the day they end on
 * (a quarter ends on its last day, an ISO week on its Sunday), then by the day they start on.
 */
import { dayNumber } from '../dates.js';

export type Granularity = 'day' | 'week' | 'month' | 'quarter';

export interface PeriodSpan {
  granularity: Granularity;
  /** Day numbers (days since 1970-01-01 UTC), both inclusive. */
  startDay: number;
  endDay: number;
}

const MS_PER_DAY = 86_400_000;

const utcDay = (year: number, monthIndex: number, day: number): number => Date.UTC(year, monthIndex, day) / MS_PER_DAY;

/** The span of a period, or undefined when the text is not a period. */
export function periodSpan(period: string): PeriodSpan | undefined {
  const day = dayNumber(period);
  if (day !== undefined) return { granularity: 'day', startDay: day, endDay: day };
  let m = /^(\d{4})-W(\d{2})$/.exec(period);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (week < 1 || week > 53) return undefined;
    // ISO week 1 is the week (Monday to Sunday) that holds 4 January.
    const jan4 = utcDay(year, 0, 4);
    const weekday = (new Date(jan4 * MS_PER_DAY).getUTCDay() + 6) % 7; // Monday = 0
    const monday = jan4 - weekday + 7 * (week - 1);
    return { granularity: 'week', startDay: monday, endDay: monday + 6 };
  }
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    return { granularity: 'month', startDay: utcDay(year, month - 1, 1), endDay: utcDay(year, month, 0) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const year = Number(m[1]);
    const quarter = Number(m[2]);
    return { granularity: 'quarter', startDay: utcDay(year, 3 * (quarter - 1), 1), endDay: utcDay(year, 3 * quarter, 0) };
  }
  return undefined;
}

/** Orders periods by end day, then start day: of two periods ending together the shorter is the later. */
export function comparePeriods(a: PeriodSpan, b: PeriodSpan): number {
  return a.endDay - b.endDay || a.startDay - b.startDay;
}

/** The day `months` calendar months before `day`, clamped to the month's last day (31 Oct − 6 months = 30 Apr). */
export function monthsBefore(day: number, months: number): number {
  const d = new Date(day * MS_PER_DAY);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return utcDay(year, month, Math.min(d.getUTCDate(), lastDay));
}

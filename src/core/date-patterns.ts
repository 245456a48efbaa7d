/**
 * Dates, date-times and KPI periods as regular expressions, exactly what `dates.ts` and
 * `kinds/kpi.ts` accept, for the editor JSON Schemas (`json-schema.ts`, the KPI kind's patch).
 */

// Real calendar dates (what isDate accepts): years 0100-9999, the days of each month, 29 February
// in leap years only (divisible by 4, centuries only by 400).
const YEAR = '(?:0[1-9]\\d{2}|[1-9]\\d{3})';
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
const LEAP_YEAR = '(?:(?:0[1-9]|[1-9]\\d)(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)';
const DATE = `(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)`;
// What instant() accepts after the date: T or a space, hh:mm[:ss[.fraction]], Z or an offset.
const TIME = '[T ](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:Z|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d)?';

export const DATE_PATTERN = `^${DATE}$`;
export const DATE_OR_DATE_TIME_PATTERN = `^${DATE}(?:${TIME})?$`;
/** isPeriod: a month, an ISO week or a quarter of any four-digit year, or a real date. */
export const PERIOD_PATTERN = `^(?:\\d{4}-(?:0[1-9]|1[0-2]|W(?:0[1-9]|[1-4]\\d|5[0-3])|Q[1-4])|${DATE})$`;

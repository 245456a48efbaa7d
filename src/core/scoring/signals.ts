/** Signal latency (scoring.md §6): hours from a signal's detection to the first touch. */
import { instant, MS_PER_HOUR } from '../dates.js';
import type { Account } from '../kinds/account.js';

/** A signal should be touched within this many hours of its detection. */
export const SIGNAL_TARGET_HOURS = 72;

export interface SignalStatus {
  index: number;
  type: string;
  date: string;
  summary: string;
  firstTouch: string | null;
  /** Hours from detection to first touch; null while untouched. */
  latencyHours: number | null;
  /** Hours since detection at the as-of date, for untouched signals. */
  openHours: number | null;
}

export function signalStatuses(account: Account, asOfDay: number): SignalStatus[] {
  const asOfMs = asOfDay * 86_400_000;
  return (account.signals ?? []).map((s, index) => {
    const detected = instant(s.date) ?? 0;
    const touched = s.first_touch !== undefined ? instant(s.first_touch) : undefined;
    const latencyHours = touched !== undefined ? (touched - detected) / MS_PER_HOUR : null;
    const openHours = touched === undefined ? (asOfMs - detected) / MS_PER_HOUR : null;
    return { index, type: s.type, date: s.date, summary: s.summary, firstTouch: s.first_touch ?? null, latencyHours, openHours };
  });
}

/** Rules on signals: a first touch before the signal, and signals left untouched past the target. */
import { plural } from '../words.js';
import type { Finding } from '../problem.js';
import { SIGNAL_TARGET_HOURS, type SignalStatus } from '../scoring/signals.js';

export function signalFindings(signals: readonly SignalStatus[]): Finding[] {
  const out: Finding[] = [];
  for (const s of signals) {
    if (s.latencyHours !== null && s.latencyHours < 0) {
      out.push({ rule: 'signal-touch-before-date', path: ['signals', s.index, 'first_touch'], message: `signals[${s.index}].first_touch (${s.firstTouch}) is before the signal's date (${s.date})` });
    }
    if (s.openHours !== null && s.openHours > SIGNAL_TARGET_HOURS) {
      out.push({
        rule: 'signal-untouched',
        path: ['signals', s.index],
        message: `${s.type} signal "${s.summary}" from ${s.date} has had no first touch for ${openFor(s.openHours)} (target: a first touch within ${SIGNAL_TARGET_HOURS} hours)`,
      });
    }
  }
  return out;
}

/** Days once a signal is a day old or more, hours before: "121 days", "30 hours". */
function openFor(hours: number): string {
  const days = Math.floor(hours / 24);
  return days >= 1 ? plural(days, 'day') : plural(Math.floor(hours), 'hour');
}

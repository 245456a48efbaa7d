/**
 * The signals report (scoring.md §6): open signals past the 72-hour first-touch target, the
 * median latency from signal to first touch, the share touched within 72 hours, by signal type.
 */
import type { Analysis } from '../analyze.js';
import { folded } from '../filter.js';
import { SIGNAL_TYPES } from '../schemas.js';
import { SIGNAL_TARGET_HOURS } from '../scoring/signals.js';
import { median, roundTo, share } from './numbers.js';

export { SIGNAL_TARGET_HOURS };

export interface OpenSignal {
  account: string;
  accountName: string;
  /** Who owns the account: the person to touch the signal. */
  owner: string | null;
  type: string;
  date: string;
  summary: string;
  /** Hours since the signal at the as-of date, to one decimal. */
  openHours: number;
  /** Open for more than 72 hours: the `signal-untouched` warning. */
  pastTarget: boolean;
  /** Whole days open, for people who think in days. */
  openDays: number;
}

/** Open signals per owner (null: accounts nobody owns), most open first. */
export interface OwnerSignals {
  owner: string | null;
  open: number;
  openPastTarget: number;
}

export interface SignalStats {
  total: number;
  touched: number;
  open: number;
  /** Open signals detected more than 72 hours before the as-of date. */
  openPastTarget: number;
  /** Median hours from signal to first touch over touched signals, to one decimal; null when none is touched. */
  medianLatencyHours: number | null;
  /** Touched signals whose first touch came under 72 hours after the signal. */
  withinTarget: number;
  /** withinTarget / touched, 0..1 to four decimals; null when none is touched. */
  withinTargetShare: number | null;
}

export interface SignalsReport extends SignalStats {
  /** Accounts whose signals were read. */
  accounts: number;
  targetHours: number;
  /** Every signal without a first touch, longest open first. */
  openSignals: OpenSignal[];
  byOwner: OwnerSignals[];
  /** Every signal type of format.md, in order. */
  byType: (SignalStats & { type: string })[];
}

interface FlatSignal {
  account: string;
  accountName: string;
  owner: string | null;
  type: string;
  date: string;
  summary: string;
  latencyHours: number | null;
  openHours: number | null;
}

export function signalsReport(analysis: Analysis): SignalsReport {
  const all: FlatSignal[] = [];
  for (const score of analysis.scores.values()) {
    for (const s of score.signals) all.push({ account: score.id, accountName: score.name, owner: score.owner, type: s.type, date: s.date, summary: s.summary, latencyHours: s.latencyHours, openHours: s.openHours });
  }
  const openSignals: OpenSignal[] = all
    .filter((s) => s.latencyHours === null)
    .map((s) => {
      const hours = s.openHours ?? 0;
      return { account: s.account, accountName: s.accountName, owner: s.owner, type: s.type, date: s.date, summary: s.summary, openHours: roundTo(hours, 1), pastTarget: hours > SIGNAL_TARGET_HOURS, openDays: Math.floor(hours / 24) };
    })
    .sort((a, b) => b.openHours - a.openHours || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
  return {
    accounts: analysis.scores.size,
    targetHours: SIGNAL_TARGET_HOURS,
    ...stats(all),
    openSignals,
    byOwner: signalsByOwner(openSignals),
    byType: SIGNAL_TYPES.map((type) => ({ type, ...stats(all.filter((s) => s.type === type)) })),
  };
}

function signalsByOwner(open: readonly OpenSignal[]): OwnerSignals[] {
  const rows = new Map<string, OwnerSignals>();
  for (const o of open) {
    const key = o.owner === null ? '' : folded(o.owner);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { owner: o.owner, open: 0, openPastTarget: 0 }));
    row.open++;
    if (o.pastTarget) row.openPastTarget++;
  }
  const name = (r: OwnerSignals) => r.owner ?? '\uffff';
  return [...rows.values()].sort((a, b) => b.open - a.open || name(a).localeCompare(name(b), 'en'));
}

function stats(signals: readonly FlatSignal[]): SignalStats {
  const latencies = signals.map((s) => s.latencyHours).filter((h): h is number => h !== null);
  const m = median(latencies);
  const withinTarget = latencies.filter((h) => h < SIGNAL_TARGET_HOURS).length;
  return {
    total: signals.length,
    touched: latencies.length,
    open: signals.length - latencies.length,
    openPastTarget: signals.filter((s) => s.latencyHours === null && s.openHours !== null && s.openHours > SIGNAL_TARGET_HOURS).length,
    medianLatencyHours: m === null ? null : roundTo(m, 1),
    withinTarget,
    withinTargetShare: share(withinTarget, latencies.length),
  };
}

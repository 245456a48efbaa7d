/** Rules that need more than one file: references between files, budget shares, KPI records. */
import type { Entry, KpiEntry } from '../analyze.js';
import { normaliseDomain } from '../import/domain.js';
import { KPI_IDS } from '../kpis.js';
import type { Finding } from '../problem.js';
import type { Account, Bet, Journey, Segment } from '../schemas.js';
import { didYouMean } from '../suggest.js';

/**
 * Ids of every file of a kind, read or not, known from the file list before any file is read.
 * A reference to a file that exists but has errors is not an unknown reference.
 */
export interface FileIds {
  segments: Set<string>;
  accounts: Set<string>;
}

export function referenceFindings(kind: 'accounts' | 'bets' | 'journeys', data: Account | Bet | Journey, ids: FileIds): Finding[] {
  const out: Finding[] = [];
  const check = (known: Set<string>, what: string, value: string, path: (string | number)[], name: string) => {
    if (known.has(value)) return;
    out.push({ rule: 'unknown-reference', path, message: `${name} "${value}" names no ${what} file${didYouMean(value, known)}` });
  };
  if (kind === 'bets') {
    const bet = data as Bet;
    bet.segments?.forEach((id, i) => check(ids.segments, 'segment', id, ['segments', i], `segments[${i}]`));
    bet.accounts?.forEach((id, i) => check(ids.accounts, 'account', id, ['accounts', i], `accounts[${i}]`));
  } else {
    const segment = (data as Account | Journey).segment;
    if (segment) check(ids.segments, 'segment', segment, ['segment'], 'segment');
  }
  return out;
}

/**
 * Two accounts for one company split its engagement, scores and imports (import skips the
 * domain as ambiguous): the second file in path order is told which file has the domain first.
 */
export function duplicateDomainFinding(owners: Map<string, string>, file: string, domain: string | undefined): Finding | undefined {
  const key = normaliseDomain(domain);
  if (key === undefined) return undefined;
  const first = owners.get(key);
  if (first === undefined) {
    owners.set(key, file);
    return undefined;
  }
  if (first === file) return undefined;
  return {
    rule: 'duplicate-domain',
    path: ['domain'],
    message: `the domain ${key} is also the domain of ${first}: one company, one account file (merge the two, or correct the domain)`,
  };
}

/** One error, on the segment whose share takes the total past 100 (in path order). */
export function budgetShareFindings(segments: readonly Entry<Segment>[]): Map<string, Finding> {
  const out = new Map<string, Finding>();
  const shares = segments.filter((s) => s.data.budget_share !== undefined).sort((x, y) => (x.file < y.file ? -1 : 1));
  const sum = shares.reduce((s, x) => s + (x.data.budget_share ?? 0), 0);
  let total = 0;
  for (const s of shares) {
    total += s.data.budget_share ?? 0;
    if (total > 100 + 1e-9) {
      out.set(s.file, {
        rule: 'budget-share-sum',
        path: ['budget_share'],
        message: `the segments' budget shares add up to ${+sum.toFixed(6)}%, more than 100% (${shares.map((x) => `${x.id} ${x.data.budget_share}`).join(', ')})`,
      });
      break;
    }
  }
  return out;
}

/** KPI records as they come: unknown KPI ids, and a (kpi, period) pair recorded twice. */
export class KpiLedger {
  private readonly seen = new Map<string, KpiEntry>();

  add(entry: KpiEntry): Finding | undefined {
    const { kpi, period } = entry.record;
    if (!KPI_IDS.includes(kpi)) {
      return { rule: 'unknown-reference', path: [entry.index, 'kpi'], message: `"${kpi}" is not a KPI of the KPI architecture${didYouMean(kpi, KPI_IDS)}` };
    }
    const key = `${kpi}\u0000${period}`;
    const first = this.seen.get(key);
    if (!first) {
      this.seen.set(key, entry);
      return undefined;
    }
    const where = first.file === entry.file ? `record ${first.index + 1} of this file` : first.file;
    return { rule: 'duplicate-id', path: [entry.index], message: `${kpi} for ${period} is already recorded in ${where}` };
  }
}

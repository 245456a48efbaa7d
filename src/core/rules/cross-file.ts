/** Rules that need more than one file: references between files, budget shares, KPI records. */
import type { Entry, KpiEntry } from '../analyze.js';
import type { Finding } from '../problem.js';
import type { Account, Bet, Journey, Segment } from '../schemas.js';
import { didYouMean } from '../suggest.js';

export interface CrossFileInput {
  segments: Map<string, Entry<Segment>>;
  accounts: Map<string, Entry<Account>>;
  bets: Map<string, Entry<Bet>>;
  journeys: Map<string, Entry<Journey>>;
  kpis: KpiEntry[];
  kpiIds: readonly string[];
  /** Ids of every file of a kind, read or not: a reference to a broken file is not an unknown reference. */
  fileIds: { segments: Set<string>; accounts: Set<string> };
}

export interface FileFinding {
  file: string;
  finding: Finding;
}

export function crossFileRules(input: CrossFileInput): FileFinding[] {
  const out: FileFinding[] = [];
  const reference = (file: string, ids: Set<string>, kind: string, value: string, path: (string | number)[], name: string) => {
    if (ids.has(value)) return;
    out.push({ file, finding: { rule: 'unknown-reference', path, message: `${name} "${value}" names no ${kind} file${didYouMean(value, ids.keys())}` } });
  };

  for (const a of input.accounts.values()) {
    if (a.data.segment) reference(a.file, input.fileIds.segments, 'segment', a.data.segment, ['segment'], 'segment');
  }
  for (const b of input.bets.values()) {
    b.data.segments?.forEach((id, i) => reference(b.file, input.fileIds.segments, 'segment', id, ['segments', i], `segments[${i}]`));
    b.data.accounts?.forEach((id, i) => reference(b.file, input.fileIds.accounts, 'account', id, ['accounts', i], `accounts[${i}]`));
  }
  for (const j of input.journeys.values()) {
    if (j.data.segment) reference(j.file, input.fileIds.segments, 'segment', j.data.segment, ['segment'], 'segment');
  }

  // One error, on the segment whose share takes the total past 100.
  let total = 0;
  let reported = false;
  const shares = [...input.segments.values()].filter((s) => s.data.budget_share !== undefined).sort((x, y) => (x.file < y.file ? -1 : 1));
  const sum = shares.reduce((s, x) => s + (x.data.budget_share ?? 0), 0);
  for (const s of shares) {
    total += s.data.budget_share ?? 0;
    if (!reported && total > 100 + 1e-9) {
      reported = true;
      out.push({
        file: s.file,
        finding: {
          rule: 'budget-share-sum',
          path: ['budget_share'],
          message: `the segments' budget shares add up to ${+sum.toFixed(6)}%, more than 100% (${shares.map((x) => `${x.id} ${x.data.budget_share}`).join(', ')})`,
        },
      });
    }
  }

  const seen = new Map<string, KpiEntry>();
  for (const entry of input.kpis) {
    const { kpi, period } = entry.record;
    if (!input.kpiIds.includes(kpi)) {
      out.push({
        file: entry.file,
        finding: { rule: 'unknown-reference', path: [entry.index, 'kpi'], message: `"${kpi}" is not a KPI of the KPI architecture${didYouMean(kpi, input.kpiIds)}` },
      });
      continue;
    }
    const key = `${kpi}\u0000${period}`;
    const first = seen.get(key);
    if (first) {
      const where = first.file === entry.file ? `record ${first.index + 1} of this file` : first.file;
      out.push({ file: entry.file, finding: { rule: 'duplicate-id', path: [entry.index], message: `${kpi} for ${period} is already recorded in ${where}` } });
    } else {
      seen.set(key, entry);
    }
  }
  return out;
}

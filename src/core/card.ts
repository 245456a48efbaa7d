/**
 * One account's card for `abx show`: its scores with tiers, the buying committee with who is
 * engaged, open signals with their age in days, next actions and the last changes to its file.
 * Pure: the history is handed in by the CLI (read through git).
 */
import type { Config } from './config.js';
import type { Account } from './kinds/account.js';
import type { AccountScore } from './scoring/account.js';
import { isEngaged } from './scoring/committee.js';

export interface CardMember {
  name: string;
  title: string;
  role: string;
  seniority: string | null;
  status: string;
  /** Engaged inside the MQA window: counts towards MQA. */
  engaged: boolean;
  lastEngaged: string | null;
}

export interface CardSignal {
  type: string;
  date: string;
  summary: string;
  /** Whole days since the signal was detected, at the as-of date. */
  ageDays: number;
}

export interface Change {
  commit: string;
  date: string;
  author: string;
  subject: string;
}

export interface Card {
  asOf: string;
  file: string;
  id: string;
  name: string;
  domain: string | null;
  segment: string | null;
  owner: string | null;
  motion: string | null;
  score: AccountScore;
  mqaRule: { minEngaged: number; minSenior: number; windowDays: number };
  committee: CardMember[];
  openSignals: CardSignal[];
  nextActions: string[];
  /** Newest first; null when the workspace is not in a git repository. */
  changes: Change[] | null;
}

export function accountCard(input: {
  id: string;
  file: string;
  account: Account;
  score: AccountScore;
  config: Config;
  asOf: string;
  asOfDay: number;
  changes: Change[] | null;
}): Card {
  const { account, score, config, asOfDay } = input;
  const committee = (account.buying_committee ?? []).map((m) => ({
    name: m.name,
    title: m.title,
    role: m.role,
    seniority: m.seniority ?? null,
    status: m.status,
    engaged: isEngaged(m, config, asOfDay),
    lastEngaged: m.last_engaged ?? null,
  }));
  const openSignals = score.signals
    .filter((s) => s.openHours !== null)
    .map((s) => ({ type: s.type, date: s.date, summary: s.summary, ageDays: Math.max(0, Math.floor((s.openHours ?? 0) / 24)) }))
    .sort((a, b) => b.ageDays - a.ageDays);
  return {
    asOf: input.asOf,
    file: input.file,
    id: input.id,
    name: score.name,
    domain: score.domain,
    segment: score.segment,
    owner: score.owner,
    motion: score.motion,
    score,
    mqaRule: { minEngaged: config.mqa.minEngaged, minSenior: config.mqa.minSenior, windowDays: config.mqa.windowDays },
    committee,
    openSignals,
    nextActions: (account.next_actions ?? []).filter((a) => a.trim() !== ''),
    changes: input.changes,
  };
}

/**
 * `abx export`: every account with its facts and scores, in columns that stay the same from one
 * release to the next (new columns are only ever added at the end), for spreadsheets, BI tools
 * and warehouses.
 */
import type { Entry } from '../../core/kinds/kind.js';
import type { Account } from '../../core/kinds/account.js';
import type { AccountScore } from '../../core/scoring/account.js';
import { detach } from '../../core/detach.js';
import { accountJson, CSV_COLUMNS, type AccountJson } from '../score/rows.js';

export interface AccountFacts {
  domain: string | null;
  owner: string | null;
  industry: string | null;
  employees: number | null;
  revenue_usd: number | null;
  region: string | null;
  country: string | null;
  stack: string[];
  tags: string[];
}

export interface ExportedAccount extends AccountJson {
  file: string;
  facts: AccountFacts;
}

export const EXPORT_COLUMNS = [...CSV_COLUMNS, 'domain', 'owner', 'industry', 'employees', 'revenue_usd', 'region', 'country', 'stack', 'tags', 'file'] as const;

const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function factsOf(account: Account | undefined): AccountFacts {
  const f = account?.firmographics;
  return {
    domain: text(account?.domain),
    owner: text(account?.owner),
    industry: text(f?.industry),
    employees: num(f?.employees),
    revenue_usd: num(f?.revenue_usd),
    region: text(f?.region),
    country: text(f?.country),
    stack: list(account?.technographics?.stack),
    tags: list(account?.tags),
  };
}

export function exportedAccount(score: AccountScore, entry: Entry<Account> | undefined): ExportedAccount {
  return exportedRow(score, entry?.file ?? '', factsOf(entry?.data));
}

export function exportedRow(score: AccountScore, file: string, facts: AccountFacts): ExportedAccount {
  return { ...accountJson(score), file, facts };
}

/** The facts with every text detached from the file it was read from: `export` keeps them after the file is let go. */
export function detachedFacts(facts: AccountFacts): AccountFacts {
  const d = (v: string | null) => (v === null ? null : detach(v));
  return { ...facts, domain: d(facts.domain), owner: d(facts.owner), industry: d(facts.industry), region: d(facts.region), country: d(facts.country), stack: facts.stack.map(detach), tags: facts.tags.map(detach) };
}

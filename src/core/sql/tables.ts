/**
 * The workspace as flat tables a warehouse can load (`abx export --format tables`): the layout,
 * its column types, and the rows of each table. The view of `abx sql` reads exactly these
 * tables, so the layout is a contract: columns are only ever added at the end of a table.
 */
import { dayNumber, instant } from '../dates.js';
import type { Account } from '../kinds/account.js';
import { FIT_COMPONENTS, PURE_CRITERIA } from '../schemas.js';

/** A column type, named once here and spelled per engine in dialect.ts. */
export type ColumnType = 'text' | 'integer' | 'decimal' | 'double' | 'boolean' | 'date' | 'timestamp';

export interface Column {
  name: string;
  type: ColumnType;
  /** What the column holds, for docs/warehouse.md and the comments of schema.sql. */
  doc: string;
}

export interface TableDef {
  name: TableName;
  doc: string;
  columns: readonly Column[];
}

export type Cell = string | number | boolean | null;
export type TableName = 'accounts' | 'firmographics' | 'stack' | 'engagement' | 'committee' | 'signals';

const c = (name: string, type: ColumnType, doc: string): Column => ({ name, type, doc });
const accountId = c('account_id', 'text', 'the account id (accounts.id)');

/**
 * Given fit components are exact to this many decimal places in the warehouse (DECIMAL(12,9));
 * a typed percent rarely has more than two.
 */
export const GIVEN_SCALE = 9;

export const TABLES: readonly TableDef[] = [
  {
    name: 'accounts',
    doc: 'one row per scored account',
    columns: [
      c('id', 'text', 'the account id (its file name)'),
      c('name', 'text', 'display name'),
      c('segment', 'text', 'segment id, or empty'),
      c('domain', 'text', 'web domain'),
      c('owner', 'text', 'owner'),
      c('motion', 'text', 'detect | decode | engage | accelerate | expand'),
      ...PURE_CRITERIA.map((p) => c(`pure_${p}`, 'integer', `PURE ${p} score 0..3; empty when the account is unscored`)),
      ...FIT_COMPONENTS.map((f) => c(`fit_${f}`, 'decimal', `fit.${f} as given in the account (0..100), empty when not given`)),
      c('has_firmographics', 'boolean', 'the account has a firmographics map (so the firmographic component can be computed)'),
      c('has_technographics', 'boolean', 'the account has a technographics map'),
      c('has_engagement', 'boolean', 'the account has an engagement list (even an empty one)'),
      c('industry', 'text', 'firmographics.industry'),
      c('employees', 'double', 'firmographics.employees'),
      c('revenue_usd', 'double', 'firmographics.revenue_usd'),
      c('region', 'text', 'firmographics.region'),
      c('file', 'text', 'the account file, relative to the workspace'),
    ],
  },
  {
    name: 'firmographics',
    doc: 'every firmographic fact, one row per value (a list fact gives one row per item); the view matches criteria here',
    columns: [
      accountId,
      c('fact', 'text', 'the fact name (industry, employees, region, or any other)'),
      c('value', 'text', 'the value as written'),
      c('value_key', 'text', 'the value trimmed and lower-cased: what list criteria compare'),
      c('value_number', 'double', 'the value read as a number, empty when it is not one: what range criteria compare'),
    ],
  },
  {
    name: 'stack',
    doc: 'technographics.stack, one row per technology',
    columns: [accountId, c('technology', 'text', 'as written'), c('technology_key', 'text', 'trimmed and lower-cased: what the stack criteria compare')],
  },
  {
    name: 'engagement',
    doc: 'engagement activities',
    columns: [accountId, c('date', 'date', 'the day of the activity'), c('type', 'text', 'activity type (a key of scoring.engagement.points)'), c('note', 'text', 'note')],
  },
  {
    name: 'committee',
    doc: 'buying committee members',
    columns: [
      accountId,
      c('name', 'text', 'name'),
      c('title', 'text', 'title'),
      c('role', 'text', 'champion | influencer | blocker | decision-maker | economic-buyer | technical-buyer'),
      c('status', 'text', 'cold | warm | engaged'),
      c('seniority', 'text', 'c-level | vp | director | manager | individual, or empty'),
      c('last_engaged', 'date', 'day last engaged, or empty'),
    ],
  },
  {
    name: 'signals',
    doc: 'buying signals',
    columns: [
      accountId,
      c('type', 'text', 'policy | procurement | leadership | competitive | strategic'),
      c('date', 'date', 'day detected'),
      c('summary', 'text', 'summary'),
      c('source', 'text', 'source'),
      c('first_touch', 'timestamp', 'first touch in UTC (a bare date is midnight), or empty'),
    ],
  },
];

export type Tables = Record<TableName, Cell[][]>;

export { guardFormula } from '../csv-formula.js';

/** The comparison key of list criteria and stacks (scoring.md §4: case-insensitive). */
export const keyOf = (v: unknown): string => String(v).trim().toLowerCase();

/** A fact as the scorer reads it for range criteria: a number, or text that reads as a finite one. */
function numberOf(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

const textOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Rows of every table for the accounts given, in the order given. */
export function tablesOf(accounts: Iterable<{ id: string; file: string; account: Account }>): Tables {
  const t: Tables = { accounts: [], firmographics: [], stack: [], engagement: [], committee: [], signals: [] };
  for (const { id, file, account: a } of accounts) {
    const f = a.firmographics as Record<string, unknown> | undefined;
    // A PURE block counts only when complete and valid; the scorer treats anything else as unscored.
    const pure = a.pure && PURE_CRITERIA.every((p) => Number.isInteger(a.pure?.[p]?.score)) ? a.pure : undefined;
    t.accounts.push([
      id,
      a.name,
      a.segment ?? null,
      a.domain ?? null,
      a.owner ?? null,
      a.motion ?? null,
      ...PURE_CRITERIA.map((p) => pure?.[p].score ?? null),
      ...FIT_COMPONENTS.map((x) => a.fit?.[x] ?? null),
      f !== undefined,
      a.technographics !== undefined,
      a.engagement !== undefined,
      textOrNull(f?.industry),
      num(f?.employees),
      num(f?.revenue_usd),
      textOrNull(f?.region),
      file,
    ]);
    for (const [fact, value] of Object.entries(f ?? {})) {
      // The scorer treats null and empty text as a missing fact: no row.
      if (value === null || value === undefined || value === '') continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        t.firmographics.push([id, fact, String(item), keyOf(item), numberOf(item)]);
      }
    }
    for (const tech of a.technographics?.stack ?? []) t.stack.push([id, tech, keyOf(tech)]);
    for (const e of a.engagement ?? []) {
      // An activity whose date is not a date never counts; a date column cannot hold it.
      if (dayNumber(e.date) === undefined) continue;
      t.engagement.push([id, e.date, e.type, e.note ?? null]);
    }
    for (const m of a.buying_committee ?? []) {
      // A last_engaged that is not a date never counts and a date column cannot hold it: no row.
      if (m.last_engaged !== undefined && dayNumber(m.last_engaged) === undefined) continue;
      t.committee.push([id, m.name, m.title, m.role, m.status, m.seniority ?? null, m.last_engaged ?? null]);
    }
    for (const s of a.signals ?? []) {
      if (dayNumber(s.date) === undefined) continue;
      const touch = s.first_touch !== undefined ? instant(s.first_touch) : undefined;
      t.signals.push([id, s.type, s.date, s.summary, s.source ?? null, touch === undefined ? null : new Date(touch).toISOString().replace('T', ' ').replace('Z', '')]);
    }
  }
  return t;
}

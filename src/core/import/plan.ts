/**
 * What an import would do, row by row, decided without touching a file: match each row to an
 * account by domain (lead-to-account matching), else by name where no domain tells them apart;
 * update the mapped fields that differ, create accounts for rows that match nothing, and say why
 * any row is skipped. An empty cell never clears a value a person wrote.
 */
import { nameKey, normaliseDomain } from './domain.js';
import type { ResolvedMapping } from './mappings.js';
import { slugify, uniqueId } from './slug.js';
import { parseCell, sameValue, type FieldValue } from './values.js';

export interface ExistingAccount {
  id: string;
  data: Readonly<Record<string, unknown>>;
}

export interface CsvRow {
  /** Line of the CSV file the record starts on. */
  line: number;
  cells: readonly string[];
}

export interface FieldChange {
  field: string;
  path: readonly string[];
  value: FieldValue;
}

export type Outcome =
  | { action: 'created'; line: number; label: string; id: string }
  | { action: 'updated'; line: number; label: string; id: string; fields: string[] }
  | { action: 'unchanged'; line: number; label: string; id: string }
  | { action: 'skipped'; line: number; label: string; reason: string }
  /** The row's account is in a file abx cannot read: importing would duplicate or overwrite it. */
  | { action: 'blocked'; line: number; label: string; reason: string };

/**
 * An account file abx could not read (not text, broken YAML, schema errors). What can still be
 * told from its text (a `domain:` or `name:` line) and its id keep a row from creating a second
 * account for the same company.
 */
export interface UnreadableAccount {
  id: string;
  file: string;
  why: string;
  domain?: string;
  name?: string;
}

export interface RowNote {
  line: number;
  label: string;
  message: string;
}

export interface ImportPlan {
  outcomes: Outcome[];
  notes: RowNote[];
  /** New accounts: id → every field value they start with. */
  creates: Map<string, FieldChange[]>;
  /** Existing accounts: id → the fields whose value changes. */
  updates: Map<string, FieldChange[]>;
}

export interface PlanInput {
  mapping: ResolvedMapping;
  rows: Iterable<CsvRow>;
  existing: readonly ExistingAccount[];
  /** Every account id in use, readable or not. */
  takenIds: Iterable<string>;
  /** Account files that could not be read: a row matching one is blocked. */
  unreadable?: readonly UnreadableAccount[];
  /** Segment for new accounts whose row names none. */
  segment?: string;
  segments: ReadonlySet<string>;
}

export function getPath(data: unknown, path: readonly string[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur) || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

interface Known {
  id: string;
  created: boolean;
  /** The account's current values by field, this import's changes included. */
  current: (field: FieldChange) => unknown;
  overlay: Map<string, FieldChange>;
}

export function planImport(input: PlanInput): ImportPlan {
  const outcomes: Outcome[] = [];
  const notes: RowNote[] = [];
  const creates = new Map<string, FieldChange[]>();
  const updates = new Map<string, FieldChange[]>();
  const taken = new Set(input.takenIds);
  const byDomain = new Map<string, Known[]>();
  const byName = new Map<string, Known[]>();
  const touched = new Map<string, number>();
  const add = <K>(index: Map<K, Known[]>, key: K | undefined, k: Known) => {
    if (key === undefined || key === '') return;
    const list = index.get(key);
    if (list) {
      if (!list.includes(k)) list.push(k);
    } else index.set(key, [k]);
  };
  const domainOf = (k: Known) => {
    const d = k.current({ field: 'domain', path: ['domain'], value: '' });
    return typeof d === 'string' ? d : undefined;
  };

  const unreadableByDomain = new Map<string, UnreadableAccount>();
  const unreadableByName = new Map<string, UnreadableAccount>();
  const unreadableById = new Map<string, UnreadableAccount>();
  for (const u of input.unreadable ?? []) {
    const d = normaliseDomain(u.domain);
    if (d !== undefined) unreadableByDomain.set(d, u);
    if (u.name !== undefined && nameKey(u.name) !== '') unreadableByName.set(nameKey(u.name), u);
    unreadableById.set(u.id, u);
  }
  const blocked = (u: UnreadableAccount) => `its account may be ${u.file}, which abx cannot read (${u.why}): fix that file (abx validate shows where), then import again`;

  for (const account of input.existing) {
    const known: Known = {
      id: account.id,
      created: false,
      overlay: new Map(),
      current: (f) => (known.overlay.has(f.field) ? known.overlay.get(f.field)?.value : getPath(account.data, f.path)),
    };
    const domain = getPath(account.data, ['domain']);
    if (typeof domain === 'string') add(byDomain, normaliseForIndex(domain), known);
    const name = getPath(account.data, ['name']);
    if (typeof name === 'string') add(byName, nameKey(name), known);
  }

  const { fields, recordIdIndex } = input.mapping;
  for (const row of input.rows) {
    const values: FieldChange[] = [];
    const rowNotes: string[] = [];
    for (const f of fields) {
      const index = f.indexes.find((i) => (row.cells[i] ?? '').trim() !== '');
      if (index === undefined) continue;
      const raw = row.cells[index] ?? '';
      const parsed = parseCell(f.type, raw);
      if (!parsed.ok) {
        rowNotes.push(`${f.columns[f.indexes.indexOf(index)] ?? f.field} "${raw.trim().slice(0, 40)}" ${parsed.reason}: not used`);
        continue;
      }
      if (f.field === 'segment' && !input.segments.has(parsed.value as string)) {
        rowNotes.push(`segment "${String(parsed.value)}" is not a segment of this workspace: not used`);
        continue;
      }
      values.push({ field: f.field, path: f.path, value: parsed.value });
    }
    const get = (field: string) => values.find((v) => v.field === field)?.value;
    const name = get('name') as string | undefined;
    const domain = get('domain') as string | undefined;
    const recordId = recordIdIndex !== undefined ? (row.cells[recordIdIndex] ?? '').trim() : '';
    const label = name ?? domain ?? (recordId ? `record ${recordId}` : `line ${row.line}`);
    for (const message of rowNotes) notes.push({ line: row.line, label, message });

    if (name === undefined && domain === undefined) {
      outcomes.push({ action: 'skipped', line: row.line, label, reason: 'no name and no domain' });
      continue;
    }

    const domainKey = normaliseDomain(domain);
    const unreadableMatch = (domainKey !== undefined ? unreadableByDomain.get(domainKey) : undefined) ?? (name !== undefined ? unreadableByName.get(nameKey(name)) : undefined);
    if (unreadableMatch) {
      outcomes.push({ action: 'blocked', line: row.line, label, reason: blocked(unreadableMatch) });
      continue;
    }

    let candidates = domainKey !== undefined ? (byDomain.get(domainKey) ?? []) : [];
    if (candidates.length === 0 && name !== undefined) {
      // Without a domain match, the same name is the same account only where no domain says otherwise.
      candidates = (byName.get(nameKey(name)) ?? []).filter((k) => domainOf(k) === undefined);
    }
    if (candidates.length > 1) {
      const ids = candidates.map((k) => k.id).slice(0, 3).join(', ');
      outcomes.push({ action: 'skipped', line: row.line, label, reason: `${domain !== undefined ? `domain ${domain}` : 'the name'} matches ${candidates.length} accounts (${ids}): make their domains unique` });
      continue;
    }

    const match = candidates[0];
    const earlier = match ? touched.get(match.id) : undefined;
    if (match && earlier !== undefined) {
      // CRM exports hold duplicate records; letting each overwrite the last would flip values on every import.
      outcomes.push({ action: 'skipped', line: row.line, label, reason: `same account (${match.id}) as line ${earlier}: only the first row for an account is used` });
      continue;
    }
    if (match) {
      touched.set(match.id, row.line);
      const changed: FieldChange[] = [];
      for (const v of values) {
        const current = match.current(v);
        const same = v.field === 'domain' && typeof current === 'string' ? normaliseForIndex(current) === domainKey : sameValue(current, v.value);
        if (!same) {
          changed.push(v);
          match.overlay.set(v.field, v);
        }
      }
      if (changed.length === 0) {
        outcomes.push({ action: 'unchanged', line: row.line, label, id: match.id });
        continue;
      }
      const target = match.created ? creates : updates;
      const list = target.get(match.id) ?? [];
      for (const c of changed) {
        const at = list.findIndex((x) => x.field === c.field);
        if (at === -1) list.push(c);
        else list[at] = c;
      }
      target.set(match.id, list);
      add(byDomain, domainKey, match);
      if (name !== undefined) add(byName, nameKey(name), match);
      outcomes.push({ action: 'updated', line: row.line, label, id: match.id, fields: changed.map((c) => c.field) });
      continue;
    }

    if (name === undefined) {
      outcomes.push({ action: 'skipped', line: row.line, label, reason: 'no company name, and its domain matches no account: a new account needs a name' });
      continue;
    }
    const base = slugify(name) || (domain !== undefined ? slugify(domain) : '');
    if (base === '') {
      outcomes.push({ action: 'skipped', line: row.line, label, reason: 'the name has no letters or digits an id can be made of, and there is no domain' });
      continue;
    }
    const clash = unreadableById.get(base);
    if (clash) {
      // Not `<id>-2`: the company may well be the one in the file that cannot be read.
      outcomes.push({ action: 'blocked', line: row.line, label, reason: blocked(clash) });
      continue;
    }
    const id = uniqueId(base, taken);
    const initial = [...values];
    if (input.segment !== undefined && get('segment') === undefined) initial.push({ field: 'segment', path: ['segment'], value: input.segment });
    const known: Known = { id, created: true, overlay: new Map(initial.map((v) => [v.field, v])), current: (f) => known.overlay.get(f.field)?.value };
    creates.set(id, initial);
    touched.set(id, row.line);
    add(byDomain, domainKey, known);
    add(byName, nameKey(name), known);
    outcomes.push({ action: 'created', line: row.line, label, id });
  }
  return { outcomes, notes, creates, updates };
}

function normaliseForIndex(domain: string): string {
  // Existing files may hold a URL or a `www.` host; they match by the bare domain all the same.
  return normaliseDomain(domain) ?? domain.trim().toLowerCase();
}

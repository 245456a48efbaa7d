/**
 * Which CSV column fills which account field. Built-in mappings use the column names HubSpot
 * and Salesforce put in their exports; a mapping file (YAML, `column: field.path`) covers any
 * other CRM. Field paths are checked against the account schema here, so a typo in a mapping
 * is a usage error, not a silently ignored column.
 */
import { didYouMean } from '../suggest.js';

export type FieldType = 'text' | 'number' | 'percent' | 'list' | 'domain' | 'id' | 'motion';

/** Account fields an import may set. `firmographics.*` and `technographics.*` take any fact name. */
export const IMPORT_FIELDS: Readonly<Record<string, FieldType>> = {
  name: 'text',
  domain: 'domain',
  owner: 'text',
  segment: 'id',
  motion: 'motion',
  tags: 'list',
  'fit.intent': 'percent',
  'firmographics.industry': 'text',
  'firmographics.employees': 'number',
  'firmographics.revenue_usd': 'number',
  'firmographics.region': 'text',
  'firmographics.country': 'text',
  'technographics.stack': 'list',
};

const FACT_KEY = /^[a-z][a-z0-9_]{0,63}$/;

export interface FieldMapping {
  field: string;
  path: string[];
  type: FieldType;
  /** Column names that may hold the field, first present wins (compared case-insensitively). */
  columns: string[];
}

export interface Mapping {
  /** Shown in messages: "HubSpot company export", "mapping.yaml". */
  label: string;
  fields: FieldMapping[];
  /** The CRM's own record id, used to name rows in the report. */
  recordId?: string[];
}

export class MappingError extends Error {}

export function fieldType(field: string): FieldType | undefined {
  // `__proto__`, `constructor`, `toString`…: names every object has are never fields (and must not be looked up as such).
  if (field.split('.').some((part) => part in Object.prototype)) return undefined;
  const known = Object.hasOwn(IMPORT_FIELDS, field) ? IMPORT_FIELDS[field] : undefined;
  if (known) return known;
  const m = /^(firmographics|technographics)\.(.+)$/.exec(field);
  if (m && FACT_KEY.test(m[2] ?? '') && m[2] !== 'stack') return 'text';
  return undefined;
}

function fieldMapping(field: string, columns: string[]): FieldMapping {
  const type = fieldType(field);
  if (!type) {
    throw new MappingError(
      `"${field}" is not an account field an import can set${didYouMean(field, Object.keys(IMPORT_FIELDS))}; use one of ${Object.keys(IMPORT_FIELDS).join(', ')}, or firmographics.<fact> / technographics.<fact>`,
    );
  }
  return { field, path: field.split('.'), type, columns };
}

export const HUBSPOT: Mapping = {
  label: 'HubSpot company export',
  recordId: ['Record ID', 'Company ID'],
  fields: [
    fieldMapping('name', ['Company name', 'Name']),
    fieldMapping('domain', ['Company Domain Name', 'Website URL', 'Domain']),
    fieldMapping('firmographics.industry', ['Industry']),
    fieldMapping('firmographics.employees', ['Number of Employees']),
    fieldMapping('firmographics.revenue_usd', ['Annual Revenue']),
    fieldMapping('firmographics.country', ['Country/Region', 'Country']),
    fieldMapping('owner', ['Company owner', 'HubSpot Owner']),
  ],
};

export const SALESFORCE: Mapping = {
  label: 'Salesforce account report',
  recordId: ['Account ID', 'Id'],
  fields: [
    fieldMapping('name', ['Account Name']),
    fieldMapping('domain', ['Website']),
    fieldMapping('firmographics.industry', ['Industry']),
    fieldMapping('firmographics.employees', ['Employees']),
    fieldMapping('firmographics.revenue_usd', ['Annual Revenue']),
    fieldMapping('firmographics.country', ['Billing Country']),
    fieldMapping('owner', ['Account Owner']),
  ],
};

export const BUILT_IN_MAPPINGS: Readonly<Record<string, Mapping>> = { hubspot: HUBSPOT, salesforce: SALESFORCE };

/**
 * A mapping file's data: `{ column: field }`, optionally under `columns:`. Several columns may
 * feed one field (the first non-empty wins); one column feeds one field.
 */
export function mappingFromData(data: unknown, label: string): Mapping {
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isMap(data)) throw new MappingError(`${label} must be a YAML map from CSV column to account field, e.g. "Company: name"`);
  const table = Object.hasOwn(data, 'columns') && isMap(data.columns) ? data.columns : data;
  const byField = new Map<string, string[]>();
  for (const [column, target] of Object.entries(table)) {
    if (typeof target !== 'string' || target.trim() === '') {
      throw new MappingError(`${label}: column "${column}" must map to an account field path such as firmographics.industry`);
    }
    const field = target.trim();
    const list = byField.get(field) ?? [];
    list.push(column);
    byField.set(field, list);
  }
  const fields = [...byField].map(([field, columns]) => fieldMapping(field, columns));
  if (!fields.some((f) => f.field === 'name' || f.field === 'domain')) {
    throw new MappingError(`${label} maps no column to name or domain: an import needs one of them to match or create accounts`);
  }
  return { label, fields };
}

const columnKey = (s: string) => s.replace(/^\uFEFF/, '').trim().toLowerCase();

export interface ResolvedField extends FieldMapping {
  /** Indexes in the header of the columns present, in preference order. */
  indexes: number[];
}

export interface ResolvedMapping {
  fields: ResolvedField[];
  recordIdIndex: number | undefined;
}

/** Finds the mapping's columns in a header; at least the name or the domain must be there. */
export function resolveMapping(mapping: Mapping, header: readonly string[]): ResolvedMapping {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const key = columnKey(h);
    if (!index.has(key)) index.set(key, i);
  });
  const find = (columns: readonly string[]) => columns.map((c) => index.get(columnKey(c))).filter((i): i is number => i !== undefined);
  const fields = mapping.fields.map((f) => ({ ...f, indexes: find(f.columns) })).filter((f) => f.indexes.length > 0);
  if (!fields.some((f) => f.field === 'name' || f.field === 'domain')) {
    const wanted = mapping.fields.filter((f) => f.field === 'name' || f.field === 'domain').flatMap((f) => f.columns);
    // A header is user text: cut each cell (the message is escaped where it is printed).
    const shown = header.slice(0, 12).map((h) => `"${h.length > 40 ? `${h.slice(0, 39)}…` : h}"`).join(', ');
    throw new MappingError(
      `this file does not look like a ${mapping.label}: it has no ${wanted.map((c) => `"${c}"`).join(' or ')} column (its columns: ${shown}${header.length > 12 ? ', …' : ''}). Use --from to pick another source or a mapping file.`,
    );
  }
  const recordIdIndex = mapping.recordId ? find(mapping.recordId)[0] : undefined;
  return { fields, recordIdIndex };
}

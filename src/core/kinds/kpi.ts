/** KPI records: `kpis/*.yaml`, each file a list of `{ kpi, period, value }` measured against the KPI architecture. */
import * as z from 'zod';
import { PERIOD_PATTERN } from '../date-patterns.js';
import { isDate } from '../dates.js';
import { KPI_IDS } from '../kpis.js';
import type { Finding } from '../problem.js';
import { number, says, text } from '../schemas.js';
import { didYouMean } from '../suggest.js';
import type { Entry, KindDef } from './kind.js';

const PERIOD_RE = /^(\d{4})-(?:(0[1-9]|1[0-2])|W(0[1-9]|[1-4]\d|5[0-3])|Q([1-4])|(\d{2})-(\d{2}))$/;
export function isPeriod(value: string): boolean {
  const m = PERIOD_RE.exec(value);
  if (!m) return false;
  if (m[5] !== undefined) return isDate(value);
  return true;
}

export const kpiRecordSchema = z.object(
  {
    kpi: text('a KPI id'),
    period: z
      .string(says('must be a period: 2026-10-05, 2026-W41, 2026-10 or 2026-Q3'))
      .max(20, { error: 'must be a period: 2026-10-05, 2026-W41, 2026-10 or 2026-Q3', abort: true })
      .refine(isPeriod, { error: 'must be a period: a day (2026-10-05), an ISO week (2026-W41), a month (2026-10) or a quarter (2026-Q3)' }),
    value: number('a number').refine(Number.isFinite, { error: 'must be a finite number' }),
    note: text().optional(),
  },
  says('must be a map with kpi, period and value'),
);
export const kpiFileSchema = z.array(kpiRecordSchema, says('must be a YAML list of KPI records'));
export type KpiRecord = z.infer<typeof kpiRecordSchema>;

/** A KPI file's records by position; a broken record is a hole, so the others keep their place. */
export type KpiRecords = readonly (KpiRecord | undefined)[];

export interface KpiEntry {
  record: KpiRecord;
  file: string;
  index: number;
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

/** The records of KPI files, in file order, each with its file and position. */
export function kpiEntries(files: Iterable<Entry<KpiRecords>>): KpiEntry[] {
  const out: KpiEntry[] = [];
  for (const file of files) file.data.forEach((record, index) => record && out.push({ record, file: file.file, index }));
  return out;
}

export const kpiKind: KindDef<'kpis', KpiRecords, 'kpi'> = {
  kind: 'kpis',
  singular: 'kpi',
  glob: 'kpis/**/*.yaml',
  format: 'yaml',
  schema: kpiFileSchema,
  title: 'abx KPI records',
  description: 'A kpis/*.yaml file: a list of KPI records.',
  keepWhenLean: true,
  // Valid records of a KPI file count even when others in it are broken (and reported).
  salvage: (data) => ({ record: Array.isArray(data) ? data.map((item) => kpiRecordSchema.safeParse(item)).map((r) => (r.success ? r.data : undefined)) : [] }),
  acrossFiles() {
    const ledger = new KpiLedger();
    return (entry) => kpiEntries([entry]).flatMap((e) => ledger.add(e) ?? []);
  },
  patchJsonSchema(json) {
    const record = (json.items as Record<string, unknown> | undefined)?.properties as Record<string, Record<string, unknown>> | undefined;
    if (record?.kpi) record.kpi.enum = [...KPI_IDS];
    if (record?.period) record.period.pattern = PERIOD_PATTERN;
  },
};

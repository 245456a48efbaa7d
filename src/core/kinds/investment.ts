/**
 * Investment records: `investments/*.yaml`, each file a list of `{ period, category, amount_usd,
 * note? }` (method.md §4), the denominator of ROI. A broken record is reported and the others
 * still count, as with KPI records.
 */
import * as z from 'zod';
import { UsageError } from '../errors.js';
import { nonNegative, oneOf, says, text } from '../schemas.js';
import { quoted, str } from './ask.js';
import type { Flags, KindDef, NewSetting } from './kind.js';

export const INVESTMENT_CATEGORIES = ['technology', 'content', 'advertising', 'events', 'headcount'] as const;

const MONTH_OR_QUARTER = /^\d{4}-(?:0[1-9]|1[0-2]|Q[1-4])$/;
const PERIOD_MESSAGE = 'must be a month (2026-10) or a quarter (2026-Q3)';

export const investmentRecordSchema = z.object(
  {
    period: z
      .string(says(PERIOD_MESSAGE))
      .max(20, { error: PERIOD_MESSAGE, abort: true })
      .regex(MONTH_OR_QUARTER, { error: PERIOD_MESSAGE }),
    category: oneOf(INVESTMENT_CATEGORIES),
    amount_usd: nonNegative('an amount in USD (0 or more)').refine(Number.isFinite, { error: 'must be a finite amount in USD' }),
    note: text().optional(),
  },
  says('must be a map with period, category and amount_usd'),
);
export const investmentFileSchema = z.array(investmentRecordSchema, says('must be a YAML list of investment records'));
export type InvestmentRecord = z.infer<typeof investmentRecordSchema>;
/** A file's records by position; a broken record is a hole. */
export type InvestmentRecords = readonly (InvestmentRecord | undefined)[];

export interface InvestmentEntry {
  record: InvestmentRecord;
  file: string;
  index: number;
}

export const investmentKind: KindDef<'investments', InvestmentRecords, 'investment'> = {
  kind: 'investments',
  singular: 'investment',
  glob: 'investments/**/*.yaml',
  format: 'yaml',
  schema: investmentFileSchema,
  title: 'abx investment records',
  description: 'An investments/*.yaml file: a list of ABM investment records (period, category, amount_usd).',
  newFile: async (flags, setting) => investmentFile(investmentPeriod(flags, setting)),
  salvage: (data) => ({
    record: Array.isArray(data) ? data.map((item) => investmentRecordSchema.safeParse(item)).map((r) => (r.success ? r.data : undefined)) : [],
  }),
};

/** The records of investment files, in file order. */
export function investmentEntries(files: Iterable<{ file: string; data: InvestmentRecords }>): InvestmentEntry[] {
  const out: InvestmentEntry[] = [];
  for (const f of files) f.data.forEach((record, index) => record && out.push({ record, file: f.file, index }));
  return out;
}

/** `--period`, else the id when it names a month or quarter (`2026-q4` is 2026-Q4). */
export function investmentPeriod(flags: Flags, setting: Pick<NewSetting, 'id'>): string {
  const given = str(flags.period);
  const period = given ?? setting.id.replace(/-q([1-4])$/, '-Q$1');
  if (MONTH_OR_QUARTER.test(period)) return period;
  if (given !== undefined) throw new UsageError(`--period ${PERIOD_MESSAGE}, not "${quoted(given)}"`);
  throw new UsageError(`name the period: --period 2026-Q4 (or --period 2026-10), or use the period as the id (abx new investment 2026-q4)`);
}

/** A new investment file: one record per category at 0 for the period, to be filled in. */
export function investmentFile(period: string): string {
  const lines = [
    '# ABM investment records: one item per period and category (method.md §4). The ROI report',
    '# divides revenue won by these amounts; a quarter includes its three months\' records.',
    '# period: a month (2026-10) or a quarter (2026-Q3)',
    `# category: ${INVESTMENT_CATEGORIES.join(' | ')}`,
    ...INVESTMENT_CATEGORIES.map((c) => `- { period: ${period}, category: ${c}, amount_usd: 0 }`),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * JSON Schemas (draft 2020-12) for editors and other tools, generated from the zod schemas in
 * schemas.ts: one source of truth, so the editor and `abx validate` cannot disagree on a type.
 *
 * The schemas describe what a file may contain (zod's input side). The refinements zod checks
 * in code are said here too, as patterns, so an editor and `abx validate` agree on every value:
 * non-empty text (`\S`), real calendar dates (month lengths, leap years, years from 0100, as
 * src/core/dates.ts), real times (hours to 23, minutes and seconds to 59, offsets to 23:59) and
 * KPI periods. What no JSON Schema can say — the weights adding up to 100, the fit tier
 * thresholds in order, evidence for scores above 0 (a rule) — stays with `abx validate`.
 * Unknown keys are allowed, as in abx, which reports them as warnings (`unknown-key`).
 */
import { z } from 'zod';
import { KPI_IDS } from './kpis.js';
import { NON_EMPTY_TEXT, betSchema, configSchema, dateField, dateOrDateTime, journeySchema, kpiFileSchema, segmentSchema, accountSchema } from './schemas.js';

// Real calendar dates as a regular expression (what isDate accepts): years 0100-9999, the days of
// each month, 29 February in leap years only (divisible by 4, centuries only by 400).
const YEAR = '(?:0[1-9]\\d{2}|[1-9]\\d{3})';
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
const LEAP_YEAR = '(?:(?:0[1-9]|[1-9]\\d)(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)';
const DATE = `(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)`;
// What instant() accepts after the date: T or a space, hh:mm[:ss[.fraction]], Z or an offset.
const TIME = '[T ](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:Z|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d)?';
// isPeriod: a month, an ISO week or a quarter of any four-digit year, or a real date.
const PERIOD = `^(?:\\d{4}-(?:0[1-9]|1[0-2]|W(?:0[1-9]|[1-4]\\d|5[0-3])|Q[1-4])|${DATE})$`;

export const DATE_PATTERN = `^${DATE}$`;
export const DATE_OR_DATE_TIME_PATTERN = `^${DATE}(?:${TIME})?$`;

export const SCHEMA_KINDS = ['segment', 'account', 'bet', 'journey', 'kpi', 'config'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

const SOURCES: Record<SchemaKind, { schema: z.ZodType; title: string; description: string }> = {
  segment: { schema: segmentSchema, title: 'abx segment matrix', description: 'Frontmatter of segments/<id>.md.' },
  account: { schema: accountSchema, title: 'abx account scorecard', description: 'Frontmatter of accounts/<id>.md.' },
  bet: { schema: betSchema, title: 'abx bet card', description: 'Frontmatter of bets/<id>.md.' },
  journey: { schema: journeySchema, title: 'abx journey map', description: 'Frontmatter of journeys/<id>.md.' },
  kpi: { schema: kpiFileSchema, title: 'abx KPI records', description: 'A kpis/*.yaml file: a list of KPI records.' },
  config: { schema: configSchema, title: 'abx workspace config', description: 'abx.config.yaml.' },
};

export const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

type JsonObject = Record<string, unknown>;

function generate(kind: SchemaKind): JsonObject {
  const { schema, title, description } = SOURCES[kind];
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const out = ctx.jsonSchema as JsonObject;
      if (ctx.zodSchema === dateField) Object.assign(out, { pattern: DATE_PATTERN, format: 'date' });
      if (ctx.zodSchema === dateOrDateTime) Object.assign(out, { pattern: DATE_OR_DATE_TIME_PATTERN });
      if (NON_EMPTY_TEXT.has(ctx.zodSchema)) Object.assign(out, { pattern: '\\S' });
    },
  }) as JsonObject;
  delete json.$schema;
  if (kind === 'kpi') {
    const record = (json.items as JsonObject | undefined)?.properties as Record<string, JsonObject> | undefined;
    if (record?.kpi) record.kpi.enum = [...KPI_IDS];
    if (record?.period) record.period.pattern = PERIOD;
  }
  return { title, description, ...json };
}

/** The JSON Schema of one kind, as a standalone document. */
export function kindJsonSchema(kind: SchemaKind): JsonObject {
  return { $schema: DRAFT_2020_12, ...generate(kind) };
}

/** Every kind in one document, under `$defs` (reference them as `…#/$defs/account`). */
export function allJsonSchemas(): JsonObject {
  const $defs: JsonObject = {};
  for (const kind of SCHEMA_KINDS) $defs[kind] = generate(kind);
  return { $schema: DRAFT_2020_12, title: 'abx workspace', description: 'The frontmatter of every abx kind and the workspace config.', $defs };
}

/** A kind as the user may type it: singular or the folder's plural. */
export function schemaKindOf(value: string): SchemaKind | undefined {
  const v = value.toLowerCase();
  const singular = v === 'kpis' ? 'kpi' : v.replace(/s$/, '');
  return (SCHEMA_KINDS as readonly string[]).includes(v) ? (v as SchemaKind) : (SCHEMA_KINDS as readonly string[]).includes(singular) ? (singular as SchemaKind) : undefined;
}

/**
 * JSON Schemas (draft 2020-12) for editors and other tools, generated from the zod schemas in
 * schemas.ts: one source of truth, so the editor and `abx validate` cannot disagree on a type.
 *
 * The schemas describe what a file may contain (zod's input side). What zod checks in code —
 * real calendar dates, evidence for scores above 0, the weights adding up to 100 — cannot be
 * said in JSON Schema and stays with `abx validate`; dates get a pattern and `format: date`.
 * Unknown keys are allowed, as in abx, which reports them as warnings (`unknown-key`).
 */
import { z } from 'zod';
import { KPI_IDS } from './kpis.js';
import { betSchema, configSchema, dateField, dateOrDateTime, journeySchema, kpiFileSchema, segmentSchema, accountSchema } from './schemas.js';

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
      if (ctx.zodSchema === dateField) Object.assign(out, { pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' });
      if (ctx.zodSchema === dateOrDateTime) Object.assign(out, { pattern: '^\\d{4}-\\d{2}-\\d{2}([Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?([Zz]|[+-]\\d{2}:?\\d{2})?)?$' });
    },
  }) as JsonObject;
  delete json.$schema;
  if (kind === 'kpi') {
    const record = (json.items as JsonObject | undefined)?.properties as Record<string, JsonObject> | undefined;
    if (record?.kpi) record.kpi.enum = [...KPI_IDS];
    if (record?.period) record.period.pattern = '^\\d{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4]\\d|5[0-3])|Q[1-4]|\\d{2}-\\d{2})$';
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

/**
 * JSON Schemas (draft 2020-12) for editors and other tools, generated from each kind's zod
 * schema (`kinds/<kind>.ts`) and the config's: one source of truth, so the editor and `abx
 * validate` cannot disagree on a type.
 *
 * The schemas describe what a file may contain (zod's input side). The refinements zod checks
 * in code are said here too, as patterns, so an editor and `abx validate` agree on every value:
 * non-empty text (`\S`), real calendar dates (month lengths, leap years, years from 0100, as
 * src/core/dates.ts), real times (hours to 23, minutes and seconds to 59, offsets to 23:59) and
 * KPI periods. What no JSON Schema can say — the weights adding up to 100, the fit tier
 * thresholds in order, evidence for scores above 0 (a rule) — stays with `abx validate`.
 * Unknown keys are allowed, as in abx, which reports them as warnings (`unknown-key`). Every key
 * carries its description (`field-descriptions.ts`), for hover and completion in editors.
 */
import * as z from 'zod';
import { configSchema } from './config-schema.js';
import { DATE_OR_DATE_TIME_PATTERN, DATE_PATTERN } from './date-patterns.js';
import { describeProperties, FIELD_DESCRIPTIONS } from './field-descriptions.js';
import { KIND_DEFS } from './kinds/index.js';
import type { KindDef } from './kinds/kind.js';
import { NON_EMPTY_TEXT, dateField, dateOrDateTime } from './schemas.js';

export { DATE_OR_DATE_TIME_PATTERN, DATE_PATTERN } from './date-patterns.js';

type Source = Pick<KindDef, 'schema' | 'title' | 'description' | 'patchJsonSchema'>;

/** Every kind by its singular, then the config. */
const SOURCES = new Map<SchemaKind, Source>([
  ...KIND_DEFS.map((k) => [k.singular, k as unknown as Source] as const),
  ['config', { schema: configSchema, title: 'abx workspace config', description: 'abx.config.yaml.' }],
]);

/** A kind's singular name, or `config`. */
export type SchemaKind = (typeof KIND_DEFS)[number]['singular'] | 'config';
export const SCHEMA_KINDS = [...SOURCES.keys()] as readonly SchemaKind[];

export const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

type JsonObject = Record<string, unknown>;

function generate(kind: SchemaKind): JsonObject {
  const { schema, title, description, patchJsonSchema } = SOURCES.get(kind) as Source;
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
  patchJsonSchema?.(json);
  describeProperties(json, FIELD_DESCRIPTIONS[kind]);
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
  const known = (name: string): name is SchemaKind => SOURCES.has(name as SchemaKind);
  const singular = v.replace(/s$/, '');
  return known(v) ? v : known(singular) ? singular : KIND_DEFS.find((k) => k.kind === v)?.singular;
}

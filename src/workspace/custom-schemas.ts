/**
 * Extra JSON Schemas from the config (`schemas:`), checked with ajv. Loaded lazily: most
 * workspaces have none, and ajv is one of the heavier imports.
 * Safety (hazards.md): no `$data` (a pattern taken from data can hang the process), no coercion,
 * defaults or removal (the input must not change), one error per file (no error floods), and
 * every user schema is checked against ajv's json-schema-secure meta-schema first. Patterns run on
 * re2js, a linear-time engine (pure JavaScript, no native build): `^(a+)+$` on 36 `a`s and a `!`
 * backtracked for over a minute in JavaScript's own engine and takes under a millisecond here.
 * RE2 has no lookaround or backreferences: such a pattern is a config error that says so.
 */
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { RE2JS } from 're2js';
import { MAX_PATTERN_INSTRUCTIONS, MAX_SCHEMA_NODES } from '../core/bounds.js';
import { schemaSizeProblem } from '../core/schema-size.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { CustomCheck } from '../core/analyze.js';
import { parseYaml } from '../core/yaml/parse.js';
import { readSourceFile, realRootOf } from './files.js';

const require = createRequire(import.meta.url);

/**
 * ajv's `code.regExp`: compiles each `pattern` (and `patternProperties` key) with re2js. The
 * program size is bounded too, since the time to match is the text's length times it.
 */
const linearRegExp = Object.assign(
  (pattern: string): { test: (s: string) => boolean } => {
    let re: RE2JS;
    try {
      re = RE2JS.compile(pattern);
    } catch (err) {
      throw new Error(`the pattern ${JSON.stringify(pattern)} is not supported (${(err as Error).message}): patterns run on a linear-time engine (RE2), without lookaround or backreferences`);
    }
    const size = (re as unknown as { re2Input?: { prog?: { inst?: unknown[] } } }).re2Input?.prog?.inst?.length ?? pattern.length;
    if (size > MAX_PATTERN_INSTRUCTIONS) throw new Error(`the pattern ${JSON.stringify(pattern.length > 60 ? `${pattern.slice(0, 60)}…` : pattern)} is too large (${size} instructions compiled, the limit is ${MAX_PATTERN_INSTRUCTIONS})`);
    return { test: (s: string) => re.test(s) };
  },
  { code: 're2js' },
);

const OPTIONS = {
  allErrors: false,
  $data: false,
  coerceTypes: false,
  useDefaults: false,
  removeAdditional: false,
  strict: false,
  validateFormats: false,
  code: { regExp: linearRegExp },
} as const;

let secureCheck: ValidateFunction | undefined;

export function compileCustomSchema(root: string, path: string): { check: CustomCheck } | { error: string } {
  const source = readSourceFile(root, realRootOf(root), { path: path.replace(/^\.\//, ''), kind: 'kpis' });
  if (source.text === undefined) return { error: `${path}: ${source.unreadable ?? 'cannot be read'}` };
  const parsed = parseYaml(source.text);
  if (!parsed.ok) return { error: `${path}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}` };
  const schema = parsed.data;
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return { error: `${path} is not a JSON Schema object` };

  if (!secureCheck) {
    const meta = new Ajv({ ...OPTIONS });
    secureCheck = meta.compile(require('ajv/dist/refs/json-schema-secure.json') as object);
  }
  if (!secureCheck(schema)) {
    return { error: `${path} is not a safe JSON Schema: ${describe(secureCheck.errors?.[0])}` };
  }
  const tooBig = schemaSizeProblem(schema, MAX_SCHEMA_NODES);
  if (tooBig) return { error: `${path} cannot be used: ${tooBig}` };
  const draft2020 = String((schema as { $schema?: unknown }).$schema ?? '').includes('2020-12');
  const ajv = draft2020 ? new Ajv2020({ ...OPTIONS }) : new Ajv({ ...OPTIONS });
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (err) {
    return { error: `${path} does not compile: ${(err as Error).message}` };
  }
  return {
    check: (data) => {
      if (validate(data)) return [];
      return (validate.errors ?? []).slice(0, 1).map((e) => {
        const dataPath = pointerToPath(e.instancePath);
        const extra = e.keyword === 'required' ? [String((e.params as { missingProperty?: string }).missingProperty)] : [];
        const where = [...dataPath, ...extra].join('.') || 'the frontmatter';
        return { path: dataPath, message: `${where} ${e.keyword === 'required' ? 'is required' : (e.message ?? 'is invalid')} (custom schema ${path}${e.schemaPath})` };
      });
    },
  };
}

/** JSON Pointer (`/a/0/b~1c`) to a data path, unescaping `~1` and `~0`. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

function describe(e: ErrorObject | undefined): string {
  if (!e) return 'rejected';
  return `${e.instancePath || '/'} ${e.message ?? ''}`.trim();
}


/**
 * Runs a zod schema over parsed YAML and turns the outcome into findings with data paths:
 * `schema` for wrong values, `unknown-key` for keys no schema names. Unknown keys are found by
 * walking the schema beside the data rather than with strict objects, because they are warnings
 * (the file still validates) and strict objects would drop `__proto__` unreported.
 */
import type { z } from 'zod';
import type { DataPath, Finding } from './problem.js';
import { didYouMean } from './suggest.js';

export function formatPath(path: DataPath): string {
  // A KPI file is a list: its items read as records, counted from 1.
  if (typeof path[0] === 'number') {
    const rest = formatPath(path.slice(1));
    return `record ${path[0] + 1}${rest ? ` ${rest}` : ''}`;
  }
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export interface SchemaCheck<T> {
  data: T | undefined;
  findings: Finding[];
}

/**
 * zod compiles a fast parser for each object schema on its first use (`new Function`): that pays
 * over thousands of files, not over the few dozen of most workspaces, where compiling it was about
 * a tenth of `abx validate`. So the first checks run without it.
 */
const PARSES_BEFORE_JIT = 500;
let parses = 0;

export function checkSchema<S extends z.ZodType>(schema: S, input: unknown, label: string): SchemaCheck<z.output<S>> {
  const findings: Finding[] = [];
  const result = parses++ < PARSES_BEFORE_JIT ? schema.safeParse(input, { jitless: true }) : schema.safeParse(input);
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const name = path.length ? formatPath(path) : label;
      const message = `${name} ${issue.message}`;
      const key = `${name}\u0000${issue.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({ rule: 'schema', path, message });
    }
  }
  collectUnknownKeys(schema, input, [], findings);
  return { data: result.success ? result.data : undefined, findings };
}

// zod 4 keeps a schema's definition under `_zod.def`; only the parts needed to walk shapes are typed here.
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  items?: z.ZodType[];
  in?: z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function isPlainMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Finds the unknown keys of one value (a map or a list) at `path`, pushing them on `out`. */
type Walk = (value: object, path: (string | number)[], out: Finding[]) => void;

const NOTHING: Walk = () => {};
const walks = new WeakMap<z.ZodType, Walk>();

/**
 * Each schema's walk is worked out once (which keys it knows, where lists and maps go on) and
 * kept: the walk runs over every file, and reading zod's definitions again at every value was a
 * few percent of `validate`.
 */
function walkOf(schema: z.ZodType): Walk {
  let walk = walks.get(schema);
  if (walk === undefined) {
    // A schema that holds itself meets this entry again while it is worked out: it then calls the finished walk.
    walks.set(schema, (value, path, out) => walks.get(schema)!(value, path, out));
    walk = makeWalk(defOf(schema));
    walks.set(schema, walk);
  }
  return walk;
}

/** Scalars have no keys: only maps and lists are walked, on one shared path (copied when reported). */
function descend(walk: Walk, value: unknown, path: (string | number)[], segment: string | number, out: Finding[]): void {
  if (value === null || typeof value !== 'object') return;
  path.push(segment);
  walk(value, path, out);
  path.pop();
}

function collectUnknownKeys(schema: z.ZodType, value: unknown, path: (string | number)[], out: Finding[]): void {
  if (value === null || typeof value !== 'object') return;
  walkOf(schema)(value, path, out);
}

function makeWalk(def: Def): Walk {
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
      return def.innerType ? walkOf(def.innerType) : NOTHING;
    case 'pipe':
      return def.in ? walkOf(def.in) : NOTHING;
    case 'object': {
      const shape = def.shape;
      if (!shape) return NOTHING;
      const keys = Object.keys(shape);
      const known = new Map<string, Walk>();
      for (const key of keys) if (shape[key]) known.set(key, walkOf(shape[key]));
      const open = def.catchall !== undefined && defOf(def.catchall).type !== 'never' ? walkOf(def.catchall) : undefined;
      return (value, path, out) => {
        if (!isPlainMap(value)) return;
        for (const key of Object.keys(value)) {
          const child = known.get(key) ?? open;
          if (child) {
            descend(child, value[key], path, key, out);
          } else {
            const where = path.length ? ` in ${formatPath(path)}` : '';
            out.push({ rule: 'unknown-key', path: [...path, key], message: `unknown key "${key}"${where}${didYouMean(key, keys)}` });
          }
        }
      };
    }
    case 'array': {
      if (!def.element) return NOTHING;
      const element = walkOf(def.element);
      return (value, path, out) => {
        if (!Array.isArray(value)) return;
        value.forEach((item, i) => descend(element, item, path, i, out));
      };
    }
    case 'record': {
      if (!def.valueType) return NOTHING;
      const values = walkOf(def.valueType);
      return (value, path, out) => {
        if (!isPlainMap(value)) return;
        for (const key of Object.keys(value)) descend(values, value[key], path, key, out);
      };
    }
    case 'union': {
      // Walk the one option whose shape fits the value: a list or a map.
      const list = def.options?.find((o) => defOf(o).type === 'array');
      const map = def.options?.find((o) => ['object', 'record'].includes(defOf(o).type));
      const forList = list ? walkOf(list) : NOTHING;
      const forMap = map ? walkOf(map) : NOTHING;
      return (value, path, out) => (Array.isArray(value) ? forList : forMap)(value, path, out);
    }
    default:
      return NOTHING;
  }
}

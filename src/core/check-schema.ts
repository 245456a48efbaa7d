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

/** Scalars have no keys: only maps and lists are walked, on one shared path (copied when reported). */
function descend(schema: z.ZodType, value: unknown, path: (string | number)[], segment: string | number, out: Finding[]): void {
  if (value === null || typeof value !== 'object') return;
  path.push(segment);
  collectUnknownKeys(schema, value, path, out);
  path.pop();
}

function collectUnknownKeys(schema: z.ZodType, value: unknown, path: (string | number)[], out: Finding[]): void {
  if (value === null || typeof value !== 'object') return;
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
      if (def.innerType) collectUnknownKeys(def.innerType, value, path, out);
      return;
    case 'pipe':
      if (def.in) collectUnknownKeys(def.in, value, path, out);
      return;
    case 'object': {
      if (!isPlainMap(value) || !def.shape) return;
      const shape = def.shape;
      const open = def.catchall !== undefined && defOf(def.catchall).type !== 'never';
      for (const key of Object.keys(value)) {
        const child = Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;
        if (child) {
          descend(child, value[key], path, key, out);
        } else if (open && def.catchall) {
          descend(def.catchall, value[key], path, key, out);
        } else {
          const where = path.length ? ` in ${formatPath(path)}` : '';
          out.push({
            rule: 'unknown-key',
            path: [...path, key],
            message: `unknown key "${key}"${where}${didYouMean(key, Object.keys(shape))}`,
          });
        }
      }
      return;
    }
    case 'array':
      if (!Array.isArray(value) || !def.element) return;
      value.forEach((item, i) => descend(def.element as z.ZodType, item, path, i, out));
      return;
    case 'record':
      if (!isPlainMap(value) || !def.valueType) return;
      for (const key of Object.keys(value)) descend(def.valueType as z.ZodType, value[key], path, key, out);
      return;
    case 'union': {
      // Walk the one option whose shape fits the value: a list or a map.
      const option = def.options?.find((o) => {
        const t = defOf(o).type;
        return Array.isArray(value) ? t === 'array' : t === 'object' || t === 'record';
      });
      if (option) collectUnknownKeys(option, value, path, out);
      return;
    }
    default:
      return;
  }
}

/**
 * The size of a custom JSON Schema with every `$ref` written out in place, so that the time to
 * validate a file is bounded by the schema's size times the file's (src/core/bounds.ts).
 * ajv follows references as it validates: a schema that refers to itself under an `anyOf` with
 * two branches doubles the work at every level of the data (20 levels took 7 s, 64 would take
 * centuries), and definitions that refer twice to the next one do the same without recursion.
 * So recursion is refused, and the written-out size is bounded. Only references inside the file
 * (`#` or `#/json/pointer`) can be followed here, and a nested `$id` or `$anchor` would change
 * what they mean: anything else is refused (ajv could not load another file anyway).
 */

/** Keywords that name or reach a schema resource some other way than `#/…` from the root. */
const UNFOLLOWED = ['$id', 'id', '$anchor', '$dynamicAnchor', '$recursiveAnchor', '$dynamicRef', '$recursiveRef'];

/** Keywords whose values are data, not schemas: a `$ref` key in them is just a key. */
const DATA = new Set(['enum', 'const', 'default', 'examples']);

/** Undefined when the schema written out has at most `limit` nodes (objects and arrays) and no cycle; else why not. */
export function schemaSizeProblem(schema: object, limit: number): string | undefined {
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  let problem: string | undefined;

  const size = (node: unknown, at: string, data = false): number => {
    if (problem !== undefined || node === null || typeof node !== 'object') return 0;
    if (data) return dataSize(node);
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (open.has(node)) {
      problem = `it refers to itself (at ${at || '/'}): recursive schemas can take time exponential in the depth of the data, and abx does not run them`;
      return 0;
    }
    open.add(node);
    let total = 1;
    if (Array.isArray(node)) {
      node.forEach((item, i) => (total += size(item, `${at}/${i}`)));
    } else {
      for (const [key, value] of Object.entries(node)) {
        const here = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        // A keyword has a text value; a property named "$ref" or "$id" in `properties` has a schema.
        if (typeof value === 'string' && UNFOLLOWED.includes(key) && (node !== schema || key.endsWith('Ref'))) {
          problem = `it uses ${key} (at ${here}): only $ref to "#" or "#/…" inside the same file is supported`;
        } else if (key === '$ref' && typeof value === 'string') {
          const target = resolvePointer(schema, value);
          if (target === undefined) problem = `its $ref ${JSON.stringify(value)} (at ${here}) does not point inside the file: only "#" and "#/…" are supported`;
          else total += size(target, here);
        } else {
          total += size(value, here, DATA.has(key));
        }
        if (total > limit) break;
      }
    }
    open.delete(node);
    sizes.set(node, total);
    return total;
  };

  const total = size(schema, '');
  if (problem !== undefined) return problem;
  if (total > limit) return `it is too large with every $ref written out (more than ${limit.toLocaleString('en-US')} schemas): each $ref copies what it points to`;
  return undefined;
}

/** Objects and arrays in a value (data keywords count towards the size, but hold no references). */
function dataSize(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let total = 1;
  for (const v of Object.values(value)) total += dataSize(v);
  return total;
}

/** The value a `#` or `#/a/b` reference names in `root`, or undefined. */
function resolvePointer(root: object, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    let key: string;
    try {
      key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

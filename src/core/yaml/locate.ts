import type { LineCounter, Node, Document, Pair, YAMLMap } from 'yaml';
import { yamlLib } from './lib.js';
import { aliasTargets } from './aliases.js';
import type { DataPath } from '../problem.js';

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Finds where a data path sits in a YAML document: the key of the pair that holds the value
 * (what a reader looks for), or the item itself inside a list. A path that leaves the document
 * (a missing key) lands on the deepest part that exists, so every problem has a real position.
 */
export function locatePath(doc: Document.Parsed, lineCounter: LineCounter, path: DataPath): Span {
  const { isAlias, isMap, isSeq } = yamlLib();
  let node: unknown = doc.contents;
  let start: number | undefined;
  let end: number | undefined;
  if (isNode(node) && node.range) {
    start = node.range[0];
    end = node.range[1];
  }
  for (const segment of path) {
    if (isAlias(node)) node = aliasTargets(doc).get(node);
    if (isMap(node)) {
      const pair = pairsByKey(doc, node).get(String(segment));
      if (!pair) break;
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      start = key?.range?.[0] ?? start;
      end = value?.range?.[1] ?? key?.range?.[1] ?? end;
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item?.range) break;
      start = item.range[0];
      end = item.range[1];
      node = item;
    } else {
      break;
    }
  }
  if (start === undefined) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const a = lineCounter.linePos(start);
  const b = lineCounter.linePos(Math.max(start, end ?? start));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/**
 * A map's pairs by key text (the first of equal keys), built once per map: a file's problems are
 * located one after another, and a search per problem made many problems in one map quadratic.
 */
const pairIndex = new WeakMap<object, Map<string, Pair>>();

function pairsByKey(doc: Document, map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    const { isPair, isAlias } = yamlLib();
    for (const p of map.items) {
      if (!isPair(p)) continue;
      // An alias as a key (`*a : x`) names the scalar its anchor is on.
      const key = keyText(isAlias(p.key) ? aliasTargets(doc).get(p.key) : p.key);
      if (key !== undefined && !index.has(key)) index.set(key, p);
    }
    pairIndex.set(map, index);
  }
  return index;
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && 'range' in v;
}

function keyText(key: unknown): string | undefined {
  if (yamlLib().isScalar(key)) return String((key as { value: unknown }).value);
  return undefined;
}

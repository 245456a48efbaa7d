/**
 * Changing a few values in a file's frontmatter and nothing else. Each edit replaces the source
 * range of one YAML node (or inserts one key) in the original text, so comments, key order,
 * quoting, alignment, anchors, unknown keys, CRLF line ends and the body stay byte for byte.
 * `Document.toString()` is not used: it would re-lay out the whole frontmatter.
 * The result is parsed again and must hold exactly the old data with the new values.
 */
import { isMap, isScalar, isSeq, Scalar, type Node, type YAMLMap } from 'yaml';
import { splitFrontmatter } from '../core/frontmatter.js';
import { flowList, NumberText, yamlScalar, type ScalarValue } from '../core/templates.js';
import { parseYamlDocument } from '../core/yaml/parse.js';

export type EditValue = ScalarValue | readonly ScalarValue[];

export interface FieldEdit {
  path: readonly string[];
  value: EditValue;
}

export class EditError extends Error {}

interface Splice {
  start: number;
  end: number;
  text: string;
  /** Among splices at one offset, the higher order ends up later in the text (a nested map's new keys before its parent's). */
  order: number;
}

type Tree = Map<string, Tree | EditValue>;

function valueText(value: EditValue | Tree, flow: boolean): string {
  if (value instanceof Map) return treeText(value);
  if (Array.isArray(value)) return flowList(value);
  return yamlScalar(value as ScalarValue, flow);
}

function treeText(tree: Tree): string {
  return `{ ${[...tree].map(([k, v]) => `${yamlScalar(k, true)}: ${v instanceof Map ? treeText(v) : Array.isArray(v) ? flowList(v) : yamlScalar(v as ScalarValue, true)}`).join(', ')} }`;
}

function entryText(key: string, value: Tree | EditValue, flow: boolean): string {
  const v = value instanceof Map ? treeText(value) : Array.isArray(value) ? flowList(value) : yamlScalar(value as ScalarValue, flow);
  return `${yamlScalar(key, flow)}: ${v}`;
}

/** The file text with each edit applied; throws EditError when the frontmatter cannot be edited safely. */
export function editFrontmatter(fileText: string, edits: readonly FieldEdit[]): string {
  const bom = fileText.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = fileText.slice(bom.length);
  const split = splitFrontmatter(text);
  if (!split.ok) throw new EditError(split.message);
  const yamlStart = text.indexOf('\n') + 1;
  const yaml = split.yaml;
  const parsed = parseYamlDocument(yaml);
  if (!parsed.result.ok) throw new EditError(`the frontmatter does not parse: ${parsed.result.error.message}`);
  const before = parsed.result.data ?? {};
  if (typeof before !== 'object' || Array.isArray(before)) throw new EditError('the frontmatter is not a map of fields');
  const eol = yaml.includes('\r\n') ? '\r\n' : '\n';
  const doc = parsed.doc;
  let root = doc.contents as Node | null;
  const splices: Splice[] = [];
  const inserts = new Map<YAMLMap | null, Tree>();

  edits.forEach((edit, order) => {
    let parent: YAMLMap | null = isMap(root) ? root : null;
    if (root !== null && !isMap(root) && !(isScalar(root) && root.value === null)) throw new EditError('the frontmatter is not a map of fields');
    let depth = 0;
    let node: unknown = parent;
    for (; depth < edit.path.length && parent; depth++) {
      const key = edit.path[depth] as string;
      const pair = parent.items.find((p) => (isScalar(p.key) ? String(p.key.value) : p.key) === key);
      if (!pair) break;
      node = pair.value;
      if (depth === edit.path.length - 1) break;
      if (!isMap(node)) throw new EditError(`${edit.path.slice(0, depth + 1).join('.')} is not a map, so ${edit.path.join('.')} cannot be set`);
      parent = node;
    }
    if (depth === edit.path.length - 1 && parent && parent.items.some((p) => isScalar(p.key) && String(p.key.value) === edit.path[depth])) {
      splices.push(replaceValue(yaml, node as Node | null, parent, edit, order, eol));
      return;
    }
    // Insert the missing rest of the path under `parent` (or at the top when there is no map yet).
    let tree = inserts.get(parent);
    if (!tree) inserts.set(parent, (tree = new Map()));
    const rest = edit.path.slice(depth);
    let cur: Tree = tree;
    rest.forEach((key, i) => {
      if (i === rest.length - 1) cur.set(key, edit.value);
      else {
        let next = cur.get(key);
        if (!(next instanceof Map)) cur.set(key, (next = new Map()));
        cur = next;
      }
    });
  });

  for (const [map, tree] of inserts) splices.push(insertInto(yaml, map, tree, eol, root));

  splices.sort((a, b) => b.start - a.start || b.order - a.order);
  let out = yaml;
  for (const s of splices) out = out.slice(0, s.start) + s.text + out.slice(s.end);

  const again = parseYamlDocument(out);
  if (!again.result.ok) throw new EditError(`the edit would break the frontmatter (${again.result.error.message}): left unchanged`);
  const expected = structuredClone(before) as Record<string, unknown>;
  // A number kept as text reads back as the number YAML makes of it.
  const read = (v: ScalarValue) => (v instanceof NumberText ? Number(v) : v);
  for (const e of edits) setPath(expected, e.path, Array.isArray(e.value) ? e.value.map(read) : read(e.value as ScalarValue));
  if (!deepEqual(again.result.data ?? {}, expected)) throw new EditError('the edit would change more than the mapped fields: left unchanged');
  return bom + text.slice(0, yamlStart) + out + text.slice(yamlStart + yaml.length);
}

function replaceValue(yaml: string, node: Node | null, parent: YAMLMap, edit: FieldEdit, order: number, eol: string): Splice {
  const where = edit.path.join('.');
  if (node === null || node === undefined) {
    // `key:` with nothing after it.
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === edit.path[edit.path.length - 1]);
    const keyEnd = (pair?.key as Node | undefined)?.range?.[1];
    if (keyEnd === undefined) throw new EditError(`cannot find where ${where} is written`);
    const colon = yaml.indexOf(':', keyEnd);
    return { start: colon + 1, end: colon + 1, text: ` ${valueText(edit.value, Boolean(parent.flow))}`, order };
  }
  if (!isScalar(node) && !isSeq(node) && !isMap(node)) throw new EditError(`${where} is written as an alias: left unchanged`);
  const n = node as Node & { anchor?: string; tag?: string };
  if (n.anchor) throw new EditError(`${where} carries an anchor (&${n.anchor}) that other values may use: left unchanged`);
  const range = n.range;
  if (!range) throw new EditError(`cannot find where ${where} is written`);
  const [start, end] = range;
  let text = valueText(edit.value, Boolean(parent.flow));
  const blockScalar = isScalar(node) && (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL);
  const blockCollection = (isSeq(node) || isMap(node)) && !node.flow;
  if ((blockScalar || blockCollection) && yaml.slice(start, end).endsWith('\n')) text += eol;
  // A value on the line after its key (`key:\n  - a`) becomes `key: [a]` on the key's line.
  if (blockCollection) {
    const lineStart = yaml.lastIndexOf('\n', start - 1) + 1;
    const colon = yaml.lastIndexOf(':', start);
    if (colon >= 0 && colon < lineStart && yaml.slice(colon + 1, lineStart).trim() === '') {
      return { start: colon + 1, end, text: ` ${text}`, order };
    }
  }
  if (isScalar(node) && node.value === null && yaml.slice(start, end) === '' && yaml[start - 1] === ':') text = ` ${text}`;
  return { start, end, text, order };
}

function insertInto(yaml: string, map: YAMLMap | null, tree: Tree, eol: string, root: Node | null): Splice {
  const order = 0;
  if (map?.flow) {
    const range = map.range;
    if (!range) throw new EditError('cannot find where a map is written');
    const close = yaml.lastIndexOf('}', range[1]);
    let at = close;
    while (at > range[0] && /\s/.test(yaml[at - 1] ?? '')) at--;
    const entries = [...tree].map(([k, v]) => entryText(k, v, true)).join(', ');
    if (map.items.length === 0) return { start: range[0] + 1, end: close, text: ` ${entries} `, order };
    return { start: at, end: at, text: `, ${entries}`, order };
  }
  let indent = '';
  let at: number;
  if (map && map.items.length > 0) {
    const firstKey = map.items[0]?.key as Node | undefined;
    const keyStart = firstKey?.range?.[0] ?? 0;
    indent = ' '.repeat(keyStart - (yaml.lastIndexOf('\n', keyStart - 1) + 1));
    at = map.range?.[1] ?? yaml.length;
  } else if (map) {
    throw new EditError('cannot add keys to an empty block map');
  } else {
    if (root !== null && !(isScalar(root) && root.value === null)) throw new EditError('the frontmatter is not a map of fields');
    at = yaml.length;
  }
  let prefix = '';
  if (at > 0 && yaml[at - 1] !== '\n') {
    const nl = yaml.indexOf('\n', at);
    if (nl === -1) {
      at = yaml.length;
      prefix = eol;
    } else at = nl + 1;
  }
  const lines = [...tree].map(([k, v]) => `${indent}${entryText(k, v, false)}${eol}`).join('');
  return { start: at, end: at, text: prefix + lines, order: -indent.length };
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let cur = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      Object.defineProperty(cur, key, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const next = Object.hasOwn(cur, key) ? cur[key] : undefined;
    if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      const fresh: Record<string, unknown> = {};
      Object.defineProperty(cur, key, { value: fresh, enumerable: true, writable: true, configurable: true });
      cur = fresh;
    } else cur = next as Record<string, unknown>;
  });
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => deepEqual(x, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

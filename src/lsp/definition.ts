/**
 * Go to definition: from an id a file names (`segment: regional-3pl`, the accounts and segments
 * of a bet, the proof points of a messaging persona) to the file that defines it. What names
 * what is the kinds' own `references` (src/core/kinds/), the list `abx validate` checks.
 */
import { kindDef, type Kind } from '../core/kinds/index.js';
import type { DataPath } from '../core/problem.js';
import { yamlLib } from '../core/yaml/lib.js';
import { parseYamlDocument } from '../core/yaml/parse.js';
import type { EditorDocument, WorkspaceFacts } from './facts.js';
import { offsetAt, yamlOf, type LspPosition } from './text.js';

export function definition(doc: EditorDocument, position: LspPosition, facts: WorkspaceFacts): { path: string } | undefined {
  if (doc.kind === undefined || doc.kind === 'config') return undefined;
  const def = kindDef(doc.kind);
  if (!def.references) return undefined;
  const at = scalarAt(doc, position);
  if (!at) return undefined;
  let refs;
  try {
    // The data may be half-typed: a reference list of the wrong shape simply names nothing.
    refs = def.references(at.data as never);
  } catch {
    return undefined;
  }
  const ref = refs.find((r) => samePath(r.path, at.path) && r.value === at.value);
  const path = ref ? facts.pathOf(ref.kind as Kind, ref.value) : undefined;
  return path === undefined ? undefined : { path };
}

/** The string scalar value under the cursor, its data path and the document's data. */
export function scalarAt(doc: EditorDocument, position: LspPosition): { value: string; path: DataPath; data: unknown } | undefined {
  const yaml = yamlOf(doc);
  if (!yaml || position.line < yaml.firstLine) return undefined;
  const parsed = parseYamlDocument(yaml.yaml);
  if (!parsed.result.ok) return undefined;
  const offset = offsetAt(yaml.yaml, { line: position.line - yaml.firstLine, character: position.character });
  const found = find(parsed.doc.contents, offset, []);
  return found && typeof found.value === 'string' ? { value: found.value, path: found.path, data: parsed.result.data } : undefined;
}

function find(node: unknown, offset: number, path: (string | number)[]): { value: unknown; path: DataPath } | undefined {
  const { isMap, isSeq, isScalar, isPair } = yamlLib();
  if (isScalar(node)) {
    const [start, end] = node.range ?? [0, 0];
    return offset >= start && offset <= end ? { value: node.value, path } : undefined;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key !== 'string' && typeof key !== 'number') continue;
      const hit = find(pair.value, offset, [...path, String(key)]);
      if (hit) return hit;
    }
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const hit = find(node.items[i], offset, [...path, i]);
      if (hit) return hit;
    }
  }
  return undefined;
}

function samePath(a: DataPath, b: DataPath): boolean {
  return a.length === b.length && a.every((p, i) => String(p) === String(b[i]));
}

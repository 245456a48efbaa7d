/**
 * Go to definition: from an id a file names (`segment: regional-3pl`, the accounts and segments
 * of a bet, the proof points of a messaging persona, a segment as the key of a capability's
 * benefits) to the file that defines it. Which places name which kind is asked of the kinds'
 * own `references` (`references.ts`), the list `abx validate` checks.
 */
import { yamlLib } from '../core/yaml/lib.js';
import { parseYamlDocument } from '../core/yaml/parse.js';
import type { EditorDocument, WorkspaceFacts } from './facts.js';
import { referencedKind } from './references.js';
import { offsetAt, yamlOf, type LspPosition } from './text.js';

export function definition(doc: EditorDocument, position: LspPosition, facts: WorkspaceFacts): { path: string } | undefined {
  if (doc.kind === undefined || doc.kind === 'config') return undefined;
  const at = scalarAt(doc, position);
  if (!at) return undefined;
  const kind = referencedKind(doc.kind, at.place);
  const path = kind ? facts.pathOf(kind, at.value) : undefined;
  return path === undefined ? undefined : { path };
}

/**
 * The string under the cursor (a value, or a key) and its place in the data as `referencedKind`
 * reads it: `[]` for a list item, `*` for a key. A document with errors still has the parts
 * before them.
 */
function scalarAt(doc: EditorDocument, position: LspPosition): { value: string; place: string[] } | undefined {
  const yaml = yamlOf(doc);
  if (!yaml || position.line < yaml.firstLine) return undefined;
  const parsed = parseYamlDocument(yaml.yaml);
  const offset = offsetAt(yaml.yaml, { line: position.line - yaml.firstLine, character: position.character });
  const found = find(parsed.doc.contents, offset, []);
  return found && typeof found.value === 'string' ? { value: found.value, place: found.place } : undefined;
}

function find(node: unknown, offset: number, place: string[]): { value: unknown; place: string[] } | undefined {
  const { isMap, isSeq, isScalar, isPair } = yamlLib();
  const within = (n: { range?: [number, number, number] | null }) => n.range !== undefined && n.range !== null && offset >= n.range[0] && offset <= n.range[1];
  if (isScalar(node)) return within(node) ? { value: node.value, place } : undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = pair.key.value;
      if (typeof key !== 'string') continue;
      if (within(pair.key)) return { value: key, place: [...place, '*'] };
      const hit = find(pair.value, offset, [...place, key]);
      if (hit) return hit;
    }
  }
  if (isSeq(node)) {
    for (const item of node.items) {
      const hit = find(item, offset, [...place, '[]']);
      if (hit) return hit;
    }
  }
  return undefined;
}

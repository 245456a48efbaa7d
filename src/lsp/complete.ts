/**
 * Completion in frontmatter, `abx.config.yaml` and KPI files: the keys valid at the cursor that
 * the map does not have yet (with their descriptions), enum values, the ids a reference may name,
 * the config's activity types and journey stages, rule ids and KPI ids. A pure function of the
 * document, the position and what the server knows of the workspace.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import { KPI_DEFINITIONS } from '../core/kpis.js';
import { RULES } from '../core/problem.js';
import { cursorAt, type Cursor } from './cursor.js';
import type { EditorDocument, WorkspaceFacts } from './facts.js';
import { referencedKind } from './references.js';
import { descriptionAt, isMap, keysAt, nodesAt, schemaKindOfDoc, takesAnyKey, valuesAt as enumValues, type Node } from './schema-nodes.js';
import type { SchemaKind } from '../core/json-schema.js';

/** Past this many ids, only those that hold what is typed are sent (a 10k-account workspace). */
const MAX_IDS = 500;

export function completions(doc: EditorDocument, position: Position, facts: WorkspaceFacts): CompletionItem[] {
  const kind = schemaKindOfDoc(doc);
  const cursor = kind && cursorAt(doc, position);
  if (!kind || !cursor) return [];
  const rangeTo = (rest: RegExp): Range => {
    const end = cursor.start + cursor.typed.length + (rest.exec(cursor.after)?.[0].length ?? 0);
    return { start: { line: cursor.line, character: cursor.start }, end: { line: cursor.line, character: end } };
  };
  const valuesAt = (path: string[]) => values({ doc, kind, cursor, facts, range: rangeTo(VALUE_REST) }, path);
  if (cursor.at === 'value') return valuesAt([...cursor.path, cursor.key as string]);
  const nodes = nodesAt(kind, cursor.path);
  if (cursor.at === 'item' && !isMap(nodes)) return valuesAt(cursor.path);
  return keys({ doc, kind, cursor, facts, range: rangeTo(KEY_REST) }, nodes);
}

/** What a completion replaces after the cursor: the rest of the key with its colon (`mo|tion: ` → `motion: `), the rest of a value. */
const KEY_REST = /^[A-Za-z0-9_-]*(?:[ \t]*:(?: |$))?/;
const VALUE_REST = /^[^\s,{}[\]#"']*/;

interface Place {
  doc: EditorDocument;
  kind: SchemaKind;
  cursor: Cursor;
  facts: WorkspaceFacts;
  range: Range;
}

/** `engagement[].type`, the form of `core/field-descriptions.ts`. */
function dotted(path: readonly string[]): string {
  return path.reduce((s, seg) => (seg === '[]' ? `${s}[]` : s === '' ? seg : `${s}.${seg}`), '');
}

const order = (i: number) => String(i).padStart(5, '0');
const documented = (text: string | undefined) => (text === undefined ? {} : { documentation: { kind: MarkupKind.Markdown, value: text } });

function keys(place: Place, nodes: readonly Node[]): CompletionItem[] {
  const { cursor, range } = place;
  const items: CompletionItem[] = keysAt(nodes)
    .filter((k) => !cursor.present.has(k.key))
    .map((k, i) => ({
      label: k.key,
      kind: CompletionItemKind.Property,
      ...(k.required ? { detail: 'required' } : {}),
      ...documented(k.description),
      sortText: order(i),
      textEdit: { range, newText: k.nested ? `${k.key}:` : `${k.key}: ` },
    }));
  if (takesAnyKey(nodes)) {
    const chosen = userKeys(place).filter((k) => !cursor.present.has(k.label));
    items.push(...chosen.map((k, i) => ({ ...k, kind: k.kind ?? CompletionItemKind.Property, sortText: order(items.length + i), textEdit: { range, newText: `${k.label}:` } })));
  }
  return items;
}

/** Keys of maps whose keys are the user's: rule ids, KPI ids, journey stages, segment ids. */
function userKeys({ doc: d, kind, cursor, facts }: Place): CompletionItem[] {
  const at = dotted(cursor.path);
  if (kind === 'config' && at === 'rules') return Object.entries(RULES).map(([id, r]) => ({ label: id, detail: `default: ${r.severity}`, ...documented(r.summary) }));
  if (kind === 'config' && at === 'kpis') return KPI_DEFINITIONS.map((k) => ({ label: k.id, detail: `target ${k.targetText}`, ...documented(k.definition) }));
  if (kind === 'journey' && at === 'stages') return (facts.config?.journeyStages ?? []).map((s) => ({ label: s, detail: 'journey stage' }));
  // Segment criteria are matched against the facts of the same name in an account's firmographics.
  if ((kind === 'segment' && at === 'criteria.firmographic') || (kind === 'config' && at === 'icp.criteria.firmographic')) {
    return keysAt(nodesAt('account', ['firmographics'])).map((k) => ({ label: k.key, detail: 'account fact', ...documented(k.description) }));
  }
  return ids(d, [...cursor.path, '*'], facts, cursor.typed);
}

function values(place: Place, path: readonly string[]): CompletionItem[] {
  const { doc: d, kind, cursor, facts, range } = place;
  const nodes = nodesAt(kind, path);
  const description = descriptionAt(nodes);
  // The workspace's and the method's words come first: they carry more than the schema's description.
  const items: CompletionItem[] = [
    ...vocabulary(kind, dotted(path), facts),
    ...enumValues(nodes).map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, ...documented(description) })),
    ...ids(d, path, facts, cursor.typed),
  ];
  const seen = new Set<string>(cursor.present);
  return items.filter((item) => !seen.has(item.label) && seen.add(item.label)).map((item, i) => ({ ...item, sortText: order(i), textEdit: { range, newText: `${cursor.pad}${item.label}` } }));
}

/** Values the schema leaves open but the workspace or the method fixes. */
function vocabulary(kind: SchemaKind, at: string, facts: WorkspaceFacts): CompletionItem[] {
  if (kind === 'kpi' && at === '[].kpi') return KPI_DEFINITIONS.map((k) => ({ label: k.id, kind: CompletionItemKind.EnumMember, detail: `${k.tier}, target ${k.targetText}`, ...documented(k.definition) }));
  if (kind === 'account' && at === 'engagement[].type') {
    const points = facts.config?.engagement.points ?? {};
    return Object.keys(points).map((type) => ({ label: type, kind: CompletionItemKind.EnumMember, detail: `${points[type]} points` }));
  }
  return [];
}

function ids(d: EditorDocument, path: readonly string[], facts: WorkspaceFacts, typed: string): CompletionItem[] {
  if (d.kind === undefined || d.kind === 'config') return [];
  const target = referencedKind(d.kind, path);
  if (!target) return [];
  let all = [...facts.ids(target)].sort();
  if (all.length > MAX_IDS) all = all.filter((id) => id.includes(typed.toLowerCase())).slice(0, MAX_IDS);
  return all.map((id) => {
    const file = facts.pathOf(target, id);
    return { label: id, kind: CompletionItemKind.Reference, ...(file ? { detail: file } : {}) };
  });
}

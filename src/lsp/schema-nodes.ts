/**
 * The JSON Schema of a document's kind, walked by a cursor's path: the keys valid at a place,
 * their descriptions and enums. The schemas are the ones `abx schema` prints, so the editor
 * offers exactly what `abx validate` accepts.
 */
import { kindJsonSchema, type SchemaKind } from '../core/json-schema.js';
import { kindDef } from '../core/kinds/index.js';
import type { EditorDocument } from './facts.js';

export type Node = Record<string, unknown>;

const cache = new Map<SchemaKind, Node>();

export function schemaKindOfDoc(doc: EditorDocument): SchemaKind | undefined {
  if (doc.kind === undefined) return undefined;
  return doc.kind === 'config' ? 'config' : (kindDef(doc.kind).singular as SchemaKind);
}

export function rootNode(kind: SchemaKind): Node {
  let node = cache.get(kind);
  if (!node) cache.set(kind, (node = kindJsonSchema(kind)));
  return node;
}

/** A node and the branches of its `anyOf` (a nullable map is a map or null). */
function branches(node: Node): Node[] {
  const any = node.anyOf as Node[] | undefined;
  return any ? [node, ...any.flatMap(branches)] : [node];
}

/** The schema nodes at a path (several where a value may take several shapes). */
export function nodesAt(kind: SchemaKind, path: readonly string[]): Node[] {
  let nodes = branches(rootNode(kind));
  for (const seg of path) {
    const next: Node[] = [];
    for (const n of nodes) {
      if (seg === '[]') {
        if (typeof n.items === 'object' && n.items !== null) next.push(n.items as Node);
        continue;
      }
      const prop = (n.properties as Record<string, Node> | undefined)?.[seg];
      if (prop) next.push(prop);
      else if (typeof n.additionalProperties === 'object' && n.additionalProperties !== null) next.push(n.additionalProperties as Node);
    }
    nodes = next.flatMap(branches);
  }
  return nodes;
}

export interface KeyInfo {
  key: string;
  description?: string;
  required: boolean;
  /** A map or a list: the key is followed by a new line rather than a value. */
  nested: boolean;
}

/** The keys the maps at a path declare, in schema order. */
export function keysAt(nodes: readonly Node[]): KeyInfo[] {
  const out = new Map<string, KeyInfo>();
  for (const n of nodes) {
    const required = new Set((n.required as string[] | undefined) ?? []);
    for (const [key, child] of Object.entries((n.properties as Record<string, Node> | undefined) ?? {})) {
      if (out.has(key)) continue;
      const shapes = branches(child);
      const nested = shapes.some((s) => s.type === 'object' || s.type === 'array') && !shapes.some((s) => s.type === 'string' || s.type === 'number' || s.type === 'integer');
      out.set(key, { key, description: child.description as string | undefined, required: required.has(key), nested });
    }
  }
  return [...out.values()];
}

/** Whether a map at a path takes keys of the user's choosing (`rules`, `stages`). */
export function takesAnyKey(nodes: readonly Node[]): boolean {
  return nodes.some((n) => typeof n.additionalProperties === 'object' && n.additionalProperties !== null);
}

export function isMap(nodes: readonly Node[]): boolean {
  return nodes.some((n) => n.type === 'object');
}

/** The enum values and booleans a value at a path may take. */
export function valuesAt(nodes: readonly Node[]): string[] {
  const out = new Set<string>();
  for (const n of nodes) {
    for (const v of (n.enum as unknown[] | undefined) ?? []) if (typeof v === 'string') out.add(v);
    if (n.type === 'boolean') ['true', 'false'].forEach((v) => out.add(v));
  }
  return [...out];
}

export function descriptionAt(nodes: readonly Node[]): string | undefined {
  return nodes.map((n) => n.description).find((d): d is string => typeof d === 'string');
}

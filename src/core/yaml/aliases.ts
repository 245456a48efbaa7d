/**
 * Where each alias of a `yaml` Document points, found in one walk. The `yaml` package resolves
 * an alias by scanning every anchor and alias before it, once per alias, so a list of n aliases
 * took n² steps (60,000 `- *e` lines: over a minute). Here the last anchor of each name is kept
 * while walking in document order, which is the same answer ("the last instance of the anchor
 * before this node").
 */
import type { Alias, Document, Node } from 'yaml';
import { yamlLib } from './lib.js';

const targets = new WeakMap<Document, Map<Alias, Node>>();

export function aliasTargets(doc: Document): Map<Alias, Node> {
  let map = targets.get(doc);
  if (map) return map;
  const { visit, isAlias, isNode } = yamlLib();
  const last = new Map<string, Node>();
  map = new Map();
  const found = map;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = last.get(node.source);
        if (target) found.set(node, target);
      } else if (isNode(node) && node.anchor) {
        last.set(node.anchor, node);
      }
    },
  });
  targets.set(doc, map);
  return map;
}

/**
 * `doc.toJS()` with each alias resolved from aliasTargets. The `yaml` package asks the alias
 * node itself (`resolve`), so each gets an own `resolve` for the conversion only; it falls back to
 * the package's own where the anchor's value is not made yet (never in document order, kept for
 * safety).
 */
export function toJSLinear(doc: Document, options: Parameters<Document['toJS']>[0]): unknown {
  const map = aliasTargets(doc);
  if (map.size === 0) return doc.toJS(options);
  const { Alias } = yamlLib();
  const original = Alias.prototype.resolve;
  for (const [alias, target] of map) {
    Object.defineProperty(alias, 'resolve', {
      configurable: true,
      value(this: Alias, d: Document, ctx?: { anchors: Map<Node, unknown> }) {
        return ctx && !ctx.anchors.has(target) ? original.call(this, d, ctx as never) : target;
      },
    });
  }
  try {
    return doc.toJS(options);
  } finally {
    for (const alias of map.keys()) delete (alias as { resolve?: unknown }).resolve;
  }
}

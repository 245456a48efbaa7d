/** The example workspace as the language server's handlers see it: ids, paths and scores, no server. */
import { join } from 'node:path';
import { fileId, type Kind } from '../../src/core/kinds/index.js';
import type { EditorDocument, WorkspaceFacts } from '../../src/lsp/facts.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { REPO } from '../helpers.js';

export async function exampleFacts(): Promise<WorkspaceFacts> {
  const ws = await loadWorkspace({ cwd: join(REPO, 'templates', 'example'), today: '2026-11-24' });
  const paths = new Map<string, string>();
  for (const s of ws.sources) paths.set(`${s.kind}/${fileId(s.path, s.kind)}`, s.path);
  const ids = (kind: Kind) => [...paths.keys()].filter((k) => k.startsWith(`${kind}/`)).map((k) => k.slice(kind.length + 1));
  return { config: ws.config, ids, pathOf: (kind, id) => paths.get(`${kind}/${id}`), score: (id) => ws.analysis.scores.get(id), asOf: ws.analysis.asOf };
}

/** A document and the position of `|` in its text (the `|` taken out). */
export function at(path: string, kind: EditorDocument['kind'], marked: string): { doc: EditorDocument; position: { line: number; character: number } } {
  const i = marked.indexOf('|');
  const text = marked.slice(0, i) + marked.slice(i + 1);
  const before = text.slice(0, i).split('\n');
  return { doc: { path, kind, text }, position: { line: before.length - 1, character: (before[before.length - 1] as string).length } };
}

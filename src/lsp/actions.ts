/**
 * Code actions for the fixes abx knows: the "did you mean" of `unknown-key`, and a drifted
 * generated block rewritten as `abx score --write` / `abx fmt` would. Each is a WorkspaceEdit
 * for the client to apply; the server never writes a file.
 */
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { fileId } from '../core/kinds/index.js';
import { refreshBlocks } from '../workspace/generated-blocks.js';
import type { EditorDocument, WorkspaceFacts } from './facts.js';
import { lineText, minimalEdit, positionAt } from './text.js';

const QUICKFIX = 'quickfix';
const SUGGESTION = /^unknown key "((?:[^"\\]|\\.)*)".*\(did you mean "((?:[^"\\]|\\.)*)"\?\)$/s;

export function codeActions(doc: EditorDocument, uri: string, diagnostics: readonly Diagnostic[], facts: WorkspaceFacts): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'abx') continue;
    if (d.code === 'unknown-key') {
      const fix = renameKey(doc, d);
      if (fix) out.push({ title: `Rename to "${fix.newText}"`, kind: QUICKFIX, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: [fix] } } });
    } else if (d.code === 'table-drift') {
      const fix = refreshDrift(doc, facts);
      if (fix) out.push({ title: 'Refresh the generated blocks (as abx score --write would)', kind: QUICKFIX, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: [fix] } } });
    }
  }
  return out;
}

/** The key the diagnostic starts at, written plain or quoted, replaced by the suggestion. */
function renameKey(doc: EditorDocument, d: Diagnostic): TextEdit | undefined {
  const m = SUGGESTION.exec(d.message);
  if (!m) return undefined;
  const [, key = '', guess = ''] = m;
  const line = lineText(doc.text, d.range.start.line);
  const col = d.range.start.character;
  const quote = line[col] === '"' || line[col] === "'" ? 1 : 0;
  if (line.slice(col + quote, col + quote + key.length) !== key) return undefined;
  return { range: { start: { line: d.range.start.line, character: col + quote }, end: { line: d.range.start.line, character: col + quote + key.length } }, newText: guess };
}

function refreshDrift(doc: EditorDocument, facts: WorkspaceFacts): TextEdit | undefined {
  if (doc.kind !== 'accounts' || !facts.config) return undefined;
  const score = facts.score(fileId(doc.path, 'accounts'));
  if (!score) return undefined;
  const edit = minimalEdit(doc.text, refreshBlocks(doc.text, score, { appendMissing: false, blocks: facts.config.generatedBlocks }));
  if (!edit) return undefined;
  return { range: { start: positionAt(doc.text, edit.start), end: positionAt(doc.text, edit.end) }, newText: edit.text };
}

/**
 * One file while the pipeline works on it, and where its findings are: rules give data paths,
 * and only problems that are kept are given lines and columns. Line-shaped YAML is located from
 * its lines; the `yaml` Document is parsed only for the rest, and only when needed.
 */
import type { Kind } from './kinds/index.js';
import type { Entry } from './kinds/kind.js';
import type { Finding, Problem } from './problem.js';
import { locatePath } from './yaml/locate.js';
import { locateFast } from './yaml/locate-fast.js';
import { parseYamlDocument, type ParsedDocument } from './yaml/parse.js';
import type { AccountScore } from './scoring/account.js';

export interface FileState {
  path: string;
  kind: Kind;
  id: string;
  findings: Finding[];
  /** The whole text, kept while the file is worked on (and after, unless lean). */
  text?: string;
  unreadable?: string;
  yamlText?: string;
  yamlLine: number;
  body: string;
  bodyLine: number;
  bodyOffset: number;
  document?: ParsedDocument;
  /** The file's record and an account's score, held until the file is finished when `AnalyzeInput.onFile` wants them. */
  record?: unknown;
  score?: AccountScore;
}

function documentOf(state: FileState): ParsedDocument | undefined {
  if (state.yamlText === undefined) return undefined;
  state.document ??= parseYamlDocument(state.yamlText);
  return state.document;
}

export function positionOf(state: FileState, finding: Finding): Pick<Problem, 'line' | 'column' | 'endLine' | 'endColumn'> {
  if (finding.line !== undefined) {
    return { line: finding.line, column: finding.column ?? 1, endLine: finding.endLine, endColumn: finding.endColumn };
  }
  const fast = state.yamlText !== undefined && !state.document ? locateFast(state.yamlText, finding.path ?? []) : undefined;
  const doc = fast ? undefined : documentOf(state);
  if (!fast && !doc) return { line: 1, column: 1 };
  const span = fast ?? locatePath(doc!.doc, doc!.lineCounter, finding.path ?? []);
  const offset = state.yamlLine - 1;
  return { line: span.line + offset, column: span.column, endLine: span.endLine + offset, endColumn: span.endColumn };
}

export function makeEntry<T>(state: FileState, data: T): Entry<T> {
  return {
    id: state.id,
    file: state.path,
    data,
    body: state.body,
    bodyLine: state.bodyLine,
    bodyOffset: state.bodyOffset,
    locate: (path) => {
      const p = positionOf(state, { rule: 'schema', message: '', path });
      return { line: p.line, column: p.column };
    },
  };
}

/** abx problems as LSP diagnostics: the same rule ids (as `code`), severities, positions and messages. */
import type { Diagnostic } from 'vscode-languageserver';
import type { Problem } from '../core/problem.js';
import { lineText } from './text.js';

/**
 * Lines and columns are 1-based in a problem and 0-based in LSP. A problem without an end
 * (`abx validate` gives a start only for many rules) is drawn to the end of its line, so the
 * editor underlines the key or value it names rather than a single character.
 */
export function toDiagnostic(problem: Problem, text: string): Diagnostic {
  const line = Math.max(0, problem.line - 1);
  const character = Math.max(0, problem.column - 1);
  const end =
    problem.endLine !== undefined && problem.endColumn !== undefined
      ? { line: Math.max(0, problem.endLine - 1), character: Math.max(0, problem.endColumn - 1) }
      : { line, character: Math.max(character, lineText(text, line).trimEnd().length) };
  return { range: { start: { line, character }, end }, severity: problem.severity === 'error' ? 1 : 2, code: problem.rule, source: 'abx', message: problem.message };
}

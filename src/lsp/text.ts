/** Lines and offsets of a document's text, as LSP counts them (0-based lines, UTF-16 columns). */
import { splitFrontmatter } from '../core/frontmatter.js';
import { kindDef } from '../core/kinds/index.js';
import type { EditorDocument } from './facts.js';

export interface LspPosition {
  line: number;
  character: number;
}

/** The offset of a position in `text`, clamped to the text (a client may ask past the end of a half-typed line). */
export function offsetAt(text: string, position: LspPosition): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) return text.length;
    offset = nl + 1;
  }
  const end = lineEndAt(text, offset);
  return Math.min(offset + Math.max(0, position.character), end);
}

export function positionAt(text: string, offset: number): LspPosition {
  let line = 0;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl === -1 || nl >= offset) break;
    line++;
    start = nl + 1;
  }
  return { line, character: Math.min(offset, text.length) - start };
}

/** The text of a 0-based line, without its line end; '' past the end. */
export function lineText(text: string, line: number): string {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) return '';
    offset = nl + 1;
  }
  return text.slice(offset, lineEndAt(text, offset));
}

function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl === -1 ? text.length : nl;
  return end > offset && text[end - 1] === '\r' ? end - 1 : end;
}

/** The YAML of a document (a markdown file's frontmatter, a YAML file whole) and the 0-based line it starts on. */
export function yamlOf(doc: EditorDocument): { yaml: string; firstLine: number } | undefined {
  if (doc.kind === undefined) return undefined;
  const text = doc.text.charCodeAt(0) === 0xfeff ? doc.text.slice(1) : doc.text;
  if (doc.kind === 'config' || kindDef(doc.kind).format === 'yaml') return { yaml: text, firstLine: 0 };
  const split = splitFrontmatter(text);
  return split.ok ? { yaml: split.yaml, firstLine: split.yamlLine - 1 } : undefined;
}

/** The smallest edit that turns `before` into `after`: a changed middle between a common prefix and suffix. */
export function minimalEdit(before: string, after: string): { start: number; end: number; text: string } | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

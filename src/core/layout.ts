/**
 * The normal layout of frontmatter (`abx fmt`): the `yaml` Document API re-prints it, so
 * indentation, spacing and line layout are the same in every file, while comments, key order,
 * anchors, quoting styles and unknown keys survive. Three things are kept as the author wrote
 * them: CRLF line ends, the line wrapping inside block scalars (`>-` prose), every one-line
 * scalar's source text (`007`, `4.20e8`, `.5`, `+1`, an integer beyond 2^53: the re-print would
 * write the number it reads, losing digits or the author's spelling), runs of blank lines, and
 * `[a, b]` lists without inner padding (the house style; maps keep `{ a: 1 }`).
 *
 * A re-print is accepted only when it reads back as the same data with the same comments;
 * anything else is reported and the file is left alone.
 */
import { CST, Lexer, Parser, Scalar, isScalar, visit, type Document } from 'yaml';
import { splitFrontmatter } from './frontmatter.js';
import { plainReprint } from './layout-fast.js';
import { parseYamlDocument } from './yaml/parse.js';

export type LayoutResult = { ok: true; text: string } | { ok: false; line: number; column: number; message: string; syntax: boolean };

const PRINT_OPTIONS = { lineWidth: 0, minContentWidth: 0, indent: 2, indentSeq: true, flowCollectionPadding: true } as const;

/** A markdown file with frontmatter (`yaml: false`) or a plain YAML file, in the normal layout. */
export function normaliseLayout(fileText: string, wholeFileIsYaml: boolean): LayoutResult {
  const bom = fileText.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = fileText.slice(bom.length);
  let start = 0;
  let yaml = text;
  let yamlLine = 1;
  if (!wholeFileIsYaml) {
    const split = splitFrontmatter(text);
    if (!split.ok) return { ok: false, line: split.line, column: split.column, message: split.message, syntax: true };
    start = text.indexOf('\n') + 1;
    yaml = split.yaml;
    yamlLine = split.yamlLine;
  }
  const result = normaliseYaml(yaml);
  if (!result.ok) return { ...result, line: result.line + yamlLine - 1 };
  return { ok: true, text: bom + text.slice(0, start) + result.text + text.slice(start + yaml.length) };
}

export function normaliseYaml(yaml: string): LayoutResult {
  if (yaml.trim() === '') return { ok: true, text: yaml };
  if (provablyNormal(yaml)) return { ok: true, text: yaml };
  return normaliseWithDocument(yaml);
}

/** normaliseYaml the long way, building the `yaml` Document (exported for the tests that hold the short way to it). */
export function normaliseWithDocument(yaml: string): LayoutResult {
  const parsed = parseYamlDocument(yaml);
  if (!parsed.result.ok) return { ok: false, ...parsed.result.error, syntax: true };
  const doc = parsed.doc;
  if (doc.contents === null) return { ok: true, text: yaml };
  const crlf = yaml.includes('\r\n');
  let out = documentReprint(yaml, doc);
  out = keepInlineAlignment(yaml, out);
  out = keepBlankLineRuns(yaml, out);
  if (crlf) out = out.replace(/\r?\n/g, '\r\n');

  const again = parseYamlDocument(out);
  const refuse = (message: string): LayoutResult => ({ ok: false, line: 1, column: 1, message, syntax: false });
  if (!again.result.ok) return refuse(`the normal layout would not parse (${again.result.error.message}); left as it is`);
  if (!sameData(parsed.result.data, again.result.data)) return refuse('the normal layout would read back as different data; left as it is');
  if (comments(yaml).join('\n') !== comments(out).join('\n')) return refuse('the normal layout would move or drop a comment; left as it is');
  return { ok: true, text: out };
}

/**
 * The `yaml` package's re-print of a parsed text, with the source of its scalars and unpadded
 * flow lists put back: what src/core/layout-fast.ts predicts for the texts it knows.
 */
export function documentReprint(yaml: string, doc: Document): string {
  let out = doc.toString(PRINT_OPTIONS);
  out = keepBlockScalarSource(yaml, doc, out);
  out = keepScalarSource(yaml, doc, out);
  return unpadFlowSequences(out);
}

/**
 * True when the text is shown to be its own normal layout without a Document: the re-print of
 * src/core/layout-fast.ts, given back its alignment and blank lines as below, is the text itself
 * (and so reads back as the same data with the same comments). False when that cannot be shown.
 */
export function provablyNormal(yaml: string): boolean {
  const printed = plainReprint(yaml);
  if (printed === undefined) return false;
  if (printed === yaml) return true;
  const source = yaml.split('\n');
  const lines = printed.split('\n');
  if (source.length !== lines.length) return keepBlankLineRuns(yaml, keepInlineAlignment(yaml, printed)) === yaml;
  // Line for line the same but for spacing (no blank lines to give back): keepInlineAlignment
  // matches each line with its own source line, gives it the source's spacing, and keeps that
  // exactly when the line is aligned in the result, which is then the text itself.
  const squeeze = (line: string) => line.trim().replace(/[ \t]+/g, ' ');
  for (let i = 0; i < source.length; i++) {
    const a = source[i] as string;
    const b = lines[i] as string;
    if (a === b) continue;
    const indent = b.length - b.trimStart().length;
    if (a.length - a.trimStart().length !== indent || squeeze(a) !== squeeze(b) || !isAligned(source, i)) return false;
  }
  return true;
}

function blockScalars(doc: Document): Scalar[] {
  const found: Scalar[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) found.push(node);
    },
  });
  return found;
}

function contentIndent(lines: readonly string[]): number | undefined {
  let min: number | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const n = line.length - line.trimStart().length;
    if (min === undefined || n < min) min = n;
  }
  return min;
}

/** Puts back each block scalar's source (its line wrapping), at the indentation of the re-print. */
function keepBlockScalarSource(source: string, sourceDoc: Document, printed: string): string {
  const before = blockScalars(sourceDoc);
  if (before.length === 0) return printed;
  const printedDoc = parseYamlDocument(printed).doc;
  const after = blockScalars(printedDoc);
  if (after.length !== before.length) return printed;
  let out = printed;
  for (let i = after.length - 1; i >= 0; i--) {
    const a = after[i] as Scalar;
    const b = before[i] as Scalar;
    if (!a.range || !b.range || a.value !== b.value || !isScalar(a)) continue;
    const original = source.slice(b.range[0], b.range[1]).replace(/\r\n/g, '\n');
    const reprinted = out.slice(a.range[0], a.range[1]);
    const [oHead = '', ...oLines] = original.split('\n');
    const [pHead = '', ...pLines] = reprinted.split('\n');
    if (/\d/.test(oHead) || /\d/.test(pHead)) continue;
    const from = contentIndent(oLines);
    const to = contentIndent(pLines);
    if (from === undefined || to === undefined) continue;
    const lines = oLines.map((l) => (l.trim() === '' && l.length <= from ? '' : ' '.repeat(to) + l.slice(from)));
    out = out.slice(0, a.range[0]) + [pHead, ...lines].join('\n') + out.slice(a.range[1]);
  }
  return out;
}

function allScalars(doc: Document): Scalar[] {
  const found: Scalar[] = [];
  visit(doc, {
    Scalar(_key, node) {
      found.push(node);
    },
  });
  return found;
}

/**
 * Puts back the source text of every one-line scalar the re-print spelled differently
 * (`1.0e3` printed as `1e+3`, `12345678901234567890` as `12345678901234567000`). The scalars
 * of the source and of the re-print are the same list in the same order; a scalar whose value
 * differs, or whose source spans lines, is left as printed.
 */
function keepScalarSource(source: string, sourceDoc: Document, printed: string): string {
  const before = allScalars(sourceDoc);
  const after = allScalars(parseYamlDocument(printed).doc);
  if (after.length !== before.length) return printed;
  let out = printed;
  for (let i = after.length - 1; i >= 0; i--) {
    const a = after[i] as Scalar;
    const b = before[i] as Scalar;
    if (!a.range || !b.range || a.type !== b.type) continue;
    if (a.type === Scalar.BLOCK_FOLDED || a.type === Scalar.BLOCK_LITERAL) continue;
    if (!(a.value === b.value || (Number.isNaN(a.value) && Number.isNaN(b.value)))) continue;
    const original = source.slice(b.range[0], b.range[1]);
    const reprinted = out.slice(a.range[0], a.range[1]);
    if (original === reprinted || /[\r\n]/.test(original) || /[\r\n]/.test(reprinted)) continue;
    out = out.slice(0, a.range[0]) + original + out.slice(a.range[1]);
  }
  return out;
}

/**
 * The re-print keeps at most one blank line between entries; the blank lines the author wrote
 * before a line (two before a section) are given back. Lines are matched as in
 * keepInlineAlignment; a blank line that would change a value makes the re-print fail its
 * read-back check, so the file is reported rather than changed.
 */
function keepBlankLineRuns(source: string, printed: string): string {
  const before = source.replace(/\r\n/g, '\n').split('\n');
  const lines = printed.split('\n');
  const out: string[] = [];
  let next = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() !== '') {
      for (let j = next; j < Math.min(before.length, next + 4); j++) {
        if ((before[j] as string).replace(/\s+/g, '') !== line.replace(/\s+/g, '')) continue;
        next = j + 1;
        let blanks = 0;
        while (j - blanks - 1 >= 0 && (before[j - blanks - 1] as string).trim() === '') blanks++;
        let have = 0;
        while (out.length - have - 1 >= 0 && (out[out.length - have - 1] as string) === '') have++;
        for (; have < blanks; have++) out.push('');
        break;
      }
    }
    out.push(line);
  }
  return out.join('\n');
}

/** `[ a, b ]` → `[a, b]`, by tokens so that text inside quoted values is never touched. */
function unpadFlowSequences(text: string): string {
  if (!text.includes('[ ')) return text;
  const tokens = [...new Parser().parse(text)];
  for (const token of tokens) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      const v = item.value;
      if (!v || v.type !== 'flow-collection' || v.start.source !== '[' || v.items.length === 0) return;
      const first = v.items[0];
      const lead = first?.start[first.start.length - 1];
      if (first && lead?.type === 'space') first.start.pop();
      const last = v.items[v.items.length - 1];
      const tail = last?.value && 'end' in last.value ? last.value.end : last?.sep;
      if (tail && tail[tail.length - 1]?.type === 'space') tail.pop();
    });
  }
  return tokens.map((t) => CST.stringify(t)).join('');
}

/** Every comment's text, in order. */
function comments(yaml: string): string[] {
  const out: string[] = [];
  for (const lexeme of new Lexer().lex(yaml)) {
    if (lexeme.startsWith('#')) out.push(lexeme.trimEnd());
  }
  return out;
}

function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Columns the author aligned are kept: `painful:    { … }` under its siblings, comments lined
 * up in a column. A re-printed line that differs from its source line only in spaces takes the
 * source's spacing (at the re-print's indentation) when every run of two or more spaces in it
 * ends at a column where a token also starts on a nearby line of the result; stray spacing is
 * still normalised. Lines are given back their spacing first and then reverted until every kept
 * line is aligned in the result itself: a fixed point, so a second run keeps exactly the same
 * lines. Source lines are matched in order, a few lines ahead at most.
 */
function keepInlineAlignment(source: string, printed: string): string {
  const before = source.replace(/\r\n/g, '\n').split('\n');
  const normal = printed.split('\n');
  const squeeze = (line: string) => line.trim().replace(/[ \t]+/g, ' ');
  const result = [...normal];
  const kept = new Set<number>();
  let next = 0;
  normal.forEach((line, i) => {
    const wanted = squeeze(line);
    if (wanted === '') return;
    for (let j = next; j < Math.min(before.length, next + 4); j++) {
      const original = before[j] as string;
      if (squeeze(original) !== wanted) continue;
      next = j + 1;
      const indent = line.slice(0, line.length - line.trimStart().length);
      const spaced = indent + original.trimStart();
      if (spaced !== line) {
        result[i] = spaced;
        kept.add(i);
      }
      return;
    }
  });
  for (let changed = true; changed; ) {
    changed = false;
    for (const i of kept) {
      if (isAligned(result, i)) continue;
      result[i] = normal[i] as string;
      kept.delete(i);
      changed = true;
    }
  }
  return result.join('\n');
}

const NEARBY = 3;

function tokenStarts(line: string): Set<number> {
  const starts = new Set<number>();
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== ' ' && line[i] !== '\t' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) starts.add(i);
  }
  return starts;
}

function isAligned(lines: readonly string[], i: number): boolean {
  const line = lines[i] as string;
  const offset = line.length - line.trimStart().length;
  const gaps = [...line.slice(offset).matchAll(/[ \t]{2,}(?=\S)/g)];
  if (gaps.length === 0) return false;
  const near: Set<number>[] = [];
  for (let k = Math.max(0, i - NEARBY); k <= Math.min(lines.length - 1, i + NEARBY); k++) {
    if (k !== i) near.push(tokenStarts(lines[k] as string));
  }
  return gaps.every((g) => {
    const column = offset + (g.index ?? 0) + g[0].length;
    return near.some((starts) => starts.has(column));
  });
}

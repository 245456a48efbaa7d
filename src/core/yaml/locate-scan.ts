/**
 * The pieces `locate-fast.ts` reads line-shaped YAML with: the line table, one flow collection
 * on one line, a block scalar's extent, and the plain and quoted scalars in them. Anything outside
 * the shape throws Unsupported, and the caller asks the `yaml` Document instead.
 */

export type Node =
  | { kind: 'scalar'; start: number; end: number }
  | { kind: 'flow-map'; start: number; end: number }
  | { kind: 'flow-seq'; start: number; end: number }
  | { kind: 'block-map'; start: number; end: number; line: number; indent: number }
  | { kind: 'block-seq'; start: number; end: number; line: number; indent: number };

export interface Entry {
  key?: string;
  start: number;
  end: number;
  value: Node;
}

export class Unsupported extends Error {}
export const unsupported = (): never => {
  throw new Unsupported();
};

export const KEY = /[A-Za-z_][A-Za-z0-9_-]*/y;

/** Where each line starts, how far it is indented, and whether it holds content. */
export class LineTable {
  readonly starts: number[] = [];
  readonly indents: number[] = [];
  /** Whether a line holds content (not blank, not only a comment). */
  readonly content: boolean[] = [];

  constructor(readonly text: string) {
    let start = 0;
    while (start < text.length) {
      const nl = text.indexOf('\n', start);
      let i = start;
      while (text.charCodeAt(i) === 32) i++;
      const c = text.charCodeAt(i);
      this.starts.push(start);
      this.indents.push(i - start);
      this.content.push(!(i === nl || c === 35 /* # */));
      start = nl + 1;
    }
    this.starts.push(text.length);
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  nextContent(from: number): number {
    for (let i = from; i < this.content.length; i++) if (this.content[i]) return i;
    return -1;
  }

  lineEnd(line: number): number {
    return (this.starts[line + 1] ?? this.text.length) - 1;
  }

  isDash(line: number): boolean {
    const p = (this.starts[line] ?? 0) + (this.indents[line] ?? 0);
    return this.text.charCodeAt(p) === 45 && this.text.charCodeAt(p + 1) === 32;
  }
}

/** `read()`, or 'unsupported' when what it reads is outside the shape. */
export function remembering<T>(read: () => T): T | 'unsupported' {
  try {
    return read();
  } catch (err) {
    if (err instanceof Unsupported) return 'unsupported';
    throw err;
  }
}

/**
 * A block scalar (`>-` prose, `|` text): its header, then every following line that is blank or
 * indented deeper than the key or `-` that holds it. Like `yaml`, the value ends after the newline
 * of its last non-blank line. Keep chomping (`+`) and explicit indentation stay outside the shape.
 */
export function blockScalarEnd(lines: LineTable, line: number, at: number, ownerCol: number): number {
  const text = lines.text;
  const eol = (lines.starts[line + 1] ?? text.length) - 1;
  const header = /^[|>]-?[ \t]*(?:#.*)?$/.exec(text.slice(at, eol));
  if (!header) return unsupported();
  let last = -1;
  for (let i = line + 1; i < lines.starts.length - 1; i++) {
    const start = lines.starts[i] ?? 0;
    const end = (lines.starts[i + 1] ?? text.length) - 1;
    const blank = text.slice(start, end).trim() === '';
    if (!blank && (lines.indents[i] ?? 0) <= ownerCol) break;
    if (!blank) last = i;
  }
  if (last === -1) return unsupported();
  return lines.starts[last + 1] ?? text.length;
}

/** Reads one flow collection (which must close on its line) and the spans of its entries. */
export class FlowReader {
  private pos: number;
  constructor(
    private readonly text: string,
    private readonly start: number,
  ) {
    this.pos = start;
  }

  read(): { end: number; entries: Entry[] } {
    const text = this.text;
    const map = text.charCodeAt(this.pos) === 123;
    const close = map ? 125 : 93;
    this.pos++;
    const entries: Entry[] = [];
    for (;;) {
      this.skip();
      const c = text.charCodeAt(this.pos);
      if (c === close) {
        this.pos++;
        return { end: this.pos, entries };
      }
      if (map) {
        const keyStart = this.pos;
        const key = this.scalar(true);
        this.skip();
        if (text.charCodeAt(this.pos) !== 58) unsupported();
        this.pos++;
        this.skip();
        const v = text.charCodeAt(this.pos);
        if (v === 44 || v === 125) unsupported(); // a key without a value
        const value = this.node();
        entries.push({ key: key.text, start: keyStart, end: value.end, value });
      } else {
        const value = this.node();
        this.skip();
        if (text.charCodeAt(this.pos) === 58) unsupported(); // a pair inside a list
        entries.push({ start: value.start, end: value.end, value });
      }
      this.skip();
      const after = text.charCodeAt(this.pos);
      if (after === 44) this.pos++;
      else if (after !== close) unsupported();
    }
  }

  private skip(): void {
    while (this.text.charCodeAt(this.pos) === 32) this.pos++;
    if (this.text.charCodeAt(this.pos) === 10 || this.text.charCodeAt(this.pos) === 35 || this.pos >= this.text.length) unsupported();
  }

  private node(): Node {
    const c = this.text.charCodeAt(this.pos);
    if (c === 91 || c === 123) {
      const start = this.pos;
      const inner = new FlowReader(this.text, start).read();
      this.pos = inner.end;
      return { kind: c === 91 ? 'flow-seq' : 'flow-map', start, end: inner.end };
    }
    const s = this.scalar(false);
    return { kind: 'scalar', start: s.start, end: s.end };
  }

  /** A quoted or plain scalar inside a flow collection; keys must be plain words or simple quotes. */
  private scalar(isKey: boolean): { start: number; end: number; text: string } {
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (c === 34 || c === 39) {
      const end = quotedEnd(text, start);
      const inner = text.slice(start + 1, end - 1);
      if (isKey && (inner.includes('\\') || inner.includes("'") || inner.includes('"'))) unsupported();
      this.pos = end;
      return { start, end, text: inner };
    }
    if (!plainStart(text, start)) unsupported();
    let end = start;
    let i = start;
    for (; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125) break;
      if (ch === 58) {
        const n = text.charCodeAt(i + 1);
        if (n === 32 || n === 44 || n === 91 || n === 93 || n === 123 || n === 125 || n === 10) break;
      }
      if (ch === 35 && text.charCodeAt(i - 1) === 32) unsupported();
      if (ch !== 32) end = i + 1;
    }
    this.pos = i;
    const value = text.slice(start, end);
    if (isKey && !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(value)) unsupported();
    return { start, end, text: value };
  }
}

/** The offset after the closing quote of the scalar that opens at `at` (on the same line). */
export function quotedEnd(text: string, at: number): number {
  const q = text.charCodeAt(at);
  for (let i = at + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) unsupported();
    if (q === 34 && ch === 92) {
      i++;
      continue;
    }
    if (ch === q) {
      if (q === 39 && text.charCodeAt(i + 1) === 39) {
        i++;
        continue;
      }
      return i + 1;
    }
  }
  return unsupported();
}

/** Whether a plain scalar may start here, with nothing exotic about it. */
export function plainStart(text: string, at: number): boolean {
  const ch = text[at];
  if (ch === undefined || ch === '\n') return false;
  // `-` starts a plain scalar when a word or number follows it (-5, -x); other indicators never do here.
  if (ch === '-') return /[A-Za-z0-9.]/.test(text[at + 1] ?? '');
  return !'?:,[]{}#&*!|>\'"%@`'.includes(ch);
}

/** Whether a line ends in a key or a `-` with no value (a trailing comment aside). */
export function endsEmpty(line: string): boolean {
  const hash = line.indexOf(' #');
  const code = (hash === -1 ? line : line.slice(0, hash)).trimEnd();
  return code.endsWith(':') || code === '-' || code.endsWith(' -') || code.trim() === '-';
}

export function skipSpaces(text: string, at: number): number {
  while (text.charCodeAt(at) === 32) at++;
  return at;
}

/**
 * Positions without the `yaml` Document: most frontmatter is line-shaped block YAML (one key or
 * list item per line, values that are one-line scalars or one-line flow collections), and for that
 * shape the position of a data path can be read off the lines directly, about twenty times faster
 * than composing a Document. The answer is exactly what `locatePath` gives (the key of the pair
 * that holds the value, or the list item; block collections end at the start of the line after
 * their last line); anything outside that shape gives undefined and the caller asks the Document.
 * test/unit/yaml-paths.test.ts compares the two on every path of every fixture.
 */
import type { DataPath } from '../problem.js';
import type { Span } from './locate.js';
import { blockScalarEnd, endsEmpty, FlowReader, KEY, LineTable, plainStart, quotedEnd, remembering, skipSpaces, Unsupported, unsupported, type Entry, type Node } from './locate-scan.js';

/** Returns undefined when the text is not of the simple shape; the caller then uses the Document. */
export function locateFast(text: string, path: DataPath): Span | undefined {
  // Problems of one file are located one after another: keep its line table, and decide the
  // shape once per file (a scan of the text per problem made a file with many problems quadratic).
  if (lastText !== text) {
    lastText = text;
    lastLines = text.includes('\t') || text.includes('\r') || !text.endsWith('\n') ? undefined : new Lines(text);
  }
  if (!lastLines) return undefined;
  try {
    return lastLines.locate(path);
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}

let lastText: string | undefined;
let lastLines: Lines | undefined;

/** The entries of one collection, and its map entries by key. */
interface Entries {
  list: Entry[];
  byKey: Map<string, Entry>;
}

class Lines extends LineTable {
  /**
   * Every collection's entries, read once: a file's problems are located one after another, and
   * reading a list again for each of its items' problems made that quadratic.
   */
  private readonly entryCache = new Map<string, Entries | 'unsupported'>();
  private root: Node | 'unsupported' | undefined;

  locate(path: DataPath): Span {
    // What is outside the shape stays outside: remembered, not found again for every problem.
    if (this.root === undefined) this.root = remembering(() => this.rootNode());
    if (this.root === 'unsupported') unsupported();
    const root = this.root as Node;
    let node: Node | undefined = root;
    let start = root.start;
    let end = root.end;
    for (const segment of path) {
      if (!node) break;
      if (node.kind === 'block-map' || node.kind === 'flow-map') {
        const want = String(segment);
        const entry: Entry | undefined = this.entries(node).byKey.get(want);
        if (!entry) break;
        start = entry.start;
        end = entry.end;
        node = entry.value;
      } else if ((node.kind === 'block-seq' || node.kind === 'flow-seq') && typeof segment === 'number') {
        const item: Entry | undefined = this.entries(node).list[segment];
        if (!item) break;
        start = item.start;
        end = item.end;
        node = item.value;
      } else {
        break;
      }
    }
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  private rootNode(): Node {
    const first = this.nextContent(0);
    if (first === -1) unsupported();
    return this.blockNodeAt(first, this.indents[first] ?? 0);
  }

  /** The block collection whose first entry starts at `col` of `line`. */
  private blockNodeAt(line: number, col: number): Node {
    const at = (this.starts[line] ?? 0) + col;
    const seq = this.isDashAt(at) || (this.text.charCodeAt(at) === 45 && this.text.charCodeAt(at + 1) === 10);
    // Anything but `- ` or `key:` here is a scalar on its own line (or worse): outside the shape.
    if (!seq && !this.isKeyAt(at)) unsupported();
    // The collection runs over the lines indented deeper, and those at its indent of its own kind.
    let last = line;
    for (let i = line + 1; i < this.content.length; i++) {
      if (!this.content[i]) continue;
      const indent = this.indents[i] ?? 0;
      // A list may sit at the indent of the key that holds it, so a map keeps `- ` lines at its indent.
      if (indent > col || (indent === col && (!seq || this.isDash(i)))) last = i;
      else break;
    }
    // A collection whose last line ends in an empty value (`key:`, `- `) ends elsewhere in `yaml`.
    if (endsEmpty(this.text.slice(this.starts[last] ?? 0, this.lineEnd(last)))) unsupported();
    const start = at;
    const end = this.starts[last + 1] ?? this.text.length;
    return seq ? { kind: 'block-seq', start, end, line, indent: col } : { kind: 'block-map', start, end, line, indent: col };
  }

  private entries(node: Node): Entries {
    const id = `${node.kind}:${node.start}`;
    let known = this.entryCache.get(id);
    if (!known) {
      known = remembering(() => {
        const list = this.readEntries(node);
        const byKey = new Map<string, Entry>();
        // The first of equal keys, as `find` gave (duplicates are a syntax error anyway).
        for (const e of list) if (e.key !== undefined && !byKey.has(e.key)) byKey.set(e.key, e);
        return { list, byKey };
      });
      this.entryCache.set(id, known);
    }
    if (known === 'unsupported') return unsupported();
    return known;
  }

  private readEntries(node: Node): Entry[] {
    switch (node.kind) {
      case 'block-map':
      case 'block-seq':
        return this.blockEntries(node);
      case 'flow-map':
      case 'flow-seq':
        return new FlowReader(this.text, node.start).read().entries;
      default:
        return [];
    }
  }

  private blockEntries(node: Extract<Node, { kind: 'block-map' | 'block-seq' }>): Entry[] {
    const out: Entry[] = [];
    for (let line = node.line; line < this.content.length; line++) {
      if (!this.content[line]) continue;
      const indent = line === node.line ? node.indent : (this.indents[line] ?? 0);
      if (indent > node.indent) continue;
      const at = (this.starts[line] ?? 0) + indent;
      if (at >= node.end) break;
      if (indent < node.indent) unsupported();
      if (node.kind === 'block-seq') {
        if (!this.isDashAt(at)) unsupported();
        out.push(this.itemAt(line, at + 2, indent));
      } else if (!(line !== node.line && this.isDashAt(at))) {
        out.push(this.pairAt(line, at, indent));
      }
    }
    return out;
  }

  private isKeyAt(at: number): boolean {
    KEY.lastIndex = at;
    const m = KEY.exec(this.text);
    if (!m) return false;
    const colon = at + m[0].length;
    const after = this.text.charCodeAt(colon + 1);
    return this.text.charCodeAt(colon) === 58 && (after === 32 || after === 10);
  }

  private isDashAt(at: number): boolean {
    return this.text.charCodeAt(at) === 45 && this.text.charCodeAt(at + 1) === 32;
  }

  /** `key: value` starting at offset `at` (column `col`) of `line`. */
  private pairAt(line: number, at: number, col: number): Entry {
    KEY.lastIndex = at;
    const m = KEY.exec(this.text);
    if (!m) unsupported();
    const key = m![0];
    const colon = at + key.length;
    const after = this.text.charCodeAt(colon + 1);
    if (this.text.charCodeAt(colon) !== 58 || (after !== 32 && after !== 10)) unsupported();
    const valueAt = skipSpaces(this.text, colon + 1);
    const c = this.text.charCodeAt(valueAt);
    if (c === 10 || (c === 35 && valueAt > colon + 1)) {
      // The value is on the lines below: a block collection, or nothing (null).
      const next = this.nextContent(line + 1);
      const indent = next === -1 ? -1 : (this.indents[next] ?? 0);
      if (next !== -1 && (indent > col || (indent === col && this.isDash(next)))) {
        const value = this.blockNodeAt(next, indent);
        if (value.kind === 'block-map' && indent === col) unsupported();
        return { key, start: at, end: value.end, value };
      }
      // `key:` and the end of the line: a null whose range is the point after the colon.
      if (c !== 10 || valueAt !== colon + 1) unsupported();
      return { key, start: at, end: colon + 1, value: { kind: 'scalar', start: colon + 1, end: colon + 1 } };
    }
    const value = this.inlineValue(line, valueAt, col);
    return { key, start: at, end: value.end, value };
  }

  /** A list item whose value starts at offset `at`; `dashCol` is the column of its `-`. */
  private itemAt(line: number, at: number, dashCol: number): Entry {
    const valueAt = skipSpaces(this.text, at);
    const c = this.text.charCodeAt(valueAt);
    if (c === 10 || c === 35 || c === 45) unsupported(); // empty item, comment, nested `- -`
    const col = valueAt - (this.starts[line] ?? 0);
    KEY.lastIndex = valueAt;
    const m = KEY.exec(this.text);
    if (m) {
      const after = valueAt + m[0].length;
      const next = this.text.charCodeAt(after + 1);
      if (this.text.charCodeAt(after) === 58 && (next === 32 || next === 10)) {
        // A compact map: `- key: value` with more keys below at the same column.
        const value = this.blockNodeAt(line, col);
        return { start: valueAt, end: value.end, value };
      }
    }
    const value = this.inlineValue(line, valueAt, dashCol);
    return { start: valueAt, end: value.end, value };
  }

  private blockScalar(line: number, at: number, ownerCol: number): Node {
    return { kind: 'scalar', start: at, end: blockScalarEnd(this, line, at, ownerCol) };
  }

  /**
   * A value that starts and ends on this line: a flow collection, a quoted or a plain scalar.
   * `ownerCol` is the column of the key or `-` that holds it: a deeper line below would continue
   * a plain scalar, which is outside the shape.
   */
  private inlineValue(line: number, at: number, ownerCol: number): Node {
    const text = this.text;
    const c = text.charCodeAt(at);
    const eol = this.lineEnd(line);
    let node: Node;
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(line, at, ownerCol);
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const flow = new FlowReader(text, at).read();
      if (flow.end > eol) unsupported();
      node = { kind: c === 91 ? 'flow-seq' : 'flow-map', start: at, end: flow.end };
    } else if (c === 34 || c === 39) {
      const end = quotedEnd(text, at);
      if (end > eol) unsupported();
      node = { kind: 'scalar', start: at, end };
    } else {
      if (!plainStart(text, at)) unsupported();
      let end = at;
      for (let i = at; i < eol; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 35 && text.charCodeAt(i - 1) === 32) break;
        if (ch === 58 && (text.charCodeAt(i + 1) === 32 || i + 1 === eol)) unsupported();
        if (ch !== 32) end = i + 1;
      }
      node = { kind: 'scalar', start: at, end };
    }
    const rest = skipSpaces(text, node.end);
    if (rest < eol && (text.charCodeAt(rest) !== 35 || rest === node.end)) unsupported();
    // A deeper line below would continue the value (or be an error): outside the shape.
    const next = this.nextContent(line + 1);
    if (next !== -1 && (this.indents[next] ?? 0) > ownerCol) unsupported();
    return node;
  }
}


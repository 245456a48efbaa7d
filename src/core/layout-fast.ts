/**
 * What the `yaml` package's re-print (src/core/layout.ts) makes of frontmatter written in a plain
 * subset of YAML, without building a Document: most files `abx fmt --check` sees are already in
 * the normal layout, and parsing each one three times to say so was most of its time.
 *
 * The subset is block maps and lists at two spaces per level (a list under a key indented by two),
 * lists of compact maps (`- key: value`), one-line scalars (plain, or quoted without escapes),
 * one-line flow collections of those, and comments standing where the re-print keeps them:
 * at the end of a value's line, or on lines of their own at the indentation of the line that
 * follows. For such text the re-print is the text itself with each line's spacing normalised
 * (`key: value`, `{ a: 1 }`, `[a, b]`, one space before a trailing comment) and runs of blank
 * lines shortened to one (blank lines at the top dropped); every one-line scalar keeps its source
 * text (`keepScalarSource`). Anything else — anchors, tags, block scalars, escapes, tabs, CRLF,
 * keys that are not plain words, indentation other than the normal one, a duplicate key, sizes
 * near the parser's limits — gets `undefined`, and the caller builds the Document as before.
 * test/unit/fmt-fast.test.ts holds this to the Document path.
 */

/** Keys the re-print could read as something other than text, or compare equal to another spelling. */
const ODD_KEYS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
/** Far below the limits of src/core/yaml/limits.ts, so text near them takes the checked path. */
const MAX_NODES = 50_000;
const MAX_DEPTH = 24;
const MAX_KEY = 200;

class Outside extends Error {}
const OUTSIDE = new Outside();

interface Line {
  /** Leading spaces. */
  indent: number;
  /** The text after the indentation; '' for a blank line. */
  rest: string;
  comment: boolean;
}

/** Tab, CR, control characters, line and paragraph separators, byte-order mark. */
const FORBIDDEN = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

/** The re-print of `yaml`, or undefined when the text is outside the subset. */
export function plainReprint(yaml: string): string | undefined {
  // Trailing spaces (and lines of spaces only) are the re-print's to drop: the Document path's.
  if (!yaml.endsWith('\n') || FORBIDDEN.test(yaml) || yaml.includes(' \n')) return undefined;
  const raw = yaml.slice(0, -1).split('\n');
  const lines: Line[] = [];
  for (const text of raw) {
    let indent = 0;
    while (text.charCodeAt(indent) === 32) indent++;
    const rest = indent === 0 ? text : text.slice(indent);
    lines.push({ indent, rest, comment: rest.charCodeAt(0) === 35 /* # */ });
  }
  try {
    return new Printer(lines).print();
  } catch (err) {
    if (err === OUTSIDE) return undefined;
    throw err;
  }
}

class Printer {
  private out: string[] = [];
  private at = 0;
  private nodes = 0;

  constructor(private readonly lines: Line[]) {}

  print(): string {
    const first = this.nextContent(0);
    if (first === undefined) throw OUTSIDE;
    const line = this.lines[first] as Line;
    if (line.indent !== 0) throw OUTSIDE;
    if (isItem(line.rest)) this.seq(0, 0);
    else this.map(0, 0, undefined);
    // Comments or content after the top collection ends (trailing comments, a stray line).
    if (this.at < this.lines.length) throw OUTSIDE;
    return `${this.out.join('\n')}\n`;
  }

  /** Index of the next line that is neither blank nor a comment, from `i`. */
  private nextContent(i: number): number | undefined {
    for (; i < this.lines.length; i++) {
      const l = this.lines[i] as Line;
      if (l.rest !== '' && !l.comment) return i;
    }
    return undefined;
  }

  /**
   * Copies the blank and comment lines before the next content line: blank runs as one blank
   * line (none at the top), comments only at the indentation of the line they stand before.
   * Returns that line's index, or undefined at the end of the text.
   */
  private gap(): number | undefined {
    const next = this.nextContent(this.at);
    const until = next ?? this.lines.length;
    if (next === undefined && until > this.at) {
      // Blank lines at the end are the re-print's to drop; comments there are left to the Document path.
      for (let i = this.at; i < until; i++) if ((this.lines[i] as Line).comment) throw OUTSIDE;
    }
    const indent = next === undefined ? 0 : (this.lines[next] as Line).indent;
    let blank = false;
    for (let i = this.at; i < until; i++) {
      const l = this.lines[i] as Line;
      if (l.comment) {
        if (l.indent !== indent) throw OUTSIDE;
        if (blank && this.out.length > 0) this.out.push('');
        blank = false;
        this.out.push(`${' '.repeat(l.indent)}${l.rest}`);
      } else blank = true;
    }
    if (blank && this.out.length > 0 && next !== undefined) this.out.push('');
    this.at = until;
    return next;
  }

  private count(depth: number): void {
    if (++this.nodes > MAX_NODES || depth > MAX_DEPTH) throw OUTSIDE;
  }

  /**
   * A block map whose keys stand at `indent`. `first`: the text of its first entry when that
   * stands on a list item's line (`- key: value`), already consumed.
   */
  private map(indent: number, depth: number, first: { text: string; prefix: string } | undefined): void {
    this.count(depth);
    const keys = new Set<string>();
    let pending = first;
    for (;;) {
      let text: string;
      let prefix: string;
      if (pending) {
        ({ text, prefix } = pending);
        pending = undefined;
      } else {
        const save = this.at;
        const saveOut = this.out.length;
        const next = this.gap();
        const line = next === undefined ? undefined : (this.lines[next] as Line);
        if (!line || line.indent < indent || (line.indent === indent && isItem(line.rest))) {
          // The map ends here: what comes between belongs to the parent, which copies it again.
          this.at = save;
          this.out.length = saveOut;
          return;
        }
        if (line.indent !== indent) throw OUTSIDE;
        text = line.rest;
        prefix = ' '.repeat(indent);
        this.at = (next as number) + 1;
      }
      const colon = keyEnd(text, 0);
      const key = text.slice(0, colon);
      if (keys.has(key)) throw OUTSIDE;
      keys.add(key);
      this.count(depth + 1);
      const after = text.slice(colon + 1);
      if (after === '') {
        this.out.push(`${prefix}${key}:`);
        this.block(indent, depth + 1);
      } else {
        if (after.charCodeAt(0) !== 32) throw OUTSIDE;
        this.out.push(`${prefix}${key}: ${inlineValue(after, 1, depth + 1, this)}`);
      }
    }
  }

  /** The value of `key:` with nothing after the colon: a block two columns in, or null. */
  private block(indent: number, depth: number): void {
    const next = this.nextContent(this.at);
    const line = next === undefined ? undefined : (this.lines[next] as Line);
    if (!line || line.indent <= indent) {
      // Null. A comment before the next key would go to this key's line in the re-print.
      for (let i = this.at; i < (next ?? this.lines.length); i++) if ((this.lines[i] as Line).comment) throw OUTSIDE;
      return;
    }
    if (line.indent !== indent + 2) throw OUTSIDE;
    if (isItem(line.rest)) this.seq(indent + 2, depth);
    else this.map(indent + 2, depth, undefined);
  }

  /** A block list whose `- ` stand at `indent`. */
  private seq(indent: number, depth: number): void {
    this.count(depth);
    for (;;) {
      const save = this.at;
      const saveOut = this.out.length;
      const next = this.gap();
      const line = next === undefined ? undefined : (this.lines[next] as Line);
      if (!line || line.indent < indent || !isItem(line.rest)) {
        this.at = save;
        this.out.length = saveOut;
        return;
      }
      if (line.indent !== indent) throw OUTSIDE;
      this.at = (next as number) + 1;
      const prefix = ' '.repeat(indent);
      const item = line.rest.slice(1);
      let spaces = 0;
      while (item.charCodeAt(spaces) === 32) spaces++;
      const content = item.slice(spaces);
      if (content === '' || isItem(content) || content === '-') throw OUTSIDE;
      if (startsWithKey(content)) {
        // A compact map: its keys line up with the first one, two columns in.
        if (spaces !== 1) throw OUTSIDE;
        this.map(indent + 2, depth + 1, { text: content, prefix: `${prefix}- ` });
      } else {
        this.count(depth + 1);
        this.out.push(`${prefix}- ${inlineValue(item, spaces, depth + 1, this)}`);
      }
    }
  }

  /** For inline values: counts nodes against the bounds. */
  node(depth: number): void {
    this.count(depth);
  }
}

const isItem = (rest: string) => rest.charCodeAt(0) === 45 /* - */ && (rest.length === 1 || rest.charCodeAt(1) === 32);

function isKeyChar(c: number, first: boolean): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (!first && ((c >= 48 && c <= 57) || c === 45));
}

const KEY = /[A-Za-z_][A-Za-z0-9_-]*/y;

/**
 * Where a plain key (`[A-Za-z_][A-Za-z0-9_-]*`) starting at `start` ends: it must be followed by
 * `:` and a space or the end of the line. Throws when there is no such key.
 */
function keyEnd(text: string, start: number): number {
  KEY.lastIndex = start;
  if (!KEY.test(text)) throw OUTSIDE;
  const i = KEY.lastIndex;
  if (i - start > MAX_KEY || text.charCodeAt(i) !== 58 /* : */) throw OUTSIDE;
  const next = text.charCodeAt(i + 1);
  if (!(Number.isNaN(next) || next === 32)) throw OUTSIDE;
  if ((i - start === 4 || i - start === 5) && ODD_KEYS.has(text.slice(start, i))) throw OUTSIDE;
  return i;
}

function startsWithKey(text: string): boolean {
  let i = 0;
  while (i < text.length && isKeyChar(text.charCodeAt(i), i === 0)) i++;
  if (i > 0 && text.charCodeAt(i) === 58) {
    const next = text.charCodeAt(i + 1);
    return Number.isNaN(next) || next === 32;
  }
  // Any other `: ` on the line would make it a map entry the subset does not know.
  return false;
}

/**
 * The re-print of the value on a line from `text[from]` (after the spaces that follow `key:` or
 * `- `) to the end: a scalar or flow collection, then optionally spaces and a comment.
 */
function inlineValue(text: string, from: number, depth: number, printer: Printer): string {
  let i = from;
  while (text.charCodeAt(i) === 32) i++;
  if (i >= text.length || text.charCodeAt(i) === 35 /* # */) throw OUTSIDE; // no value, or only a comment
  let value: string;
  const c = text.charCodeAt(i);
  if (c === 91 /* [ */ || c === 123 /* { */) {
    const flow = new Flow(text, i, printer);
    value = flow.collection(depth);
    i = flow.at;
  } else if (c === 34 || c === 39) {
    const end = quotedEnd(text, i);
    value = text.slice(i, end);
    i = end;
  } else {
    const end = plainEnd(text, i, false);
    value = text.slice(i, end);
    i = end;
  }
  // After the value: the end of the line, or spaces and a comment.
  if (i === text.length) return value;
  let j = i;
  while (text.charCodeAt(j) === 32) j++;
  if (j === i || text.charCodeAt(j) !== 35) throw OUTSIDE;
  return `${value} ${text.slice(j)}`;
}

/** The end of a one-line quoted scalar starting at `i`: `"` without escapes, or `'` with `''`. */
function quotedEnd(text: string, i: number): number {
  const q = text.charCodeAt(i);
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (q === 34 && c === 92 /* \ */) throw OUTSIDE;
    if (c !== q) continue;
    if (q === 39 && text.charCodeAt(j + 1) === 39) {
      j++;
      continue;
    }
    return j + 1;
  }
  throw OUTSIDE;
}

/**
 * The end of a plain scalar starting at `i`, trailing spaces not included. The scalar must read
 * as the text it is written as and print as written: no indicator first, no `: `, no ` #` inside,
 * no `:` at the end, and in flow collections none of `,[]{}` (they end it) nor a `:` before them.
 */
function plainEnd(text: string, i: number, inFlow: boolean): number {
  const c = text.charCodeAt(i);
  // - ? : , [ ] { } # & * ! | > ' " % @ `
  if ('?:,[]{}#&*!|>\'"%@`'.includes(text[i] as string)) throw OUTSIDE;
  if (c === 45 /* - */) {
    const d = text.charCodeAt(i + 1);
    if (Number.isNaN(d) || d === 32 || (inFlow && isFlowIndicator(d)) || text.startsWith('---', i)) throw OUTSIDE;
  }
  if (text.startsWith('...', i)) throw OUTSIDE;
  const body = inFlow ? FLOW_PLAIN : BLOCK_PLAIN;
  body.lastIndex = i;
  body.test(text);
  const end = body.lastIndex;
  // What stops it: the end of the line, a comment, a flow indicator, or a `:` it must not hold.
  if (end === i || text.charCodeAt(end) === 58 /* : */) throw OUTSIDE;
  return end;
}

/** A plain scalar's characters after the first: `:` only before a non-space, spaces only before more text. */
const BLOCK_PLAIN = /(?:[^ :]|:(?=[^ ])| +(?=[^ #]))*/y;
/** The same in a flow collection, where `,[]{}` end it and a `:` before them is not text. */
const FLOW_PLAIN = /(?:[^ :,[\]{}]|:(?=[^ ,[\]{}])| +(?=[^ #,[\]{}]))*/y;

/** , [ ] { } */
const isFlowIndicator = (c: number) => c === 44 || c === 91 || c === 93 || c === 123 || c === 125;

/** One flow collection on one line, re-printed as `{ a: 1, b: [x, y] }`. */
class Flow {
  constructor(
    private readonly text: string,
    public at: number,
    private readonly printer: Printer,
  ) {}

  private spaces(): void {
    while (this.text.charCodeAt(this.at) === 32) this.at++;
  }

  collection(depth: number): string {
    this.printer.node(depth);
    const open = this.text.charCodeAt(this.at);
    const map = open === 123;
    const close = map ? 125 : 93;
    this.at++;
    this.spaces();
    if (this.text.charCodeAt(this.at) === close) {
      this.at++;
      return map ? '{}' : '[]';
    }
    let out = map ? '{ ' : '[';
    // Duplicate keys, looked for in a short list (a set for long maps, which stay linear).
    const keys: string[] = [];
    let keySet: Set<string> | undefined;
    for (let first = true; ; first = false) {
      if (!first) out += ', ';
      if (map) {
        const end = keyEnd(this.text, this.at);
        const key = this.text.slice(this.at, end);
        if (keySet ? keySet.has(key) : keys.includes(key)) throw OUTSIDE;
        if (keySet) keySet.add(key);
        else if (keys.push(key) > 16) keySet = new Set(keys);
        this.printer.node(depth + 1);
        this.at = end + 1;
        if (this.text.charCodeAt(this.at) !== 32) throw OUTSIDE;
        this.spaces();
        out += `${key}: `;
      }
      out += this.value(depth + 1);
      this.spaces();
      const c = this.text.charCodeAt(this.at);
      this.at++;
      if (c === close) break;
      if (c !== 44 /* , */) throw OUTSIDE;
      this.spaces();
    }
    return map ? `${out} }` : `${out}]`;
  }

  private value(depth: number): string {
    const c = this.text.charCodeAt(this.at);
    if (c === 91 || c === 123) return this.collection(depth);
    this.printer.node(depth);
    const start = this.at;
    this.at = c === 34 || c === 39 ? quotedEnd(this.text, start) : plainEnd(this.text, start, true);
    return this.text.slice(start, this.at);
  }
}

/**
 * Where in the data a position is, read off the lines of a half-typed file: no YAML parser, since
 * the text being typed is rarely valid YAML. Indentation and `- ` markers give the path of the
 * map or list around the cursor; a flow collection on the cursor's line (`- { date: …, type: `)
 * is followed character by character.
 *
 * Paths are keys, `[]` for a list item (the same shape as `core/field-descriptions.ts`).
 * Columns are UTF-16 code units, as LSP positions count them and JavaScript strings index.
 */
import type { Position } from 'vscode-languageserver';
import type { EditorDocument } from './facts.js';
import { kindDef } from '../core/kinds/index.js';

export interface Cursor {
  /** The map or list the cursor is in. */
  path: string[];
  /**
   * `key`: a key of the map at `path` is being typed. `value`: the value of `key` in that map.
   * `item`: the start of a list item (`- `): a scalar of the list at `path`, or a key of its map.
   */
  at: 'key' | 'value' | 'item';
  key?: string;
  /** The keys the map already has, or the values the list already has: each is offered once. */
  present: Set<string>;
  /** What is typed so far, and the column it starts at: completions replace it. */
  typed: string;
  start: number;
  line: number;
  /** A value typed right after `key:` needs a space before it. */
  pad: string;
  /** The rest of the line after the cursor: a completion also replaces the rest of the word it is in. */
  after: string;
}

type At = (c: Omit<Cursor, 'line' | 'pad' | 'after'> & { pad?: string }) => Cursor;

interface Line {
  indent: number;
  /** Columns of the `- ` markers before the content. */
  dashes: number[];
  /** Column of the content after the markers. */
  keyCol: number;
  key?: string;
  /** Text after `key:`, trimmed, without a comment, and the column it starts at. */
  value?: string;
  valueStart?: number;
  blank: boolean;
}

const QUOTED_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*:(?=[ \t]|$)/;
const PLAIN_KEY_START = /[^\s#'"{}[\],&*!|>%@`]/;

/**
 * The key a line's content starts with (`name:`, `"a b":`) and where its value starts, in one
 * pass: a plain key runs to the first `:` followed by a space or the end, and holds no `#`.
 */
function keyOf(text: string, pos: number): { key: string; valueStart: number } | undefined {
  let colon: number;
  let key: string;
  const c = text[pos];
  if (c === '"' || c === "'") {
    const m = QUOTED_KEY.exec(text.slice(pos));
    if (!m) return undefined;
    key = unquote(m[1] as string);
    colon = pos + m[0].length - 1;
  } else {
    if (c === undefined || !PLAIN_KEY_START.test(c)) return undefined;
    colon = pos;
    while (colon < text.length && text[colon] !== ':' && text[colon] !== '#') colon++;
    const next = text[colon + 1];
    if (text[colon] !== ':' || (next !== undefined && next !== ' ' && next !== '\t')) return undefined;
    key = text.slice(pos, colon).trimEnd();
  }
  let valueStart = colon + 1;
  while (text[valueStart] === ' ' || text[valueStart] === '\t') valueStart++;
  return { key, valueStart };
}

function unquote(key: string): string {
  if (key.startsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, '$1');
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

function parseLine(text: string): Line {
  let pos = 0;
  while (text[pos] === ' ') pos++;
  const indent = pos;
  if (pos >= text.length || text[pos] === '#') return { indent, dashes: [], keyCol: pos, blank: true };
  const dashes: number[] = [];
  while (text[pos] === '-' && (text[pos + 1] === ' ' || text[pos + 1] === undefined)) {
    dashes.push(pos);
    pos++;
    while (text[pos] === ' ') pos++;
  }
  const k = keyOf(text, pos);
  if (!k) return { indent, dashes, keyCol: pos, blank: false };
  const rest = text.slice(k.valueStart).replace(/(^|\s)#.*$/, '').trim();
  return { indent, dashes, keyCol: pos, key: k.key, value: rest, valueStart: k.valueStart, blank: false };
}

/** The document's lines with `\r` and a leading BOM taken off; `shift` is the BOM's width on line 0. */
export interface Lines {
  lines: string[];
  shift: number;
  /** The first and past-the-last line of YAML. */
  first: number;
  end: number;
}

/** The YAML part of a document: the frontmatter of markdown, the whole of a YAML file; undefined for other files. */
export function yamlLines(doc: EditorDocument): Lines | undefined {
  if (doc.kind === undefined) return undefined;
  const lines = doc.text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const shift = lines[0]?.startsWith('\uFEFF') ? 1 : 0;
  if (shift) lines[0] = (lines[0] as string).slice(1);
  const yaml = doc.kind === 'config' || kindDef(doc.kind).format === 'yaml';
  if (yaml) return { lines, shift, first: 0, end: lines.length };
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return undefined;
  let end = 1;
  while (end < lines.length && !/^(?:---|\.\.\.)[ \t]*$/.test(lines[end] as string)) end++;
  return { lines, shift, first: 1, end };
}

/** The cursor's place in the data, or undefined where nothing can be completed (a comment, a block scalar, outside the YAML). */
export function cursorAt(doc: EditorDocument, position: Position): Cursor | undefined {
  const src = yamlLines(doc);
  if (!src || position.line < src.first || position.line >= src.end) return undefined;
  const { lines, first, end } = src;
  const shift = position.line === 0 ? src.shift : 0;
  const full = lines[position.line] as string;
  const ch = Math.max(0, Math.min(full.length, position.character - shift));
  const prefix = full.slice(0, ch);
  const head = parseLine(prefix);
  const col = head.blank && !head.dashes.length ? prefix.length : head.keyCol;
  const content = prefix.slice(head.keyCol);
  const at: At = (c) => ({ pad: '', ...c, start: c.start + shift, line: position.line, after: full.slice(ch) });

  let outer: string[] | undefined;
  const container = (): string[] | undefined => (outer ??= containerPath(lines, first, position.line, col, head.dashes));
  if (head.key !== undefined) {
    const path = container();
    if (!path) return undefined;
    const valueStart = head.valueStart as number;
    const value = prefix.slice(valueStart);
    return valueCursor([...path], head.key, value, valueStart, prefix.slice(0, valueStart), at);
  }
  if (/^[{[]/.test(content)) {
    const path = container();
    return path && flowCursor(path, content, head.keyCol, at);
  }
  if (!/^[^\s:#{}[\],'"&*!|>]*$/.test(content)) return undefined;
  const path = container();
  if (!path) return undefined;
  if (head.dashes.length > 0) {
    const present = new Set([...siblingKeys(lines, position.line, end, col), ...listItems(lines, first, end, position.line, head.dashes[head.dashes.length - 1] as number)]);
    return at({ path, at: 'item', present, typed: content, start: head.keyCol });
  }
  const present = new Set([...siblingKeys(lines, position.line, end, col), ...keysAbove(lines, first, position.line, col)]);
  return at({ path, at: 'key', present, typed: content, start: head.keyCol });
}

function valueCursor(path: string[], key: string, value: string, valueStart: number, before: string, at: At): Cursor | undefined {
  if (/^[{[]/.test(value)) return flowCursor([...path, key], value, valueStart, at);
  if (/^["']/.test(value)) {
    const inner = value.slice(1);
    if (inner.includes(value[0] as string)) return undefined;
    return at({ path, at: 'value', key, present: new Set(), typed: inner, start: valueStart + 1 });
  }
  if (!/^[^\s#{}[\],&*!|>]*$/.test(value)) return undefined;
  return at({ path, at: 'value', key, present: new Set(), typed: value, start: valueStart, pad: value === '' && /:$/.test(before) ? ' ' : '' });
}

interface Frame {
  seq: boolean;
  /** A list's items before the cursor. */
  items: Set<string>;
  key?: string;
  keys: Set<string>;
  /** Where the current token starts (after `{`, `,` or `:`). */
  token: number;
}

/** Follows a flow collection up to the cursor: `{ date: 2026-10-01, type: we`. */
function flowCursor(base: string[], text: string, offset: number, at: At): Cursor | undefined {
  const frames: Frame[] = [];
  const path = [...base];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const top = frames[frames.length - 1];
    if (c === '"' || c === "'") {
      const close = c === '"' ? /"/g : /'/g;
      close.lastIndex = i + 1;
      const m = close.exec(text);
      if (!m) return top && !top.seq && top.key === undefined ? undefined : flowEnd(frames, path, text, i + 1, offset, at);
      i = m.index;
    } else if (c === '{' || c === '[') {
      if (top) path.push(top.seq ? '[]' : (top.key ?? ''));
      frames.push({ seq: c === '[', items: new Set(), keys: new Set(), token: i + 1 });
    } else if (c === '}' || c === ']') {
      frames.pop();
      if (frames.length === 0) return undefined;
      path.pop();
    } else if (!top) {
      return undefined;
    } else if (c === ',') {
      if (top.seq) top.items.add(unquote(text.slice(top.token, i).trim()));
      top.key = undefined;
      top.token = i + 1;
    } else if (c === ':' && !top.seq && top.key === undefined && /[\s,}\]]/.test(text[i + 1] ?? ' ')) {
      top.key = unquote(text.slice(top.token, i).trim());
      top.keys.add(top.key);
      top.token = i + 1;
    } else if (c === '#' && /\s/.test(text[i - 1] ?? '')) {
      return undefined;
    }
  }
  const top = frames[frames.length - 1];
  return top ? flowEnd(frames, path, text, top.token, offset, at) : undefined;
}

function flowEnd(frames: Frame[], path: string[], text: string, from: number, offset: number, at: At): Cursor {
  const top = frames[frames.length - 1] as Frame;
  let start = from;
  while (text[start] === ' ' || text[start] === '\t') start++;
  const typed = text.slice(start);
  if (top.seq) return at({ path: [...path, '[]'], at: 'item', present: top.items, typed, start: offset + start });
  if (top.key === undefined) return at({ path, at: 'key', present: top.keys, typed, start: offset + start });
  return at({ path, at: 'value', key: top.key, present: new Set(), typed, start: offset + start });
}

/**
 * The path of the map (or list item) whose content starts at `col` on line `from`, walking up
 * through parents by indentation. Undefined inside a block scalar or under a line that is not a key.
 */
function containerPath(lines: string[], first: number, from: number, col: number, dashes: number[]): string[] | undefined {
  const path: string[] = dashes.map(() => '[]');
  let need = dashes.length > 0 ? (dashes[0] as number) : col;
  let seq = dashes.length > 0;
  for (let i = from - 1; i >= first; i--) {
    const p = parseLine(lines[i] as string);
    if (p.blank) continue;
    const parent = seq ? p.keyCol < need || (p.keyCol === need && p.dashes.length === 0) : p.keyCol < need;
    if (!parent) {
      if (!seq && p.keyCol === need && p.dashes.length > 0) {
        path.push(...p.dashes.map(() => '[]'));
        need = p.dashes[0] as number;
        seq = true;
      }
      continue;
    }
    if (p.key === undefined || /^[|>]/.test(p.value ?? '')) return undefined;
    path.push(p.key, ...p.dashes.map(() => '[]'));
    seq = p.dashes.length > 0;
    need = seq ? (p.dashes[0] as number) : p.keyCol;
  }
  return path.reverse();
}

/** Keys at `col` below the cursor line in the same map. */
function siblingKeys(lines: string[], from: number, end: number, col: number): Set<string> {
  const keys = new Set<string>();
  for (let i = from + 1; i < end; i++) {
    const p = parseLine(lines[i] as string);
    if (p.blank || p.keyCol > col) continue;
    if (p.keyCol < col || p.dashes.length > 0) break;
    if (p.key !== undefined) keys.add(p.key);
  }
  return keys;
}

/** The scalar items of the block list whose `- ` is at column `dash`, other than the cursor's. */
function listItems(lines: string[], first: number, end: number, from: number, dash: number): Set<string> {
  const items = new Set<string>();
  for (const step of [-1, 1]) {
    for (let i = from + step; i >= first && i < end; i += step) {
      const p = parseLine(lines[i] as string);
      if (p.blank || p.indent > dash) continue;
      if (p.indent < dash || p.dashes[0] !== dash) break;
      const item = (lines[i] as string).slice(p.keyCol).replace(/(^|\s)#.*$/, '').trim();
      if (p.key === undefined && p.dashes.length === 1 && item !== '') items.add(unquote(item));
    }
  }
  return items;
}

/** Keys at `col` above the cursor line in the same map, up to the `- ` that starts its list item. */
function keysAbove(lines: string[], first: number, from: number, col: number): Set<string> {
  const keys = new Set<string>();
  for (let i = from - 1; i >= first; i--) {
    const p = parseLine(lines[i] as string);
    if (p.blank || p.keyCol > col) continue;
    if (p.keyCol < col) break;
    if (p.key !== undefined) keys.add(p.key);
    if (p.dashes.length > 0) break;
  }
  return keys;
}

/**
 * The word under a position (a key, an id, an enum value) and where it starts and ends; `key`
 * when a `:` follows it (`segment` in `segment: x`, `type` in `{ type: policy }`).
 */
export function wordUnder(doc: EditorDocument, position: Position): { word: string; start: number; end: number; key: boolean } | undefined {
  const src = yamlLines(doc);
  if (!src || position.line < src.first || position.line >= src.end) return undefined;
  const shift = position.line === 0 ? src.shift : 0;
  const text = src.lines[position.line] as string;
  const ch = position.character - shift;
  const word = /[A-Za-z0-9_-]/;
  let start = ch;
  while (start > 0 && word.test(text[start - 1] as string)) start--;
  let stop = ch;
  while (stop < text.length && word.test(text[stop] as string)) stop++;
  if (start === stop) return undefined;
  return { word: text.slice(start, stop), start: start + shift, end: stop + shift, key: /^[ \t]*:(?=[ \t]|$|[,}])/.test(text.slice(stop)) };
}

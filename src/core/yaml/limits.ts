/**
 * Bounds that keep hostile YAML from hurting the process. They are checked on the text before
 * any parser sees it (deep nesting can abort Node inside the `yaml` package, past any try/catch)
 * and on the parsed data afterwards (aliases expand a small text into a huge tree).
 */

export const MAX_FLOW_DEPTH = 64;
export const MAX_INDENT = 256;
export const MAX_EXPANDED_NODES = 200_000;
export const MAX_DATA_DEPTH = 64;

export interface TextLimitViolation {
  message: string;
  /** 1-based line within the YAML text. */
  line: number;
  column: number;
}

/** Rejects nesting too deep for the parsers, and YAML directives (which change how values are read). */
export function checkYamlText(text: string): TextLimitViolation | undefined {
  return mayViolateTextLimits(text) ? scanYamlText(text) : undefined;
}

const DEEP_INDENT = new RegExp(`^[ \\t-]{${MAX_INDENT + 1}}`, 'm');

/**
 * A cheap look for what the scan below can object to: a `%` starting a line, more than
 * MAX_INDENT columns of indentation, more than MAX_FLOW_DEPTH brackets in all. Most files have
 * none of them and skip the character-by-character scan; the answer is the same either way.
 */
function mayViolateTextLimits(text: string): boolean {
  if (text.charCodeAt(0) === 37 || text.includes('\n%') || DEEP_INDENT.test(text)) return true;
  let brackets = 0;
  for (let i = text.indexOf('[') ; i !== -1; i = text.indexOf('[', i + 1)) if (++brackets > MAX_FLOW_DEPTH) return true;
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) if (++brackets > MAX_FLOW_DEPTH) return true;
  return false;
}

function scanYamlText(text: string): TextLimitViolation | undefined {
  let line = 1;
  let lineStart = 0;
  let depth = 0;
  let quote: '"' | "'" | '' = '';
  let atLineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */) {
      line++;
      lineStart = i + 1;
      atLineStart = true;
      indent = 0;
      // A single-quoted or double-quoted scalar may span lines; flow depth carries over too.
      continue;
    }
    if (atLineStart) {
      if (ch === 32 /* space */ || ch === 45 /* - */ || ch === 9) {
        indent++;
        if (indent > MAX_INDENT) {
          return { message: `nesting is too deep (more than ${MAX_INDENT} columns of indentation)`, line, column: i - lineStart + 1 };
        }
        continue;
      }
      atLineStart = false;
      if (ch === 37 /* % */ && indent === 0 && quote === '') {
        return { message: 'YAML directives (lines starting with %) are not allowed in frontmatter', line, column: 1 };
      }
    }
    if (quote !== '') {
      if (quote === '"' && ch === 92 /* \\ */) i++;
      else if (ch === (quote === '"' ? 34 : 39)) quote = '';
      continue;
    }
    if (ch === 35 /* # */ && (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) {
      const nl = text.indexOf('\n', i);
      if (nl === -1) break;
      i = nl - 1;
      continue;
    }
    if (ch === 34 || ch === 39) {
      const prev = i === 0 ? 32 : text.charCodeAt(i - 1);
      // Quotes open a scalar only at the start of one; an apostrophe inside words is text.
      if (prev === 32 || prev === 9 || prev === 91 || prev === 123 || prev === 44 || prev === 58 || i === lineStart) {
        quote = ch === 34 ? '"' : "'";
      }
      continue;
    }
    if (ch === 91 /* [ */ || ch === 123 /* { */) {
      depth++;
      if (depth > MAX_FLOW_DEPTH) {
        return { message: `nesting is too deep (more than ${MAX_FLOW_DEPTH} levels of [ and {)`, line, column: i - lineStart + 1 };
      }
    } else if ((ch === 93 || ch === 125) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

export type DataLimitViolation = 'cycle' | 'size' | 'depth';

/**
 * Measures the tree the data would become if every alias were copied out, without copying:
 * shared subtrees are counted once per reference through a memo, so this stays linear.
 */
export function checkExpandedData(data: unknown): DataLimitViolation | undefined {
  const sizes = new Map<object, number>();
  const depths = new Map<object, number>();
  const active = new Set<object>();
  let violation: DataLimitViolation | undefined;

  const visit = (value: unknown): [number, number] => {
    if (violation || value === null || typeof value !== 'object') return [1, 0];
    const known = sizes.get(value);
    if (known !== undefined) return [known, depths.get(value) ?? 0];
    if (active.has(value)) {
      violation = 'cycle';
      return [1, 0];
    }
    active.add(value);
    let size = 1;
    let depth = 0;
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) {
      const [s, d] = visit(child);
      size += s;
      if (d + 1 > depth) depth = d + 1;
      if (size > MAX_EXPANDED_NODES) {
        violation = 'size';
        break;
      }
      if (depth > MAX_DATA_DEPTH) {
        violation = 'depth';
        break;
      }
    }
    active.delete(value);
    sizes.set(value, size);
    depths.set(value, depth);
    return [size, depth];
  };

  visit(data);
  return violation;
}

export interface TreeCheck {
  violation: DataLimitViolation | undefined;
  /**
   * A key that js-yaml may have made from a number, null or a boolean ("1", "-2", "null", "true",
   * "NaN", "Infinity"): its source text is lost, so the caller cannot be sure it matches.
   */
  oddKey: boolean;
}

/**
 * checkExpandedData for data known to be a tree (parsed without anchors or aliases): the same
 * walk, the same order and the same answer, without the bookkeeping for shared parts and cycles
 * (shared parts, should any slip in, are counted once per reference, so the bound still holds).
 * It also looks at every key on the way (see TreeCheck.oddKey).
 */
export function checkTreeData(data: unknown): TreeCheck {
  let violation: DataLimitViolation | undefined;
  let oddKey = false;
  /** The depth of the value `visit` returned last (its size is the return value). */
  let depthOut = 0;
  const visit = (value: unknown): number => {
    depthOut = 0;
    if (violation || value === null || typeof value !== 'object') return 1;
    let size = 1;
    let depth = 0;
    /** Adds a child's size and depth; false once a bound is passed. */
    const child = (v: unknown): boolean => {
      size += visit(v);
      if (depthOut + 1 > depth) depth = depthOut + 1;
      if (size > MAX_EXPANDED_NODES) violation = 'size';
      else if (depth > MAX_DATA_DEPTH) violation = 'depth';
      return violation === undefined;
    };
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (!child(value[i])) break;
    } else {
      for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
        if (!oddKey && isOddKey(key)) oddKey = true;
        if (!child((value as Record<string, unknown>)[key])) break;
      }
    }
    depthOut = depth;
    return size;
  };
  visit(data);
  return { violation, oddKey };
}

function isOddKey(key: string): boolean {
  const c = key.charCodeAt(0);
  // digits and '-' (numbers), 'n' null, 't' true, 'f' false, 'N' NaN, 'I' Infinity; empty keys are "null" by then
  if ((c >= 48 && c <= 57) || c === 45) return true;
  return c === 110 || c === 116 || c === 102 || c === 78 || c === 73 ? key === 'null' || key === 'true' || key === 'false' || key === 'NaN' || key === 'Infinity' : false;
}

/** `aliases`: whether the text has any (a large tree without them is large, not a bomb). */
export function describeDataViolation(v: DataLimitViolation, aliases = true): string {
  switch (v) {
    case 'cycle':
      return 'an alias refers to the node that contains it (a cycle)';
    case 'size':
      return aliases
        ? `aliases expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} values (an alias bomb?)`
        : `the frontmatter holds more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} values: split it into smaller files`;
    case 'depth':
      return `data is nested more than ${MAX_DATA_DEPTH} levels deep`;
  }
}

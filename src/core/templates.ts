/**
 * How new workspace files are written (`abx new`, `abx import`; each kind's template is in
 * `kinds/<kind>.ts`): laid out the way `abx fmt` would lay them out so that a freshly created
 * file is already formatted, and YAML scalars written so that they read back as exactly the
 * value given.
 */

/**
 * A number kept as the decimal text it came as (`99999999999999999.99` from a CRM export): a
 * JavaScript number would write `100000000000000000`. It is written as is and compared as the
 * number YAML reads from it.
 */
export class NumberText {
  constructor(readonly text: string) {}
  valueOf(): number {
    return Number(this.text);
  }
}

export type ScalarValue = string | number | boolean | NumberText;

/** Plain scalars the YAML 1.2 core schema (or a YAML 1.1 reader) would read as something other than text. */
const NOT_TEXT =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?[0-9][0-9_,]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;
// eslint-disable-next-line no-control-regex
const UNSAFE_ANYWHERE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|: |:$| #|\t/;
const UNSAFE_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const FLOW_INDICATOR = /[,[\]{}]/;

/**
 * A YAML scalar for `value`: plain when that reads back as the same text, double-quoted
 * otherwise. `flow` is for values inside `{ }` or `[ ]`, where `,[]{}` end a plain scalar.
 */
export function yamlScalar(value: ScalarValue, flow = false): string {
  if (value instanceof NumberText) return value.text;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`${value} cannot be written to a workspace file`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const plain =
    value !== '' &&
    value.trim() === value &&
    !UNSAFE_START.test(value) &&
    !UNSAFE_ANYWHERE.test(value) &&
    !(flow && FLOW_INDICATOR.test(value)) &&
    !NOT_TEXT.test(value);
  if (plain) return value;
  // JSON strings are YAML double-quoted scalars; YAML also wants the C1 controls escaped.
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function flowList(values: readonly ScalarValue[]): string {
  return `[${values.map((v) => yamlScalar(v, true)).join(', ')}]`;
}

export function flowMap(entries: readonly (readonly [string, ScalarValue | readonly ScalarValue[]])[]): string {
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${yamlScalar(k, true)}: ${Array.isArray(v) ? flowList(v) : yamlScalar(v as ScalarValue, true)}`).join(', ')} }`;
}

/** Markdown headings hold one line. */
function heading(name: string): string {
  return name.replace(/[\r\n]+/g, ' ').trim();
}

/** A markdown file: the frontmatter lines, then the name as its heading. */
export function markdownFile(lines: readonly string[], name: string): string {
  return `---\n${lines.join('\n')}\n---\n\n# ${heading(name)}\n`;
}

/** A `key: value` line, or none for an absent or empty value. */
export function field(key: string, value: ScalarValue | undefined): string[] {
  return value === undefined || value === '' ? [] : [`${key}: ${yamlScalar(value)}`];
}

export type Facts = Record<string, ScalarValue | readonly ScalarValue[]>;

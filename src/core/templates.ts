/**
 * The text of new workspace files (`abx new`, `abx import`), written the way `abx fmt` would lay
 * them out so that a freshly created file is already formatted, and YAML scalars written so that
 * they read back as exactly the value given.
 */
import { PURE_CRITERIA, type PureCriterion } from './schemas.js';

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

function file(lines: readonly string[], name: string): string {
  return `---\n${lines.join('\n')}\n---\n\n# ${heading(name)}\n`;
}

function field(key: string, value: ScalarValue | undefined): string[] {
  return value === undefined || value === '' ? [] : [`${key}: ${yamlScalar(value)}`];
}

export interface PureAnswer {
  score: number;
  evidence: string;
}

export type Facts = Record<string, ScalarValue | readonly ScalarValue[]>;

export interface NewAccount {
  name: string;
  domain?: string;
  segment?: string;
  owner?: string;
  motion?: string;
  pure?: Record<PureCriterion, PureAnswer>;
  firmographics?: Facts;
  technographics?: Facts;
}

export function accountFile(a: NewAccount): string {
  const lines = [...field('name', a.name), ...field('domain', a.domain), ...field('segment', a.segment), ...field('owner', a.owner), ...field('motion', a.motion)];
  if (a.pure) {
    lines.push('pure:');
    for (const c of PURE_CRITERIA) {
      const { score, evidence } = a.pure[c];
      lines.push(`  ${c}: ${flowMap(evidence.trim() === '' ? [['score', score]] : [['score', score], ['evidence', evidence]])}`);
    }
  }
  const firmographics = Object.entries(a.firmographics ?? {});
  if (firmographics.length > 0) lines.push(`firmographics: ${flowMap(firmographics)}`);
  const technographics = Object.entries(a.technographics ?? {});
  if (technographics.length > 0) lines.push(`technographics: ${flowMap(technographics)}`);
  return file(lines, a.name);
}

export interface NewBet {
  name: string;
  category?: string;
  status: string;
  owner?: string;
  hypothesis: string;
  test: string;
  success_criteria: string;
  kill_condition: string;
  learning_output: string;
  /** Dates (YYYY-MM-DD), already checked. */
  started?: string;
  review_by?: string;
  result?: string;
}

export function betFile(b: NewBet): string {
  const lines = [
    ...field('name', b.name),
    ...field('category', b.category),
    ...field('status', b.status),
    ...field('owner', b.owner),
    ...field('hypothesis', b.hypothesis),
    ...field('test', b.test),
    ...field('success_criteria', b.success_criteria),
    ...field('kill_condition', b.kill_condition),
    ...field('learning_output', b.learning_output),
    ...field('started', b.started),
    ...field('review_by', b.review_by),
    ...field('result', b.result),
  ];
  return file(lines, b.name);
}

export interface NewSegment {
  name: string;
  icp?: string;
  pain_points?: readonly string[];
  key_message?: string;
}

export function segmentFile(s: NewSegment): string {
  const lines = [...field('name', s.name), ...field('icp', s.icp)];
  const pains = (s.pain_points ?? []).filter((p) => p.trim() !== '');
  if (pains.length > 0) {
    lines.push('pain_points:');
    for (const p of pains) lines.push(`  - ${yamlScalar(p)}`);
  }
  lines.push(...field('key_message', s.key_message));
  return file(lines, s.name);
}

export interface NewJourney {
  name: string;
  segment?: string;
  persona?: string;
  stages: readonly string[];
}

export const JOURNEY_LISTS = ['customer_activities', 'internal_activities', 'stakeholders', 'deliverables'] as const;

export function journeyFile(j: NewJourney): string {
  const lines = [...field('name', j.name), ...field('segment', j.segment), ...field('persona', j.persona)];
  if (j.stages.length > 0) {
    lines.push('stages:');
    for (const stage of j.stages) {
      lines.push(`  ${yamlScalar(stage)}:`);
      for (const list of JOURNEY_LISTS) lines.push(`    ${list}: []`);
    }
  }
  return file(lines, j.name);
}

/**
 * The 90-day plan: `plan.md` (method.md §7), optional. Frontmatter `{ name, started }`; the body
 * has three sections whose headings start with `Days 1-30`, `Days 31-60` and `Days 61-90`, each
 * with a markdown task list. A phase ends `started` + 30, 60 or 90 days: on that day it is still
 * on time, from the day after it is overdue while it has open tasks.
 */
import * as z from 'zod';
import { dayNumber, formatDay } from '../dates.js';
import type { Finding } from '../problem.js';
import { dateField, nonEmptyText, says } from '../schemas.js';
import { markdownKind } from './kind.js';

export const planSchema = z.object({ name: nonEmptyText(), started: dateField }, says('must be a YAML map with name and started'));
export type Plan = z.infer<typeof planSchema>;

export const PHASES = [
  { label: 'Days 1-30', from: 1, to: 30 },
  { label: 'Days 31-60', from: 31, to: 60 },
  { label: 'Days 61-90', from: 61, to: 90 },
] as const;

export interface PlanTask {
  text: string;
  done: boolean;
  /** 1-based line in the file. */
  line: number;
}

export interface PlanPhase {
  label: string;
  /** The heading as written, without the `#`s; null when the body has no such section. */
  heading: string | null;
  /** 1-based line of the heading in the file. */
  line: number | null;
  tasks: PlanTask[];
}

// "Days 1-30", also with an en dash or spaces around it: people type both.
const HEADING_RE = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const TASK_RE = /^\s*[-*+]\s+\[([ xX])\]\s+(.*)$/;
const phaseOf = (heading: string) => PHASES.findIndex((p) => new RegExp(`^days\\s*${p.from}\\s*[-–—]\\s*${p.to}\\b`, 'i').test(heading.trim()));

/** The three phases with their tasks, read off the body (`bodyLine` is the body's first line in the file). */
export function planPhases(body: string, bodyLine: number): PlanPhase[] {
  const phases: PlanPhase[] = PHASES.map((p) => ({ label: p.label, heading: null, line: null, tasks: [] }));
  let current = -1;
  let fence: string | null = null;
  body.split(/\r?\n/).forEach((raw, i) => {
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (fenceMatch) {
      const mark = fenceMatch[1] as string;
      if (fence === null) fence = mark[0] as string;
      else if (mark[0] === fence) fence = null;
      return;
    }
    if (fence !== null) return;
    const h = HEADING_RE.exec(raw);
    if (h) {
      const k = phaseOf(h[2] as string);
      current = k;
      if (k >= 0 && (phases[k] as PlanPhase).heading === null) Object.assign(phases[k] as PlanPhase, { heading: h[2], line: bodyLine + i });
      return;
    }
    const t = TASK_RE.exec(raw);
    if (t && current >= 0) (phases[current] as PlanPhase).tasks.push({ text: (t[2] as string).trim(), done: t[1] !== ' ', line: bodyLine + i });
  });
  return phases;
}

/** The last day of phase `index` (0..2): `started` + 30, 60 or 90 days. */
export function phaseEnd(started: string, index: number): number | undefined {
  const start = dayNumber(started);
  return start === undefined ? undefined : start + PHASES[index]!.to;
}

export function planRules(plan: Plan, body: string, bodyLine: number, asOfDay: number): Finding[] {
  const out: Finding[] = [];
  planPhases(body, bodyLine).forEach((phase, i) => {
    const end = phaseEnd(plan.started, i);
    const open = phase.tasks.filter((t) => !t.done).length;
    if (end === undefined || asOfDay <= end || open === 0) return;
    const where = phase.line !== null ? { line: phase.line, column: 1 } : { path: ['started'] };
    out.push({
      rule: 'plan-phase-overdue',
      ...where,
      message: `${phase.label} ended on ${formatDay(end)} with ${open} of ${phase.tasks.length} task${phase.tasks.length === 1 ? '' : 's'} open: finish them, or move them to a later phase`,
    });
  });
  return out;
}

export const planKind = markdownKind<'plan', Plan, 'plan'>({
  kind: 'plan',
  singular: 'plan',
  glob: 'plan.md',
  description: 'Frontmatter of plan.md, the 90-day plan.',
  schema: planSchema,
  title: 'abx 90-day plan',
  rules: (plan, ctx) => planRules(plan, ctx.body, ctx.bodyLine, ctx.asOfDay),
});

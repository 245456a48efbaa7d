/**
 * The 90-day plan report (method.md §7): per phase, tasks done of total and whether the phase is
 * past its end with open tasks. Day 1 is `started`; a phase ends `started` + 30, 60 or 90 days.
 */
import type { Analysis } from '../analyze.js';
import { dayNumber, formatDay } from '../dates.js';
import { PHASES, planPhases } from '../kinds/plan.js';

/** done: every task ticked; overdue: past its end with open tasks; current: the as-of date falls in it; ended: past its end with no tasks; missing: no such section. */
export type PhaseStatus = 'done' | 'overdue' | 'current' | 'upcoming' | 'ended' | 'missing';

export interface PhaseRow {
  label: string;
  heading: string | null;
  starts: string;
  ends: string;
  done: number;
  total: number;
  status: PhaseStatus;
  tasks: { text: string; done: boolean }[];
}

export interface PlanReport {
  /** Null when the workspace has no readable plan.md. */
  plan: null | { file: string; name: string; started: string; day: number; done: number; total: number; phases: PhaseRow[] };
}

export function planReport(analysis: Analysis): PlanReport {
  const entry = [...analysis.plan.values()][0];
  if (!entry) return { plan: null };
  const start = dayNumber(entry.data.started) as number;
  const phases = planPhases(entry.body, entry.bodyLine).map((p, i): PhaseRow => {
    const def = PHASES[i]!;
    const first = start + def.from - 1;
    const end = start + def.to;
    const done = p.tasks.filter((t) => t.done).length;
    const total = p.tasks.length;
    let status: PhaseStatus;
    if (p.heading === null) status = 'missing';
    else if (total > 0 && done === total) status = 'done';
    else if (analysis.asOfDay > end) status = total === 0 ? 'ended' : 'overdue';
    else if (analysis.asOfDay >= first) status = 'current';
    else status = 'upcoming';
    return { label: def.label, heading: p.heading, starts: formatDay(first), ends: formatDay(end), done, total, status, tasks: p.tasks.map((t) => ({ text: t.text, done: t.done })) };
  });
  return {
    plan: {
      file: entry.file,
      name: entry.data.name,
      started: entry.data.started,
      day: analysis.asOfDay - start + 1,
      done: phases.reduce((s, p) => s + p.done, 0),
      total: phases.reduce((s, p) => s + p.total, 0),
      phases,
    },
  };
}

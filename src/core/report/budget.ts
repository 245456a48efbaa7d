/** Budget allocation by company stage (scoring.md §8). */
import type { Config } from '../config.js';

export interface BudgetShare {
  area: string;
  percent: number;
}

export interface BudgetGuidance {
  stage: Config['stage'];
  /** The stage in the methodology's words, e.g. "scaling (1→10)". */
  label: string;
  primary: BudgetShare;
  secondary: BudgetShare;
  /** What the guide leaves to the team's judgement. */
  remainingPercent: number;
}

const BUDGET: Record<Config['stage'], Omit<BudgetGuidance, 'stage' | 'remainingPercent'>> = {
  early: { label: 'early (0→1)', primary: { area: 'branding & positioning', percent: 40 }, secondary: { area: 'sales enablement', percent: 35 } },
  scaling: { label: 'scaling (1→10)', primary: { area: 'demand generation', percent: 40 }, secondary: { area: 'sales enablement', percent: 30 } },
  leader: { label: 'leader', primary: { area: 'demand generation', percent: 45 }, secondary: { area: 'customer marketing', percent: 25 } },
};

export function budgetGuidance(stage: Config['stage']): BudgetGuidance {
  const b = BUDGET[stage];
  return { stage, label: b.label, primary: { ...b.primary }, secondary: { ...b.secondary }, remainingPercent: 100 - b.primary.percent - b.secondary.percent };
}

import type { ProblemReport } from './problems.js';

export function renderJunit(_report: ProblemReport): string {
  throw new Error('the junit format is not available yet');
}

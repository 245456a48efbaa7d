import type { ProblemReport } from './problems.js';

export function renderSarif(_report: ProblemReport): string {
  throw new Error('the sarif format is not available yet');
}

import type { ProblemReport } from './problems.js';

export function renderGithub(_report: ProblemReport): string {
  throw new Error('the github format is not available yet');
}

/** `abx validate --format json`: exactly the shape in cli.md. */
import { countBySeverity, type Problem } from '../../core/problem.js';
import type { ProblemReport, Renderer } from '../views.js';

export function renderValidateJson(problems: readonly Problem[], files: number): string {
  const { errors, warnings } = countBySeverity(problems);
  const shape = {
    files,
    errors,
    warnings,
    problems: problems.map((p) => ({ file: p.file, line: p.line, column: p.column, severity: p.severity, rule: p.rule, message: p.message })),
  };
  return `${JSON.stringify(shape, null, 2)}\n`;
}

export const render: Renderer<ProblemReport> = (r) => renderValidateJson(r.problems, r.files.length);

/**
 * `abx validate --format github`: one GitHub Actions workflow command per problem, so each shows
 * as an annotation on the pull request's files, then a plain summary of every problem (GitHub
 * shows only about 10 errors and 10 warnings per step).
 *
 * Messages come from files in the pull request; they are escaped by ./escape/github.ts. The summary is wrapped in `::stop-commands::` with a token derived from its
 * own text, which that text therefore cannot contain: nothing in it is run as a command.
 */
import { createHash } from 'node:crypto';
import { countBySeverity, type Problem } from '../../core/problem.js';
import { plural } from '../../core/words.js';
import { escapeData, escapeProperty, logLine } from '../escape/github.js';
import type { ProblemReport, Renderer } from '../views.js';

export function annotation(p: Problem): string {
  const props: [string, string | number | undefined][] = [
    ['file', p.file],
    ['line', p.line],
    ['col', p.column],
    ['endLine', p.endLine],
    ['endColumn', p.endColumn],
    ['title', `abx(${p.rule})`],
  ];
  const list = props.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${p.severity === 'error' ? 'error' : 'warning'} ${list.join(',')}::${escapeData(p.message)}`;
}

export function renderGithub(report: ProblemReport): string {
  const lines = report.problems.map(annotation);
  const { errors, warnings } = countBySeverity(report.problems);
  const files = report.files.length;
  const summary =
    report.problems.length === 0
      ? [`abx: no problems in ${plural(files, 'file')}`]
      : [
          `abx: ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')}`,
          ...report.problems.map((p) => `  ${logLine(p.file)}:${p.line}:${p.column}  ${p.severity}  ${logLine(p.message)}  (${p.rule})`),
        ];
  const token = `abx-${createHash('sha256').update(summary.join('\n')).digest('hex').slice(0, 32)}`;
  lines.push(`::stop-commands::${token}`, ...summary, `::${token}::`);
  return `${lines.join('\n')}\n`;
}

export const render: Renderer<ProblemReport> = renderGithub;

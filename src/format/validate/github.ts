/**
 * `abx validate --format github`: one GitHub Actions workflow command per problem, so each shows
 * as an annotation on the pull request's files, then a plain summary of every problem (GitHub
 * shows only about 10 errors and 10 warnings per step).
 *
 * Messages come from files in the pull request. Escaping follows the runner's rules (`%`, CR and
 * LF in the message; also `:` and `,` in properties), so a message cannot end the command or
 * start a new one. The summary is wrapped in `::stop-commands::` with a token derived from its
 * own text, which that text therefore cannot contain: nothing in it is run as a command.
 */
import { createHash } from 'node:crypto';
import { countBySeverity, type Problem } from '../../core/problem.js';
import { plural } from '../../core/words.js';
import type { ProblemReport, Renderer } from '../views.js';

// eslint-disable-next-line no-control-regex
const OTHER_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Escaping for a command's message (the runner's `escapeData`). */
export function escapeData(value: string): string {
  return value.replace(OTHER_CONTROLS, '?').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for a command's properties (the runner's `escapeProperty`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

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

const oneLine = (value: string) => value.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ').replace(OTHER_CONTROLS, '?');

export function renderGithub(report: ProblemReport): string {
  const lines = report.problems.map(annotation);
  const { errors, warnings } = countBySeverity(report.problems);
  const files = report.files.length;
  const summary =
    report.problems.length === 0
      ? [`abx: no problems in ${plural(files, 'file')}`]
      : [
          `abx: ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')}`,
          ...report.problems.map((p) => `  ${oneLine(p.file)}:${p.line}:${p.column}  ${p.severity}  ${oneLine(p.message)}  (${p.rule})`),
        ];
  const token = `abx-${createHash('sha256').update(summary.join('\n')).digest('hex').slice(0, 32)}`;
  lines.push(`::stop-commands::${token}`, ...summary, `::${token}::`);
  return `${lines.join('\n')}\n`;
}

export const render: Renderer<ProblemReport> = renderGithub;

/** The default terminal format: problems grouped by file, `line:col`, severity, message, rule id, and a summary. */
import type { ChalkInstance } from 'chalk';
import { countBySeverity, type Problem } from '../../core/problem.js';
import type { PiecesStyle, ProblemPieces, ProblemReport, Renderer } from '../views.js';
import { terminalText } from '../escape/terminal.js';
import { wrapText } from '../wrap.js';

export interface StylishOptions {
  chalk: ChalkInstance;
  quiet: boolean;
  /** Files checked, for the summary line. */
  files: number;
  /** The terminal's width: messages wrap under themselves to fit it. Undefined: one line per problem. */
  width?: number;
}

/** One file's problems: its name, then a line for each (`line:col  severity  message  rule`). */
function fileText(problems: readonly Problem[], options: Pick<StylishOptions, 'chalk' | 'width'>): string {
  const { chalk } = options;
  const file = problems[0]?.file ?? '';
  let out = `${chalk.underline(terminalText(file))}\n`;
  const rows = problems.map((p) => [`${p.line}:${p.column}`, p.severity, terminalText(p.message, 500), p.rule] as const);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const w2 = Math.max(...rows.map((r) => r[2].length));
  const indent = 2 + w0 + 2 + w1 + 2;
  const ruleWidth = Math.max(...rows.map((r) => r[3].length));
  const fits = options.width === undefined || indent + w2 + 2 + ruleWidth <= options.width;
  for (const [pos, severity, message, rule] of rows) {
    const sev = severity === 'error' ? chalk.red(severity.padEnd(w1)) : chalk.yellow(severity.padEnd(w1));
    if (fits) {
      out += `  ${chalk.dim(pos.padEnd(w0))}  ${sev}  ${message.padEnd(w2)}  ${chalk.dim(rule)}\n`;
      continue;
    }
    // Too wide for the terminal: the message wraps under itself and the rule id ends it.
    const width = options.width ?? 0;
    const hang = indent + 20 <= width ? indent : 4;
    const lines = wrapText(message, width - hang);
    const last = lines.length - 1;
    if ((lines[last] ?? '').length + 2 + rule.length <= width - hang) lines[last] = `${lines[last] ?? ''}  ${chalk.dim(rule)}`;
    else lines.push(chalk.dim(rule));
    const first = hang === indent ? `  ${chalk.dim(pos.padEnd(w0))}  ${sev}  ` : `  ${chalk.dim(pos)}  ${sev}\n${' '.repeat(hang)}`;
    const body = lines.join(`\n${' '.repeat(hang)}`);
    out += `${first}${body}\n`;
  }
  return `${out}\n`;
}

/** The last line: the problems counted, or that there are none. */
function summary({ errors, warnings }: { errors: number; warnings: number }, options: StylishOptions): string {
  const { chalk } = options;
  const total = errors + warnings;
  if (total > 0) {
    let line = `✖ ${total} ${total === 1 ? 'problem' : 'problems'} (${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}) in ${options.files} ${options.files === 1 ? 'file' : 'files'}`;
    if (options.width !== undefined) line = wrapText(line, options.width).join('\n');
    return `${errors > 0 ? chalk.red.bold(line) : chalk.yellow.bold(line)}\n`;
  }
  return options.quiet ? '' : `${chalk.green('✔')} ${options.files} ${options.files === 1 ? 'file' : 'files'} checked: no problems\n`;
}

/** Problems grouped by file, in order of each file's first problem. */
export function renderStylish(problems: readonly Problem[], options: StylishOptions): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  let out = '';
  for (const list of byFile.values()) out += fileText(list, options);
  return out + summary(countBySeverity(problems), options);
}

/** For `validate`: every problem of a file must come in one piece (they are one group). */
export const pieces = (style: PiecesStyle): ProblemPieces => ({
  file: (problems) => fileText(problems, style),
  between: '',
  grouped: true,
  frame: (counts, files) => ['', summary(counts, { chalk: style.chalk, quiet: style.quiet, files: files.length, width: style.width })],
});

export const render: Renderer<ProblemReport> = (r) => renderStylish(r.problems, { chalk: r.chalk, quiet: r.quiet, files: r.files.length, width: r.width });

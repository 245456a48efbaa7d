/** The default terminal format: problems grouped by file, `line:col`, severity, message, rule id, and a summary. */
import type { ChalkInstance } from 'chalk';
import { countBySeverity, type Problem } from '../../core/problem.js';
import type { ProblemReport, Renderer } from '../views.js';
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

export function renderStylish(problems: readonly Problem[], options: StylishOptions): string {
  const { chalk } = options;
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) {
    const list = byFile.get(p.file) ?? [];
    list.push(p);
    byFile.set(p.file, list);
  }
  let out = '';
  for (const [file, list] of byFile) {
    out += `${chalk.underline(terminalText(file))}\n`;
    const rows = list.map((p) => [`${p.line}:${p.column}`, p.severity, terminalText(p.message, 500), p.rule] as const);
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
    out += '\n';
  }
  const { errors, warnings } = countBySeverity(problems);
  if (problems.length > 0) {
    const total = errors + warnings;
    let line = `✖ ${total} ${total === 1 ? 'problem' : 'problems'} (${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}) in ${options.files} ${options.files === 1 ? 'file' : 'files'}`;
    if (options.width !== undefined) line = wrapText(line, options.width).join('\n');
    out += `${errors > 0 ? chalk.red.bold(line) : chalk.yellow.bold(line)}\n`;
  } else if (!options.quiet) {
    out += `${chalk.green('✔')} ${options.files} ${options.files === 1 ? 'file' : 'files'} checked: no problems\n`;
  }
  return out;
}

export const render: Renderer<ProblemReport> = (r) => renderStylish(r.problems, { chalk: r.chalk, quiet: r.quiet, files: r.files.length, width: r.width });

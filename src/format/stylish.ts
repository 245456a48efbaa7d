/** The default terminal format: problems grouped by file, `line:col`, severity, message, rule id, and a summary. */
import type { ChalkInstance } from 'chalk';
import { countBySeverity, type Problem } from '../core/problem.js';
import { terminalText } from './escape/terminal.js';

export interface StylishOptions {
  chalk: ChalkInstance;
  quiet: boolean;
  /** Files checked, for the summary line. */
  files: number;
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
    for (const [pos, severity, message, rule] of rows) {
      const sev = severity === 'error' ? chalk.red(severity.padEnd(w1)) : chalk.yellow(severity.padEnd(w1));
      out += `  ${chalk.dim(pos.padEnd(w0))}  ${sev}  ${message.padEnd(w2)}  ${chalk.dim(rule)}\n`;
    }
    out += '\n';
  }
  const { errors, warnings } = countBySeverity(problems);
  if (problems.length > 0) {
    const total = errors + warnings;
    const line = `✖ ${total} ${total === 1 ? 'problem' : 'problems'} (${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}) in ${options.files} ${options.files === 1 ? 'file' : 'files'}`;
    out += `${errors > 0 ? chalk.red.bold(line) : chalk.yellow.bold(line)}\n`;
  } else if (!options.quiet) {
    out += `${chalk.green('✔')} ${options.files} ${options.files === 1 ? 'file' : 'files'} checked: no problems\n`;
  }
  return out;
}

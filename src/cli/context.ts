/** What every command gets: global options, output streams and colour, and the errors that map to exit codes. */
import type { ChalkInstance } from 'chalk';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;

export interface Output {
  write(text: string): void;
}

export interface Context {
  cwd: string;
  /** The `--as-of` date, when given. */
  asOf: string | undefined;
  /** Today in local time, `YYYY-MM-DD`: the as-of date when nothing else names one. */
  today: string;
  quiet: boolean;
  color: boolean;
  stdout: Output;
  stderr: Output;
  /** Whether stdin and stdout are terminals: the only case in which abx prompts. */
  interactive: boolean;
  chalk: ChalkInstance;
  env: NodeJS.ProcessEnv;
  /** Columns of the terminal standard output goes to; undefined through a pipe or into a file (nothing is cut). */
  width?: number;
}

export { UsageError } from '../core/errors.js';

export function localToday(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

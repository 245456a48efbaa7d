/**
 * A tool runs the same command module the command line runs, with a context whose output is
 * captured instead of printed: `validate`, `score`, `report` and `diff` answer with exactly the
 * JSON `abx <command> --format json` prints, by construction, and share its checks and messages.
 */
import { plainChalk } from '../cli/colour.js';
import { localToday, type Context } from '../cli/context.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export type CommandRun = (ctx: Context, args: string[], options: Record<string, unknown>) => Promise<number>;

export interface ServerSetting {
  /** The workspace root the server was started in. */
  root: string;
  /** The global `--as-of`, when given. */
  asOf: string | undefined;
  env: NodeJS.ProcessEnv;
  readOnly: boolean;
}

/** A context for one tool call: the workspace root as the current folder, no colour, no prompts. */
export function toolContext(setting: ServerSetting, out: string[], err: string[]): Context {
  return {
    cwd: setting.root,
    asOf: setting.asOf,
    // The server may run for days: today is today at each call.
    today: localToday(),
    quiet: true,
    color: false,
    stdout: { write: (t) => void out.push(t) },
    stderr: { write: (t) => void err.push(t) },
    interactive: false,
    chalk: plainChalk,
    env: setting.env,
  };
}

export async function capture(setting: ServerSetting, run: CommandRun, args: string[], options: Record<string, unknown>): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(toolContext(setting, out, err), args, options);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

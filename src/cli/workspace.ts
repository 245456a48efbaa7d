/** Loading the workspace for a command, with the as-of date the global options name. */
import { loadWorkspace, type LoadOptions, type Workspace } from '../workspace/load.js';
import type { Context } from './context.js';

export function openWorkspace(ctx: Context, options: Pick<LoadOptions, 'lean' | 'keep' | 'keepScores' | 'warnings' | 'onProblems' | 'onFile'> = {}): Promise<Workspace> {
  return loadWorkspace({ cwd: ctx.cwd, asOf: ctx.asOf, today: ctx.today, ...options });
}

/** Problems of the workspace, the config's warnings included. */
export function allProblems(ws: Workspace) {
  return [...ws.configProblems, ...ws.analysis.problems];
}

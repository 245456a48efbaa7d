import type { Context } from '../cli/context.js';
import { GitError } from './git.js';
import type { Workspace } from './load.js';

export async function loadWorkspaceAt(_ctx: Context, rev: string): Promise<Workspace> {
  throw new GitError(`scoring at a revision (${rev}) is not available yet`);
}

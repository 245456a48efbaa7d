/** Git, through the git binary: the only way abx touches history. */
import { spawnSync } from 'node:child_process';

export class GitError extends Error {}

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** False when git itself is not installed. */
  available: boolean;
}

export function git(cwd: string, args: readonly string[], input?: string): GitResult {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', input, maxBuffer: 512 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    return { ok: false, stdout: '', stderr: String(r.error.message), available: code !== 'ENOENT' };
  }
  return { ok: r.status === 0, stdout: r.stdout, stderr: r.stderr, available: true };
}

export function isInsideRepository(dir: string): boolean {
  const r = git(dir, ['rev-parse', '--is-inside-work-tree']);
  return r.ok && r.stdout.trim() === 'true';
}

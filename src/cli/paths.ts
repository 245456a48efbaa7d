/** Turning path arguments (relative to where abx runs) into workspace paths. */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { UsageError } from './context.js';
import { isInsideRepository, prefixInRepository } from '../workspace/git.js';

export interface PathFilter {
  (file: string): boolean;
}

export function pathFilter(cwd: string, root: string, args: readonly string[]): PathFilter | undefined {
  if (args.length === 0) return undefined;
  const files = new Set<string>();
  const dirs: string[] = [];
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    if (!existsSync(abs)) throw new UsageError(`no such file or folder: ${arg}`);
    const rel = relative(root, abs).split(sep).join('/');
    if (rel.startsWith('..')) throw new UsageError(`${arg} is outside the workspace (${root})`);
    if (statSync(abs).isDirectory()) dirs.push(rel === '' ? '' : `${rel}/`);
    else files.add(rel);
  }
  return (file) => files.has(file) || dirs.some((d) => file.startsWith(d));
}

/**
 * What to put before workspace paths in output a CI matches against the repository (github
 * annotations, SARIF, JUnit): `--path-prefix` when given, else the workspace folder inside its git
 * repository (`gtm/strategy/`), else nothing. Always '' or ends with `/`.
 */
export function repositoryPathPrefix(root: string, option: unknown): string {
  if (typeof option === 'string') {
    const clean = option.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
    if (clean.split('/').some((s) => s === '..') || clean.startsWith('/')) throw new UsageError(`--path-prefix must be a folder inside the repository, not "${option}"`);
    return clean === '' || clean === '.' ? '' : `${clean}/`;
  }
  return isInsideRepository(root) ? prefixInRepository(root) : '';
}

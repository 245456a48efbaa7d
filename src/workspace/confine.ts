/**
 * The config's paths, checked where the files are: a kind glob's folder or a schema file that a
 * link carries outside the workspace is refused before anything below it is read. The text of
 * each path (no `..`, nothing absolute) was checked with the config (src/core/config.ts).
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_PATHS, type Config } from '../core/config.js';
import type { Finding } from '../core/problem.js';
import { KINDS } from '../core/kinds/index.js';
import { inGitFolder, isInside } from './files.js';
import { globBase } from './glob.js';

/**
 * A `schema` finding at each `paths.<kind>` or `schemas.<kind>` the config sets that resolves
 * outside `root`. A kind folder left at its default is the walk's to check (src/workspace/files.ts).
 */
export function confineConfigPaths(root: string, realRoot: string, config: Config): Finding[] {
  const findings: Finding[] = [];
  for (const kind of KINDS) {
    if (config.paths[kind] !== DEFAULT_PATHS[kind]) {
      const base = globBase(config.paths[kind]);
      const where = base === '' ? undefined : linkOutside(root, realRoot, base);
      if (where) findings.push({ rule: 'schema', path: ['paths', kind], message: `paths.${kind}: the folder "${base}" ${where}` });
    }
    const schema = config.schemas[kind];
    if (schema !== undefined) {
      const where = linkOutside(root, realRoot, schema);
      if (where) findings.push({ rule: 'schema', path: ['schemas', kind], message: `schemas.${kind}: "${schema}" ${where}` });
    }
  }
  return findings;
}

/**
 * How `rel` (inside `root` by its text) leaves the workspace, or reaches into .git, through a
 * link, or undefined when it does not. The deepest part that exists is resolved: links anywhere on the way are followed.
 */
function linkOutside(root: string, realRoot: string, rel: string): string | undefined {
  let path = join(root, rel);
  while (!existsSync(path) && path !== root) path = dirname(path);
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return undefined;
  }
  if (!isInside(realRoot, real)) return 'is reached through a symbolic link that leads outside the workspace: abx reads nothing outside the folder of abx.config.yaml';
  if (inGitFolder(realRoot, real)) return "is reached through a symbolic link into .git: abx never reads git's own files (they can hold credentials)";
  return undefined;
}

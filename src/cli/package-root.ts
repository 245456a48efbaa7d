import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder abx is installed in (package.json and templates/), wherever the running code sits in it. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the abx package folder (package.json and templates/)');
    dir = up;
  }
}

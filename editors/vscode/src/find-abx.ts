/** Which abx to run: kept apart from the editor API so it can be tested without VS Code. */
import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The `abx.path` setting when it names one (the user chose); else the workspace's own abx, so the
 * server matches the version the repo's CI runs; else the first abx on the PATH.
 */
export function findAbx(folder: string | undefined, setting: string, pathVariable: string | undefined, platform: NodeJS.Platform = process.platform): string | undefined {
  if (setting.trim() !== '') return setting.trim();
  const names = platform === 'win32' ? ['abx.cmd', 'abx.exe', 'abx'] : ['abx'];
  const dirs = [...(folder ? [join(folder, 'node_modules', '.bin')] : []), ...(pathVariable ?? '').split(delimiter).filter(Boolean)];
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

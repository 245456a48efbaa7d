/**
 * Start-up: what `abx validate` loads before it reads a file. The built bundle's static import
 * graph is walked from the entry, through the command's and the default renderer's chunks: the
 * libraries only some files or commands need (the `yaml` package, the table library, chalk,
 * zod's translations, Node's child_process and crypto) must stay behind a lazy import. Times are measured by `npm run bench`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';

const DIST = join(REPO, 'dist');

/** The files a module loads before it runs: itself and its static imports, transitively. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^;'"]*?(?:from\s*)?["'](\.{1,2}\/[^"']+)["']/gm)) visit(resolve(dirname(file), m[1] as string));
  };
  visit(entry);
  return seen;
}

/** The chunk a lazy `import()` in `file` names, by the start of its file name (`validate-`). */
function lazyChunk(file: string, prefix: string): string {
  const names = [...readFileSync(file, 'utf8').matchAll(/import\(["']([^"']+)["']\)/g)].map((m) => m[1] as string).filter((n) => n.split('/').pop()?.startsWith(prefix));
  expect(names).toHaveLength(1);
  return resolve(dirname(file), names[0] as string);
}

describe('abx validate at start-up', () => {
  const main = join(DIST, 'cli', 'main.js');
  const command = lazyChunk(main, 'validate-');
  const formats = readdirSync(join(DIST, 'chunks')).map((f) => join(DIST, 'chunks', f)).find((f) => /stylish: \(\) => import\(/.test(readFileSync(f, 'utf8')));
  const stylish = lazyChunk(formats as string, 'stylish-');
  const loaded = new Set([...staticClosure(main), ...staticClosure(command), ...staticClosure(stylish)]);
  const text = [...loaded].map((f) => readFileSync(f, 'utf8')).join('\n');

  it('walks a graph of real chunks', () => {
    expect(loaded.size).toBeGreaterThan(5);
    expect(text).toContain('// src/core/analyze.ts');
    expect(text).toContain('// src/format/validate/stylish.ts');
  });

  it('does not load the yaml package (js-yaml reads plain files)', () => {
    expect(text).not.toMatch(/from\s*["']yaml["']/);
  });

  it('does not load the table library or chalk', () => {
    expect(text).not.toMatch(/^\/\/ \S*node_modules\/cli-table3\//m);
    expect(text).not.toMatch(/^\/\/ \S*node_modules\/chalk\//m);
  });

  it("loads zod's English messages only, not its other translations", () => {
    expect(text).toMatch(/^\/\/ \S*node_modules\/zod\/v4\/locales\/en\.js/m);
    expect(text).not.toMatch(/^\/\/ \S*node_modules\/zod\/v4\/locales\/fr\.js/m);
  });

  it('does not load child_process or crypto (git and temporary names fetch them when used)', () => {
    expect(text).toContain('// node_modules/commander/lib/command.js');
    expect(text).not.toMatch(/from\s*["']node:(?:child_process|crypto)["']|require\(["'](?:node:)?(?:child_process|crypto)["']\)/);
  });
});

/**
 * The floor: the least any tool must do to check these files — find every markdown and YAML file
 * of the workspace, read it and parse its frontmatter with js-yaml. No validation, no scoring.
 *
 *   node bench/floor.mjs <workspace>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** Parses one file's frontmatter (a whole .yaml file); counts go into `totals`. */
export function parseFile(name, text, totals) {
  totals.files++;
  const data = yaml.load(name.endsWith('.md') ? (text.split(/^---\r?$/m)[1] ?? '') : text);
  if (data && typeof data === 'object') totals.keys += Object.keys(data).length;
}

/** Reads and parses every .md and .yaml file below `dir` (git's own folder left out). */
export function readWorkspace(dir, totals = { files: 0, keys: 0 }) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git') readWorkspace(path, totals);
    } else if (entry.name.endsWith('.md') || entry.name.endsWith('.yaml')) parseFile(entry.name, readFileSync(path, 'utf8'), totals);
  }
  return totals;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, keys } = readWorkspace(process.argv[2] ?? '.');
  console.log(`${files} files, ${keys} top-level keys`);
}

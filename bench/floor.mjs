/**
 * The floor: the least any tool must do to check these files — find every markdown and YAML file
 * of the workspace, read it and parse its frontmatter with js-yaml. No validation, no scoring.
 *
 *   node bench/floor.mjs <workspace>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

const root = process.argv[2] ?? '.';
let files = 0;
let keys = 0;

function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.md')) parse(readFileSync(path, 'utf8').split(/^---\r?$/m)[1] ?? '');
    else if (entry.name.endsWith('.yaml')) parse(readFileSync(path, 'utf8'));
  }
}

function parse(text) {
  files++;
  const data = yaml.load(text);
  if (data && typeof data === 'object') keys += Object.keys(data).length;
}

walk(root);
console.log(`${files} files, ${keys} top-level keys`);

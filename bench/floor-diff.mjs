/**
 * The floor of `abx diff <base>` against the working tree: the least any tool must do to compare
 * the scores of two revisions of a workspace in git — read and parse every file of the working
 * tree (as bench/floor.mjs does), ask git which files differ from the base revision, and read and
 * parse the base revision's version of those files (`git cat-file --batch`). A file whose blob is
 * the same at both revisions needs no second read: with the config and segments unchanged, its
 * score cannot differ. No validation, no scoring.
 *
 *   node bench/floor-diff.mjs <workspace> [base]
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

const root = process.argv[2] ?? '.';
const base = process.argv[3] ?? 'HEAD';
let files = 0;
let keys = 0;

function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git') walk(path);
    } else if (entry.name.endsWith('.md') || entry.name.endsWith('.yaml')) parse(entry.name, readFileSync(path, 'utf8'));
  }
}

function parse(name, text) {
  files++;
  const data = yaml.load(name.endsWith('.md') ? (text.split(/^---\r?$/m)[1] ?? '') : text);
  if (data && typeof data === 'object') keys += Object.keys(data).length;
}

walk(root);
const changed = execFileSync('git', ['diff', '--name-only', '-z', base, '--', '*.md', '*.yaml'], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  .split('\0')
  .filter(Boolean);
if (changed.length > 0) {
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: root, input: changed.map((p) => `${base}:${p}\n`).join(''), maxBuffer: 256 * 1024 * 1024 });
  let at = 0;
  for (const path of changed) {
    const eol = out.indexOf(10, at);
    const [, type, size] = out.subarray(at, eol).toString('latin1').split(' ');
    at = eol + 1;
    if (type !== 'blob') continue; // a file new in the working tree: "<path> missing"
    parse(path, out.subarray(at, at + Number(size)).toString('utf8'));
    at += Number(size) + 1;
  }
}
console.log(`${files} files, ${changed.length} changed since ${base}, ${keys} top-level keys`);

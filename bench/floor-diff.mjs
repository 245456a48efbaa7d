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
import { parseFile, readWorkspace } from './floor.mjs';

const root = process.argv[2] ?? '.';
const base = process.argv[3] ?? 'HEAD';
const totals = readWorkspace(root);
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
    parseFile(path, out.subarray(at, at + Number(size)).toString('utf8'), totals);
    at += Number(size) + 1;
  }
}
console.log(`${totals.files} files, ${changed.length} changed since ${base}, ${totals.keys} top-level keys`);

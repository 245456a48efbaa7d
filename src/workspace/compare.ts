/**
 * What `abx diff` and `abx history` ask git beyond reading a revision: whether the clone is
 * shallow, whether the base is an ancestor of the head, which files git sees renamed, and the
 * text of abx.config.yaml at a revision. Read-only, like everything that touches git.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileId } from '../core/analyze.js';
import type { Unscorable } from '../core/diff.js';
import { git, listTree, readBlobBatches, type TreeEntry } from './git.js';
import type { Workspace } from './load.js';
import { CONFIG_FILE } from './root.js';

/** What a shallow clone needs, said wherever history runs out. */
export const SHALLOW_HINT = 'this is a shallow clone: fetch the whole history (actions/checkout with fetch-depth: 0, or git fetch --unshallow)';

/** True in a shallow clone (actions/checkout without fetch-depth: 0): history stops early. */
export function isShallow(cwd: string): boolean {
  const r = git(cwd, ['rev-parse', '--is-shallow-repository']);
  return r.ok && r.stdout.trim() === 'true';
}

/** True when `ancestor` is reachable from `commit`. */
export function isAncestor(cwd: string, ancestor: string, commit: string): boolean {
  return git(cwd, ['merge-base', '--is-ancestor', ancestor, commit]).ok;
}

/**
 * Files renamed between `base` and `head` (the working tree when null), by git's rename
 * detection, as paths relative to `cwd` (only files below it): old path → new path.
 */
export function renamedFiles(cwd: string, base: string, head: string | null): Map<string, string> {
  const args = ['diff', '--no-ext-diff', '--no-textconv', '--no-color', '-M', '--name-status', '-z', '--relative', base, ...(head ? [head] : []), '--', '.'];
  const r = git(cwd, args);
  const renames = new Map<string, string>();
  if (!r.ok) return renames;
  const parts = r.stdout.split('\0');
  for (let i = 0; i < parts.length; ) {
    const status = parts[i] ?? '';
    if (status.startsWith('R') || status.startsWith('C')) {
      if (status.startsWith('R')) renames.set(parts[i + 1] ?? '', parts[i + 2] ?? '');
      i += 3;
    } else i += status === '' ? 1 : 2;
  }
  return renames;
}

/**
 * abx.config.yaml of the workspace at `commit` (the working tree when null), or undefined when
 * absent or unreadable. `tree`: the commit's files, when the caller has listed them already.
 */
export function configTextAt(root: string, commit: string | null, tree?: readonly TreeEntry[]): string | undefined {
  if (commit === null) {
    try {
      return readFileSync(join(root, CONFIG_FILE), 'utf8');
    } catch {
      return undefined;
    }
  }
  const entry = (tree ?? listTree(root, commit)).find((e) => e.path === CONFIG_FILE && e.type === 'blob' && e.mode !== '120000');
  return entry ? readBlobBatches(root, [entry]).next().value?.get(entry.oid)?.toString('utf8') : undefined;
}

/** Account files that exist but have no score (errors stopped them), by id, with their error count and rule ids. */
export function unscorableAccounts(ws: Workspace): Map<string, Unscorable> {
  const errorsOf = new Map<string, string[]>();
  for (const p of ws.analysis.problems) {
    if (p.severity !== 'error') continue;
    const rules = errorsOf.get(p.file);
    if (rules) rules.push(p.rule);
    else errorsOf.set(p.file, [p.rule]);
  }
  const out = new Map<string, Unscorable>();
  for (const source of ws.sources) {
    if (source.kind !== 'accounts') continue;
    const id = fileId(source.path, 'accounts');
    if (ws.analysis.scores.has(id)) continue;
    const errors = errorsOf.get(source.path);
    if (!errors) continue;
    out.set(id, { path: source.path, errors: errors.length, rules: [...new Set(errors)].sort() });
  }
  return out;
}

/**
 * References between files: an id that names no file of its kind. The kinds say what they
 * reference (`KindDef.references`); the ids come from the file list, read or not.
 */
import type { FileIds, Reference } from '../kinds/kind.js';
import type { Finding } from '../problem.js';
import { didYouMean } from '../suggest.js';

export function referenceFindings(references: readonly Reference[], ids: FileIds): Finding[] {
  const out: Finding[] = [];
  for (const { kind, what, value, path, name } of references) {
    const known = ids.get(kind) ?? new Set<string>();
    if (known.has(value)) continue;
    out.push({ rule: 'unknown-reference', path, message: `${name} "${value}" names no ${what} file${didYouMean(value, known)}` });
  }
  return out;
}

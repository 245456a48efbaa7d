/**
 * Rules that need more than one file: references between files (the kinds say what they
 * reference, `KindDef.references`; the ids come from the file list, read or not), and one
 * company's domain in two account files.
 */
import { normaliseDomain } from '../import/domain.js';
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

/**
 * Two accounts for one company split its engagement, scores and imports (import skips the
 * domain as ambiguous): the second file in path order is told which file has the domain first.
 */
export function duplicateDomainFinding(owners: Map<string, string>, file: string, domain: string | undefined): Finding | undefined {
  const key = normaliseDomain(domain);
  if (key === undefined) return undefined;
  const first = owners.get(key);
  if (first === undefined) {
    owners.set(key, file);
    return undefined;
  }
  if (first === file) return undefined;
  return {
    rule: 'duplicate-domain',
    path: ['domain'],
    message: `the domain ${key} is also the domain of ${first}: one company, one account file (merge the two, or correct the domain)`,
  };
}

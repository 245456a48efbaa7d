/** Rules on an account's fit: one source per component, facts the ICP criteria need, components that count as 0. */
import type { Account } from '../kinds/account.js';
import type { Finding } from '../problem.js';
import type { FitNotes } from '../scoring/account-fit.js';
import { roundTenth } from '../scoring/exact.js';
import type { FitScore } from '../scoring/fit.js';

export function fitFindings(account: Account, fit: FitScore, notes: FitNotes): Finding[] {
  const out: Finding[] = [];
  for (const { component: c, given, computed } of notes.conflicts) {
    out.push({
      rule: 'fit-conflict',
      path: ['fit', c],
      message: `fit.${c} is given (${given}) and can also be computed (${roundTenth(computed)}): keep one source, remove fit.${c} or the facts`,
    });
  }
  for (const m of notes.unknownFacts) {
    out.push({ rule: 'fit-unknown-fact', path: ['firmographics'], message: `firmographics.${m.fact} is missing, so the ${m.fact} criterion (${m.expected}) does not match` });
  }
  for (const m of notes.nearMisses) {
    out.push({ rule: 'fact-near-miss', path: ['firmographics', m.fact], message: `firmographics.${m.fact} "${m.actual}" matches none of the segment's values, so the ${m.fact} criterion does not match (did you mean "${m.guess}"?)` });
  }
  if (notes.stackMissing) {
    out.push({ rule: 'fit-unknown-fact', path: ['technographics'], message: 'technographics.stack is missing, so no technology of the criteria matches' });
  }
  // Facts without a segment: the criteria to compare them with are missing, not the facts. One
  // warning says so, and fit-incomplete keeps to the components it does not explain.
  const hasFacts = Object.keys(account.firmographics ?? {}).length > 0 || Object.keys(account.technographics ?? {}).length > 0;
  const noSegment = !account.segment && hasFacts && fit.missing.some((c) => c === 'firmographic' || c === 'technographic');
  if (noSegment) {
    const parts = fit.missing.filter((c) => c === 'firmographic' || c === 'technographic');
    out.push({
      rule: 'no-segment',
      path: [],
      message: `no segment assigned: the account has facts, but ${parts.join(' and ')} fit ${parts.length === 1 ? 'needs' : 'need'} a segment's criteria to compare them with and ${parts.length === 1 ? 'counts' : 'count'} as 0; add segment: <id> (or abx import --segment <id>)`,
    });
  }
  const missing = noSegment ? fit.missing.filter((c) => c !== 'firmographic' && c !== 'technographic') : fit.missing;
  if (missing.length > 0) {
    const one = missing.length === 1;
    out.push({
      rule: 'fit-incomplete',
      path: account.fit ? ['fit'] : [],
      message: `fit ${one ? 'component' : 'components'} ${missing.join(', ')} ${one ? 'is' : 'are'} neither given nor computable and ${one ? 'counts' : 'count'} as 0`,
    });
  }
  return out;
}

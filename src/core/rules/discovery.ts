/** The four discovery questions a Tier 1 account in an active motion must have answered (method.md §3). */
import type { Account } from '../kinds/account.js';
import type { Finding } from '../problem.js';
import { DISCOVERY_QUESTIONS } from '../schemas.js';
import type { FitScore } from '../scoring/fit.js';
import type { PureScore } from '../scoring/pure.js';

const ACTIVE_MOTIONS: readonly string[] = ['engage', 'accelerate', 'expand'];

export function discoveryFindings(account: Account, fit: FitScore, pure: PureScore | null): Finding[] {
  if (!(fit.tier === 1 || pure?.tier === 1) || !account.motion || !ACTIVE_MOTIONS.includes(account.motion)) return [];
  const out: Finding[] = [];
  const tier = fit.tier === 1 ? 'fit' : 'PURE';
  for (const q of DISCOVERY_QUESTIONS) {
    const answer = account.discovery?.[q];
    if (typeof answer === 'string' && answer.trim() !== '') continue;
    out.push({
      rule: 'discovery-gap',
      path: account.discovery === undefined ? [] : answer === undefined || answer === null ? ['discovery'] : ['discovery', q],
      message: `a ${tier} Tier 1 account in motion ${account.motion} has no answer to discovery.${q}`,
    });
  }
  return out;
}

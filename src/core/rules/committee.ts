/** Rules on the buying committee: multi-threading before a proposal, and who a Tier 1 account must have mapped. */
import type { Account } from '../kinds/account.js';
import type { Finding } from '../problem.js';
import type { Committee } from '../scoring/committee.js';
import type { FitScore } from '../scoring/fit.js';
import type { PureScore } from '../scoring/pure.js';
import { plural } from '../words.js';

export function committeeFindings(account: Account, committee: Committee, minEngaged: number, fit: FitScore, pure: PureScore | null): Finding[] {
  const out: Finding[] = [];
  const { engaged } = committee;
  if (account.motion === 'accelerate' && engaged < minEngaged) {
    out.push({
      rule: 'multithread-before-proposal',
      path: ['motion'],
      message: `multi-threading is mandatory before a proposal: motion is accelerate with ${plural(engaged, 'engaged stakeholder')} (at least ${minEngaged} needed)`,
    });
  }
  // Coverage gate: a Tier 1 account needs a champion and someone who signs.
  if (fit.tier === 1 || pure?.tier === 1) {
    const roles = new Set((account.buying_committee ?? []).map((m) => m.role));
    const lacks: string[] = [];
    if (!roles.has('champion')) lacks.push('champion');
    if (!roles.has('economic-buyer') && !roles.has('decision-maker')) lacks.push('economic buyer or decision maker');
    if (lacks.length > 0) {
      out.push({
        rule: 'tier1-coverage',
        path: account.buying_committee ? ['buying_committee'] : [],
        message: `a ${fit.tier === 1 ? 'fit' : 'PURE'} Tier 1 account has no ${lacks.join(' and no ')} mapped in buying_committee`,
      });
    }
  }
  return out;
}

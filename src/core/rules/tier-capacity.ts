/**
 * The 1:1 / 1:few / 1:many guidance (method.md §8): a programme has room for so many accounts
 * per fit tier. Reported on the config, where the capacities are set.
 */
import type { Finding } from '../problem.js';
import { plural } from '../words.js';

export function tierCapacityFindings(counts: readonly [number, number, number], capacity: readonly [number, number]): Finding[] {
  const out: Finding[] = [];
  const names = ['1 (1:1)', '2 (1:few)'];
  for (const i of [0, 1]) {
    const n = counts[i] as number;
    const cap = capacity[i] as number;
    if (n <= cap) continue;
    out.push({
      rule: 'tier-capacity',
      path: ['scoring', 'fit_tier_capacity'],
      message: `${plural(n, 'account')} ${n === 1 ? 'is' : 'are'} in fit tier ${names[i]}, more than its capacity of ${cap} (scoring.fit_tier_capacity): re-tier accounts or raise the capacity with the team to run them`,
    });
  }
  return out;
}

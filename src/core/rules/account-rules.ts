/** Rules an account scorecard must keep on its own (cross-file and scoring rules live elsewhere). */
import type { Config } from '../config.js';
import { dayOfInstant, instant } from '../dates.js';
import type { Finding } from '../problem.js';
import { PURE_CRITERIA, type Account } from '../schemas.js';
import { didYouMean } from '../suggest.js';

export function accountRules(account: Account, config: Config, asOfDay: number): Finding[] {
  const out: Finding[] = [];

  if (account.pure) {
    for (const c of PURE_CRITERIA) {
      const criterion = account.pure[c];
      if (criterion.score > 0 && (criterion.evidence ?? '').trim() === '') {
        out.push({
          rule: 'pure-evidence',
          path: criterion.evidence === undefined ? ['pure', c] : ['pure', c, 'evidence'],
          message: `pure.${c} scores ${criterion.score} but has no evidence: say what you saw that justifies it`,
        });
      }
    }
  }

  const types = Object.keys(config.engagement.points);
  account.engagement?.forEach((activity, i) => {
    if (!Object.prototype.hasOwnProperty.call(config.engagement.points, activity.type)) {
      out.push({
        rule: 'unknown-activity-type',
        path: ['engagement', i, 'type'],
        message: `engagement[${i}].type "${activity.type}" is not an activity type${didYouMean(activity.type, types)}; known types: ${types.join(', ')} (the config's scoring.engagement.points may add more)`,
      });
    }
    futureDate(out, activity.date, ['engagement', i, 'date'], `engagement[${i}].date`, asOfDay);
  });

  account.buying_committee?.forEach((member, i) => {
    if (member.last_engaged) futureDate(out, member.last_engaged, ['buying_committee', i, 'last_engaged'], `buying_committee[${i}].last_engaged`, asOfDay);
  });

  account.signals?.forEach((signal, i) => {
    futureDate(out, signal.date, ['signals', i, 'date'], `signals[${i}].date`, asOfDay);
    if (signal.first_touch) futureDate(out, signal.first_touch, ['signals', i, 'first_touch'], `signals[${i}].first_touch`, asOfDay);
  });

  return out;
}

function futureDate(out: Finding[], value: string, path: (string | number)[], name: string, asOfDay: number): void {
  const ms = instant(value);
  const day = ms === undefined ? undefined : dayOfInstant(ms);
  if (day !== undefined && day > asOfDay) {
    out.push({ rule: 'future-date', path, message: `${name} (${value}) is after the as-of date` });
  }
}

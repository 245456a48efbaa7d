/**
 * An account's `deals` (method.md §3): the opportunities whose outcomes tell whether the scores
 * were right. The schema and the per-account rules `deal-dates`, `win-loss-missing` and
 * `future-date` on deal dates live here so `account.ts` only names them.
 */
import * as z from 'zod';
import { dayNumber } from '../dates.js';
import type { Finding } from '../problem.js';
import { dateField, nonEmptyText, nonNegative, oneOf, says, text, textList } from '../schemas.js';

export const DEAL_RESULTS = ['open', 'won', 'lost'] as const;
/** The five win/loss dimensions, in the order the method lists them. */
export const WIN_LOSS_DIMENSIONS = ['decision_criteria', 'buying_process', 'messaging', 'competitive', 'timeline'] as const;

export const winLossSchema = z.object(
  {
    decision_criteria: textList('a list of the top decision factors').optional(),
    buying_process: text().optional(),
    messaging: text().optional(),
    competitive: text().optional(),
    timeline: text().optional(),
  },
  says('must be a map of decision_criteria, buying_process, messaging, competitive and timeline'),
);

export const dealSchema = z.object(
  {
    id: nonEmptyText('a deal id, unique within the account'),
    amount_usd: nonNegative('an amount in USD (0 or more)').refine(Number.isFinite, { error: 'must be a finite amount in USD' }),
    created: dateField,
    proposal: dateField.optional(),
    closed: dateField.optional(),
    result: oneOf(DEAL_RESULTS).optional(),
    competitors: textList('a list of competitor names').optional(),
    win_loss: winLossSchema.optional(),
  },
  says('must be a map with id, amount_usd and created'),
);
export const dealsSchema = z.array(dealSchema, says('must be a list of deals'));

export type Deal = z.infer<typeof dealSchema>;
export type WinLoss = z.infer<typeof winLossSchema>;
export type DealResult = (typeof DEAL_RESULTS)[number];

/** `result` defaults to open. */
export const resultOf = (deal: Deal): DealResult => deal.result ?? 'open';

const blank = (value: string | readonly string[] | undefined): boolean =>
  value === undefined || (typeof value === 'string' ? value.trim() === '' : value.every((v) => v.trim() === ''));

export function dealRules(deals: readonly Deal[] | undefined, asOfDay: number): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  deals?.forEach((deal, i) => {
    const at = (...rest: (string | number)[]) => ['deals', i, ...rest];
    const name = `deals[${i}] (${deal.id})`;
    const first = seen.get(deal.id);
    if (first === undefined) seen.set(deal.id, i);
    else out.push({ rule: 'duplicate-id', path: at('id'), message: `deals[${i}].id "${deal.id}" is already used by deals[${first}]: deal ids are unique within an account` });

    const created = dayNumber(deal.created);
    const result = resultOf(deal);
    for (const key of ['proposal', 'closed'] as const) {
      const value = deal[key];
      if (value === undefined || created === undefined) continue;
      const day = dayNumber(value);
      if (day !== undefined && day < created) out.push({ rule: 'deal-dates', path: at(key), message: `${name}: ${key} (${value}) is before the deal was created (${deal.created})` });
    }
    if (result !== 'open' && deal.closed === undefined) {
      out.push({ rule: 'deal-dates', path: at(), message: `${name} is ${result} but has no closed date: add closed: YYYY-MM-DD` });
    }
    if (result === 'open' && deal.closed !== undefined) {
      out.push({ rule: 'deal-dates', path: at('closed'), message: `${name} is open but has a closed date (${deal.closed}): set result: won or lost, or remove closed` });
    }
    for (const key of ['created', 'proposal', 'closed'] as const) {
      const value = deal[key];
      const day = value === undefined ? undefined : dayNumber(value);
      if (day !== undefined && day > asOfDay) out.push({ rule: 'future-date', path: at(key), message: `${name}: ${key} (${value}) is after the as-of date` });
    }

    if (result === 'open') return;
    if (deal.win_loss === undefined) {
      out.push({ rule: 'win-loss-missing', path: at(), message: `${name} is ${result} without win_loss: record ${WIN_LOSS_DIMENSIONS.join(', ')} while the team still remembers` });
      return;
    }
    for (const dimension of WIN_LOSS_DIMENSIONS) {
      if (blank(deal.win_loss[dimension])) {
        const present = Object.prototype.hasOwnProperty.call(deal.win_loss, dimension);
        out.push({ rule: 'win-loss-missing', path: present ? at('win_loss', dimension) : at('win_loss'), message: `${name}: win_loss has no ${dimension}: the ${result} deal's ${dimension.replace('_', ' ')} is one of the five win/loss dimensions` });
      }
    }
  });
  return out;
}

/** A bet card: `bets/<id>.md`, a hypothesis tested with a kill condition. */
import * as z from 'zod';
import { dayNumber, isDate } from '../dates.js';
import type { Finding } from '../problem.js';
import { BET_CATEGORIES, BET_COMPONENTS, BET_STATUSES, dateField, idRef, nonEmptyText, oneOf, says, text } from '../schemas.js';
import { field, markdownFile } from '../templates.js';
import { checkChoice, dateFlag, flagName, missingFlags, required, str, titleOf } from './ask.js';
import { asking, markdownKind, type Flags, type NewSetting, type Prompter, type Reference } from './kind.js';


export const betSchema = z.object(
  {
    name: nonEmptyText(),
    category: oneOf(BET_CATEGORIES).optional(),
    status: oneOf(BET_STATUSES),
    owner: text().optional(),
    hypothesis: text().nullable().optional(),
    test: text().nullable().optional(),
    success_criteria: text().nullable().optional(),
    kill_condition: text().nullable().optional(),
    learning_output: text().nullable().optional(),
    segments: z.array(idRef, says('must be a list of segment ids')).optional(),
    accounts: z.array(idRef, says('must be a list of account ids')).optional(),
    started: dateField.optional(),
    review_by: dateField.optional(),
    result: text().nullable().optional(),
  },
  says('must be a YAML map of fields'),
);
export type Bet = z.infer<typeof betSchema>;

const COMPONENT_WORDS: Record<(typeof BET_COMPONENTS)[number], string> = {
  hypothesis: 'hypothesis',
  test: 'test',
  success_criteria: 'success criteria',
  kill_condition: 'kill condition',
  learning_output: 'learning output',
};

export function betRules(bet: Bet, asOfDay: number): Finding[] {
  const out: Finding[] = [];
  const missing = BET_COMPONENTS.filter((c) => {
    const v = bet[c];
    return v === undefined || v === null || v.trim() === '';
  });
  for (const c of missing) {
    out.push({
      rule: 'bet-incomplete',
      path: bet[c] === undefined ? [] : [c],
      message: `the bet has no ${COMPONENT_WORDS[c]} (${c}): every bet states hypothesis, test, success_criteria, kill_condition and learning_output`,
    });
  }
  if (bet.status === 'running') {
    const lacking = (['started', 'review_by'] as const).filter((k) => bet[k] === undefined);
    if (lacking.length > 0) {
      out.push({ rule: 'bet-running-dates', path: ['status'], message: `a running bet needs ${lacking.join(' and ')}` });
    }
    const review = bet.review_by ? dayNumber(bet.review_by) : undefined;
    if (review !== undefined && review < asOfDay) {
      out.push({ rule: 'bet-review-overdue', path: ['review_by'], message: `review_by (${bet.review_by}) has passed: review the bet, then record won or killed, or a new review date` });
    }
  }
  if ((bet.status === 'won' || bet.status === 'killed') && (bet.result === undefined || bet.result === null || bet.result.trim() === '')) {
    out.push({ rule: 'bet-result-missing', path: bet.result === undefined ? ['status'] : ['result'], message: `a ${bet.status} bet records its result` });
  }
  return out;
}

function betReferences(bet: Bet): Reference[] {
  return [
    ...(bet.segments ?? []).map((value, i) => ({ kind: 'segments', what: 'segment', value, path: ['segments', i], name: `segments[${i}]` })),
    ...(bet.accounts ?? []).map((value, i) => ({ kind: 'accounts', what: 'account', value, path: ['accounts', i], name: `accounts[${i}]` })),
  ];
}

export interface NewBet {
  name: string;
  category?: string;
  status: string;
  owner?: string;
  hypothesis: string;
  test: string;
  success_criteria: string;
  kill_condition: string;
  learning_output: string;
  /** Dates (YYYY-MM-DD), already checked. */
  started?: string;
  review_by?: string;
  result?: string;
}

/** The fields of a new bet card, in the order they are written. */
const BET_FIELDS = ['name', 'category', 'status', 'owner', ...BET_COMPONENTS, 'started', 'review_by', 'result'] as const;

export function betFile(b: NewBet): string {
  return markdownFile(BET_FIELDS.flatMap((k) => field(k, b[k])), b.name);
}

export async function betAnswers(flags: Flags, setting: NewSetting, prompter?: Prompter): Promise<NewBet> {
  const category = str(flags.category);
  const status = str(flags.status) ?? 'proposed';
  checkChoice('--category', category, BET_CATEGORIES);
  checkChoice('--status', status, BET_STATUSES);
  const components = ['hypothesis', 'test', 'success_criteria', 'kill_condition', 'learning_output'] as const;
  const flagKey = { hypothesis: 'hypothesis', test: 'test', success_criteria: 'successCriteria', kill_condition: 'killCondition', learning_output: 'learningOutput' } as const;
  const values = Object.fromEntries(components.map((c) => [c, str(flags[flagKey[c]])])) as Record<(typeof components)[number], string | undefined>;
  const name = str(flags.name);
  const dates = { started: dateFlag('--started', flags.started), review_by: dateFlag('--review-by', flags.reviewBy) };
  const result = str(flags.result);
  // What the status needs, so that every status can be created (the rules bet-running-dates and bet-result-missing).
  const needs = [...(status === 'running' ? (['started', 'review_by'] as const).filter((k) => dates[k] === undefined) : []), ...((status === 'won' || status === 'killed') && result === undefined ? (['result'] as const) : [])];
  const extra = { ...(dates.started ? { started: dates.started } : {}), ...(dates.review_by ? { review_by: dates.review_by } : {}), ...(result ? { result } : {}) };
  if (!prompter) {
    const missing = [...(name === undefined ? ['--name'] : []), ...components.filter((c) => values[c] === undefined).map(flagName), ...needs.map(flagName)];
    if (missing.length > 0) throw missingFlags('bet', missing);
    return { name: name as string, category, status, owner: str(flags.owner), ...(values as Record<(typeof components)[number], string>), ...extra };
  }
  const questions: Record<(typeof components)[number], string> = {
    hypothesis: 'Hypothesis (We believe that [audience] will [behaviour] because [reason])',
    test: 'Test (what you will do, to whom, for how long)',
    success_criteria: 'Success criteria (the measurable result that means the bet won)',
    kill_condition: 'Kill condition (the result or date at which you stop)',
    learning_output: 'Learning output (what the team will know afterwards, win or lose)',
  };
  const answers: NewBet = {
    name: name ?? (await prompter.input({ message: 'Bet name', default: titleOf(setting.id), validate: required })).trim(),
    category: category ?? (await prompter.select<string>({ message: 'Category', choices: BET_CATEGORIES.map((c) => ({ name: c, value: c })) })),
    status,
    owner: str(flags.owner),
    hypothesis: '',
    test: '',
    success_criteria: '',
    kill_condition: '',
    learning_output: '',
  };
  for (const c of components) answers[c] = values[c] ?? (await prompter.input({ message: questions[c], validate: required })).trim();
  Object.assign(answers, extra);
  const asks = { started: 'Started on (YYYY-MM-DD)', review_by: 'Review by (YYYY-MM-DD)', result: `Result (what happened: why the bet was ${status})` } as const;
  for (const k of needs) {
    const validate = k === 'result' ? required : (v: string) => isDate(v.trim()) || 'a date in the form YYYY-MM-DD';
    answers[k] = (await prompter.input({ message: asks[k], validate })).trim();
  }
  return answers;
}

export const betKind = markdownKind<'bets', Bet, 'bet'>({
  kind: 'bets',
  singular: 'bet',
  schema: betSchema,
  title: 'abx bet card',
  rules: (bet, ctx) => betRules(bet, ctx.asOfDay),
  references: betReferences,
  newFile: asking(betAnswers, betFile),
});

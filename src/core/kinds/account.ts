/**
 * An account scorecard: `accounts/<id>.md`, the account's PURE scores with evidence, its facts,
 * engagement, buying committee and signals. Accounts are scored (`core/scoring/`) once their
 * own rules have run; `abx new account` asks its questions in `account-questions.ts`.
 */
import * as z from 'zod';
import { dayOfInstant, instant } from '../dates.js';
import type { Finding } from '../problem.js';
import { COMMITTEE_ROLES, dateField, dateOrDateTime, idRef, MEMBER_STATUSES, MOTIONS, nonEmptyText, nonNegative, oneOf, percent, PURE_CRITERIA, says, SENIORITIES, SIGNAL_TYPES, text, textList } from '../schemas.js';
import { didYouMean } from '../suggest.js';
import { duplicateDomainFinding } from '../rules/cross-file.js';
import { dealRules, dealsSchema } from './account-deals.js';
import { accountAnswers, accountFile } from './account-questions.js';
import { asking, markdownKind, type RuleSettings } from './kind.js';
import { salvageRecord } from './salvage.js';

const pureCriterion = z.object(
  {
    score: z
      .number(says('must be an integer from 0 to 3'))
      .int({ error: 'must be an integer from 0 to 3' })
      .min(0, { error: 'must be an integer from 0 to 3' })
      .max(3, { error: 'must be an integer from 0 to 3' }),
    evidence: text().nullable().optional(),
  },
  says('must be a map with score and evidence'),
);

export const pureSchema = z.object(
  {
    painful: pureCriterion,
    urgent: pureCriterion,
    recognized: pureCriterion,
    expensive: pureCriterion,
  },
  says('must be a map of painful, urgent, recognized and expensive'),
);

export const givenFitSchema = z.object(
  {
    firmographic: percent.optional(),
    technographic: percent.optional(),
    intent: percent.optional(),
    engagement: percent.optional(),
  },
  says('must be a map of fit components (0..100)'),
);

const factValue = z.union([text(), z.number(), z.boolean(), textList()], says('must be text, a number or a list'));

export const firmographicsSchema = z
  .object(
    {
      industry: text().optional(),
      employees: nonNegative('a number of employees (0 or more)').optional(),
      revenue_usd: nonNegative('an amount in USD (0 or more)').optional(),
      region: text().optional(),
    },
    says('must be a map of facts'),
  )
  .catchall(factValue);

export const technographicsSchema = z
  .object({ stack: textList('a list of technologies').optional() }, says('must be a map with a stack list'))
  .catchall(factValue);

export const activitySchema = z.object(
  {
    date: dateField,
    type: text('an activity type'),
    note: text().optional(),
  },
  says('must be a map with date and type'),
);

export const memberSchema = z.object(
  {
    name: nonEmptyText(),
    title: text(),
    role: oneOf(COMMITTEE_ROLES),
    status: oneOf(MEMBER_STATUSES),
    seniority: oneOf(SENIORITIES).optional(),
    last_engaged: dateField.optional(),
    email: text().optional(),
    note: text().optional(),
  },
  says('must be a map with name, title, role and status'),
);

export const signalSchema = z.object(
  {
    type: oneOf(SIGNAL_TYPES),
    date: dateField,
    summary: text(),
    source: text().optional(),
    first_touch: dateOrDateTime.optional(),
  },
  says('must be a map with type, date and summary'),
);

/** The four discovery questions (method.md §3), each answered in text. */
export const discoverySchema = z.object(
  {
    players: text().nullable().optional(),
    relationships: text().nullable().optional(),
    influencing_factors: text().nullable().optional(),
    decision_factors: text().nullable().optional(),
  },
  says('must be a map of players, relationships, influencing_factors and decision_factors'),
);

export const accountSchema = z.object(
  {
    name: nonEmptyText(),
    domain: text('a domain').optional(),
    segment: idRef.optional(),
    owner: text().optional(),
    motion: oneOf(MOTIONS).optional(),
    pure: pureSchema.nullable().optional(),
    fit: givenFitSchema.optional(),
    firmographics: firmographicsSchema.optional(),
    technographics: technographicsSchema.optional(),
    engagement: z.array(activitySchema, says('must be a list of activities')).optional(),
    buying_committee: z.array(memberSchema, says('must be a list of members')).optional(),
    signals: z.array(signalSchema, says('must be a list of signals')).optional(),
    next_actions: textList().optional(),
    discovery: discoverySchema.optional(),
    tags: textList().optional(),
    deals: dealsSchema.optional(),
  },
  says('must be a YAML map of fields'),
);
export type Account = z.infer<typeof accountSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type Member = z.infer<typeof memberSchema>;
export type Signal = z.infer<typeof signalSchema>;

export function accountRules(account: Account, config: RuleSettings, asOfDay: number): Finding[] {
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

  out.push(...dealRules(account.deals, asOfDay));

  return out;
}

function futureDate(out: Finding[], value: string, path: (string | number)[], name: string, asOfDay: number): void {
  const ms = instant(value);
  const day = ms === undefined ? undefined : dayOfInstant(ms);
  if (day !== undefined && day > asOfDay) {
    out.push({ rule: 'future-date', path, message: `${name} (${value}) is after the as-of date` });
  }
}

export const accountKind = markdownKind<'accounts', Account, 'account'>({
  kind: 'accounts',
  singular: 'account',
  schema: accountSchema,
  title: 'abx account scorecard',
  scored: true,
  // A broken list item is left out and a broken field dropped; a broken name or pure makes the account unscored.
  salvage: (data, findings) => salvageRecord(accountSchema, data, findings, { lists: ['engagement', 'buying_committee', 'signals', 'next_actions', 'tags', 'deals'], vital: ['name'], whole: ['pure'] }),
  rules: (account, ctx) => accountRules(account, ctx.config, ctx.asOfDay),
  // One company, one account: the second file with a domain (in path order) is told the first.
  acrossFiles() {
    const owners = new Map<string, string>();
    return (entry) => {
      const finding = duplicateDomainFinding(owners, entry.file, entry.data.domain);
      return finding ? [finding] : [];
    };
  },
  references: (account) => (account.segment ? [{ kind: 'segments', what: 'segment', value: account.segment, path: ['segment'], name: 'segment' }] : []),
  newFile: asking(accountAnswers, accountFile),
});

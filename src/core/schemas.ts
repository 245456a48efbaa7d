/**
 * The frontmatter of every kind, as zod schemas: the one source of truth for validation, for the
 * TypeScript types, and for the JSON Schemas that `abx schema` prints for editors.
 * Messages are written for the people who edit these files; a field's path is prefixed by the caller.
 */
import { z } from 'zod';
import { isDate, isDateOrDateTime } from './dates.js';
import { MAX_CONFIG_LIST, MAX_CONFIG_PATH, MAX_WINDOW_DAYS } from './bounds.js';

const MAX_TEXT = 20_000;

type Issue = { input?: unknown };
/** One message for every way a value can be wrong, and "is required" when it is absent. */
const says = (text: string) => ({ error: (iss: Issue) => (iss.input === undefined ? 'is required' : text) });

export const text = (what = 'text') =>
  z.string(says(`must be ${what}`)).max(MAX_TEXT, { error: `must be at most ${MAX_TEXT} characters`, abort: true });

/** The non-empty text schemas, so the JSON Schema for editors can say it too (json-schema.ts). */
export const NON_EMPTY_TEXT = new WeakSet<object>();

export const nonEmptyText = (what = 'non-empty text') => {
  const schema = text(what).refine((s) => s.trim() !== '', { error: `must be ${what}` });
  NON_EMPTY_TEXT.add(schema);
  return schema;
};

export const textList = (what = 'a list of text') => z.array(text('text'), says(`must be ${what}`));

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const idRef = z
  .string(says('must be an id (lowercase letters, digits and -)'))
  .max(200, { error: 'must be at most 200 characters', abort: true })
  .regex(ID_PATTERN, { error: 'must be an id (lowercase letters, digits and -)' });

export const dateField = z
  .string(says('must be a date (YYYY-MM-DD)'))
  .max(40, { error: 'must be a date (YYYY-MM-DD)', abort: true })
  .refine(isDate, { error: 'must be a real date in the form YYYY-MM-DD' });

export const dateOrDateTime = z
  .string(says('must be a date (YYYY-MM-DD) or an ISO 8601 date-time'))
  .max(40, { error: 'must be a date or date-time', abort: true })
  .refine(isDateOrDateTime, { error: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time (2026-10-01T14:30:00Z)' });

const number = (what: string) => z.number(says(`must be ${what}`));
export const percent = number('a number from 0 to 100').min(0, { error: 'must be a number from 0 to 100' }).max(100, { error: 'must be a number from 0 to 100' });
const nonNegative = (what: string) => number(what).min(0, { error: `must be ${what}` });
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, says(`must be one of: ${values.join(', ')}`));

// ---------------------------------------------------------------- methodology vocabularies

export const PURE_CRITERIA = ['painful', 'urgent', 'recognized', 'expensive'] as const;
export const FIT_COMPONENTS = ['firmographic', 'technographic', 'intent', 'engagement'] as const;
export const MOTIONS = ['detect', 'decode', 'engage', 'accelerate', 'expand'] as const;
export const COMMITTEE_ROLES = ['champion', 'influencer', 'blocker', 'decision-maker', 'economic-buyer', 'technical-buyer'] as const;
export const MEMBER_STATUSES = ['cold', 'warm', 'engaged'] as const;
export const SENIORITIES = ['c-level', 'vp', 'director', 'manager', 'individual'] as const;
export const SIGNAL_TYPES = ['policy', 'procurement', 'leadership', 'competitive', 'strategic'] as const;
export const BET_CATEGORIES = ['messaging', 'channel', 'abm-motion', 'product-launch', 'other'] as const;
export const BET_STATUSES = ['proposed', 'running', 'won', 'killed'] as const;
export const STAGES = ['early', 'scaling', 'leader'] as const;
export const BET_COMPONENTS = ['hypothesis', 'test', 'success_criteria', 'kill_condition', 'learning_output'] as const;

export type PureCriterion = (typeof PURE_CRITERIA)[number];
export type FitComponent = (typeof FIT_COMPONENTS)[number];
export type Motion = (typeof MOTIONS)[number];

// ---------------------------------------------------------------- ICP criteria (segments and config)

const rangeCriterion = z.object(
  {
    min: number('a number').optional(),
    max: number('a number').optional(),
  },
  says('must be a list of values or a { min, max } range'),
);
const listCriterion = z.array(z.union([text(), z.number()], says('must be text or a number')), says('must be a list of values or a { min, max } range'));

export const criteriaSchema = z.object(
  {
    firmographic: z
      .record(z.string(), z.union([listCriterion, rangeCriterion], says('must be a list of values or a { min, max } range')), says('must be a map of fact → list or range'))
      .optional(),
    technographic: z.object({ stack: textList('a list of technologies').optional() }, says('must be a map with a stack list')).optional(),
  },
  says('must be a map with firmographic and technographic criteria'),
);
export type Criteria = z.infer<typeof criteriaSchema>;

// ---------------------------------------------------------------- account scorecard

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
    tags: textList().optional(),
  },
  says('must be a YAML map of fields'),
);
export type Account = z.infer<typeof accountSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type Member = z.infer<typeof memberSchema>;
export type Signal = z.infer<typeof signalSchema>;

// ---------------------------------------------------------------- segment matrix

export const segmentSchema = z.object(
  {
    name: nonEmptyText(),
    icp: text().optional(),
    criteria: criteriaSchema.optional(),
    personas: z
      .array(
        z.object({ title: text(), cares_about: z.union([text(), textList()], says('must be text or a list of text')).optional() }, says('must be a map with title and cares_about')),
        says('must be a list of personas'),
      )
      .optional(),
    pain_points: textList().optional(),
    pricing_model: text().optional(),
    channels: textList().optional(),
    key_message: text().optional(),
    budget_share: percent.optional(),
    synergies: z
      .object(
        {
          reusable_collateral: textList().optional(),
          shared_success_stories: textList().optional(),
          education_topics: textList().optional(),
        },
        says('must be a map of reusable_collateral, shared_success_stories and education_topics'),
      )
      .optional(),
  },
  says('must be a YAML map of fields'),
);
export type Segment = z.infer<typeof segmentSchema>;

// ---------------------------------------------------------------- bet card

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

// ---------------------------------------------------------------- journey map

export const journeyStageSchema = z.object(
  {
    customer_activities: textList().optional(),
    internal_activities: textList().optional(),
    stakeholders: textList().optional(),
    deliverables: textList().optional(),
  },
  says('must be a map of customer_activities, internal_activities, stakeholders and deliverables'),
);

export const journeySchema = z.object(
  {
    name: nonEmptyText(),
    segment: idRef.optional(),
    persona: text().optional(),
    stages: z.record(z.string(), journeyStageSchema, says('must be a map from stage name to its activities')).optional(),
  },
  says('must be a YAML map of fields'),
);
export type Journey = z.infer<typeof journeySchema>;

// ---------------------------------------------------------------- KPI records

const PERIOD_RE = /^(\d{4})-(?:(0[1-9]|1[0-2])|W(0[1-9]|[1-4]\d|5[0-3])|Q([1-4])|(\d{2})-(\d{2}))$/;
export function isPeriod(value: string): boolean {
  const m = PERIOD_RE.exec(value);
  if (!m) return false;
  if (m[5] !== undefined) return isDate(value);
  return true;
}

export const kpiRecordSchema = z.object(
  {
    kpi: text('a KPI id'),
    period: z
      .string(says('must be a period: 2026-10-05, 2026-W41, 2026-10 or 2026-Q3'))
      .max(20, { error: 'must be a period: 2026-10-05, 2026-W41, 2026-10 or 2026-Q3', abort: true })
      .refine(isPeriod, { error: 'must be a period: a day (2026-10-05), an ISO week (2026-W41), a month (2026-10) or a quarter (2026-Q3)' }),
    value: number('a number').refine(Number.isFinite, { error: 'must be a finite number' }),
    note: text().optional(),
  },
  says('must be a map with kpi, period and value'),
);
export const kpiFileSchema = z.array(kpiRecordSchema, says('must be a YAML list of KPI records'));
export type KpiRecord = z.infer<typeof kpiRecordSchema>;

// ---------------------------------------------------------------- config

export const severitySetting = z.enum(['error', 'warn', 'off'], says('must be error, warn or off'));

// Config bounds (src/core/bounds.ts): a pull request can change the config, and none of these can be lifted.
const windowDays = z
  .number(says(`must be a whole number of days from 1 to ${MAX_WINDOW_DAYS}`))
  .int({ error: `must be a whole number of days from 1 to ${MAX_WINDOW_DAYS}` })
  .min(1, { error: `must be a whole number of days from 1 to ${MAX_WINDOW_DAYS}` })
  .max(MAX_WINDOW_DAYS, { error: `must be a whole number of days from 1 to ${MAX_WINDOW_DAYS} (ten years)` })
  .optional();
const configPath = (what: string) =>
  z.string(says(`must be ${what}`)).max(MAX_CONFIG_PATH, { error: `must be at most ${MAX_CONFIG_PATH} characters`, abort: true }).optional();
/** A map of at most MAX_CONFIG_LIST entries (`maxProperties` in the JSON Schema editors get). */
const boundedMap = <T extends z.ZodType<Record<string, unknown>>>(map: T) =>
  map.refine((m) => Object.keys(m).length <= MAX_CONFIG_LIST, { error: `must have at most ${MAX_CONFIG_LIST} entries` }).meta({ maxProperties: MAX_CONFIG_LIST });

export const configSchema = z.object(
  {
    version: z.literal(1, says('must be 1')),
    company: text().nullable().optional(),
    stage: oneOf(STAGES).optional(),
    as_of: dateField.nullable().optional(),
    paths: z
      .object(
        {
          segments: configPath('a glob'),
          accounts: configPath('a glob'),
          bets: configPath('a glob'),
          journeys: configPath('a glob'),
          kpis: configPath('a glob'),
        },
        says('must be a map from kind to glob'),
      )
      .optional(),
    scoring: z
      .object(
        {
          weights: z
            .object(
              {
                firmographic: nonNegative('a weight (0 or more)').optional(),
                technographic: nonNegative('a weight (0 or more)').optional(),
                intent: nonNegative('a weight (0 or more)').optional(),
                engagement: nonNegative('a weight (0 or more)').optional(),
              },
              says('must be a map of the four fit weights'),
            )
            .optional(),
          fit_tiers: z
            .tuple([percent, percent], says('must be two thresholds, [tier 1, tier 2], e.g. [80, 60]'))
            .refine(([a, b]) => a >= b, { error: 'must list the tier 1 threshold first: [80, 60]' })
            .optional(),
          engagement: z
            .object(
              {
                window_days: windowDays,
                cap: number('a number above 0').gt(0, { error: 'must be a number above 0' }).optional(),
                points: boundedMap(z.record(z.string(), nonNegative('points (0 or more)'), says('must be a map from activity type to points'))).optional(),
              },
              says('must be a map of window_days, cap and points'),
            )
            .optional(),
          mqa: z
            .object(
              {
                window_days: windowDays,
                min_engaged: z.number(says('must be a whole number (0 or more)')).int({ error: 'must be a whole number (0 or more)' }).min(0, { error: 'must be a whole number (0 or more)' }).optional(),
                min_senior: z.number(says('must be a whole number (0 or more)')).int({ error: 'must be a whole number (0 or more)' }).min(0, { error: 'must be a whole number (0 or more)' }).optional(),
                senior_levels: z.array(oneOf(SENIORITIES), says('must be a list of seniority levels')).optional(),
              },
              says('must be a map of window_days, min_engaged, min_senior and senior_levels'),
            )
            .optional(),
        },
        says('must be a map of scoring settings'),
      )
      .optional(),
    icp: z.object({ criteria: criteriaSchema.optional() }, says('must be a map with criteria')).nullable().optional(),
    journey: z.object({ stages: textList('a list of stage names').max(MAX_CONFIG_LIST, { error: `must have at most ${MAX_CONFIG_LIST} stages`, abort: true }).optional() }, says('must be a map with stages')).optional(),
    kpis: boundedMap(z.record(z.string(), z.object({ target: number('a number') }, says('must be a map with target')), says('must be a map from KPI id to { target }'))).optional(),
    rules: boundedMap(z.record(z.string(), severitySetting, says('must be a map from rule id to error, warn or off'))).optional(),
    schemas: z
      .object(
        {
          segments: configPath('a path'),
          accounts: configPath('a path'),
          bets: configPath('a path'),
          journeys: configPath('a path'),
          kpis: configPath('a path'),
        },
        says('must be a map from kind to a JSON Schema file'),
      )
      .optional(),
  },
  says('must be a YAML map of settings'),
);
export type ConfigFile = z.infer<typeof configSchema>;

export const KINDS = ['segments', 'accounts', 'bets', 'journeys', 'kpis'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_SCHEMAS = {
  segments: segmentSchema,
  accounts: accountSchema,
  bets: betSchema,
  journeys: journeySchema,
  kpis: kpiFileSchema,
} as const;

/**
 * The frontmatter of every kind, as zod schemas: the one source of truth for validation, for the
 * TypeScript types, and for the JSON Schemas that `abx schema` prints for editors.
 * Messages are written for the people who edit these files; a field's path is prefixed by the caller.
 */
import * as z from 'zod';
import { didYouMean } from './suggest.js';
import { isDate, isDateOrDateTime } from './dates.js';

const MAX_TEXT = 20_000;

type Issue = { input?: unknown };
/** One message for every way a value can be wrong, and "is required" when it is absent. */
export const says = (text: string) => ({ error: (iss: Issue) => (iss.input === undefined ? 'is required' : text) });

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

export const number = (what: string) => z.number(says(`must be ${what}`));
export const percent = number('a number from 0 to 100').min(0, { error: 'must be a number from 0 to 100' }).max(100, { error: 'must be a number from 0 to 100' });
export const nonNegative = (what: string) => number(what).min(0, { error: `must be ${what}` });
/** An enum whose error repeats the value given and names the nearest allowed one, case first (`VP` → `vp`). */
export const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (iss: Issue) => {
      if (iss.input === undefined) return 'is required';
      const given = typeof iss.input === 'string' ? `, not "${iss.input.length > 40 ? `${iss.input.slice(0, 39)}…` : iss.input}"${didYouMean(iss.input, values)}` : '';
      return `must be one of: ${values.join(', ')}${given}`;
    },
  });

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

// ---------------------------------------------------------------- messaging and collateral (method.md §1, §2)

export const COLLATERAL_TYPES = ['roi-calculator', 'datasheet', 'case-study', 'battle-card', 'executive-presentation', 'other'] as const;
export const REVIEW_CADENCES = ['weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export const DISCOVERY_QUESTIONS = ['players', 'relationships', 'influencing_factors', 'decision_factors'] as const;
export type CollateralType = (typeof COLLATERAL_TYPES)[number];
export type ReviewCadence = (typeof REVIEW_CADENCES)[number];

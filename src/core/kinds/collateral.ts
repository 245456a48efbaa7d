/**
 * A collateral asset: `collateral/<id>.md` (method.md §2), with its success metrics and review
 * cadence. Messaging names collateral ids as proof points.
 */
import * as z from 'zod';
import { dayNumber, formatDay } from '../dates.js';
import type { Finding } from '../problem.js';
import { COLLATERAL_TYPES, dateField, idRef, nonEmptyText, number, oneOf, REVIEW_CADENCES, says, text, textList, type CollateralType, type ReviewCadence } from '../schemas.js';
import { field, markdownFile } from '../templates.js';
import { checkChoice, checkSegment, missingFlags, required, str, titleOf } from './ask.js';
import { asking, markdownKind, type Flags, type NewSetting, type Prompter, type Reference } from './kind.js';

/** A metric target: a number (reach at least it) or a comparison, `">= 0.4"`, `"< 72"`. */
export interface MetricTarget {
  op: '>=' | '>' | '<=' | '<' | '=';
  value: number;
}

const TARGET_RE = /^\s*(>=|<=|>|<|=|≥|≤)?\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*$/;

export function parseTarget(target: number | string): MetricTarget | undefined {
  if (typeof target === 'number') return Number.isFinite(target) ? { op: '>=', value: target } : undefined;
  const m = TARGET_RE.exec(target);
  if (!m) return undefined;
  const op = ({ '≥': '>=', '≤': '<=' } as Record<string, MetricTarget['op']>)[m[1] ?? ''] ?? ((m[1] ?? '>=') as MetricTarget['op']);
  return { op, value: Number(m[2]) };
}

/** Whether a value meets its target; exact for the decimals people type (compared at 1e-9). */
export function meets(value: number, t: MetricTarget): boolean {
  const d = value - t.value;
  const eps = 1e-9;
  switch (t.op) {
    case '>=':
      return d >= -eps;
    case '>':
      return d > eps;
    case '<=':
      return d <= eps;
    case '<':
      return d < -eps;
    case '=':
      return Math.abs(d) <= eps;
  }
}

const metricSchema = z.object(
  {
    metric: nonEmptyText(),
    target: z
      .union([number('a number'), text()], says('must be a number or a comparison like ">= 0.4" or "< 72"'))
      .refine((t) => parseTarget(t) !== undefined, { error: 'must be a number or a comparison like ">= 0.4" or "< 72"' })
      .optional(),
    value: number('a number').refine(Number.isFinite, { error: 'must be a finite number' }).optional(),
    period: text().optional(),
  },
  says('must be a map with metric, target, value and period'),
);

export const collateralSchema = z.object(
  {
    name: nonEmptyText(),
    type: oneOf(COLLATERAL_TYPES),
    purpose: text().nullable().optional(),
    owner: text().optional(),
    url: text('a URL').optional(),
    segments: z.array(idRef, says('must be a list of segment ids')).optional(),
    personas: textList('a list of persona titles').optional(),
    review_cadence: oneOf(REVIEW_CADENCES).optional(),
    last_reviewed: dateField.optional(),
    metrics: z.array(metricSchema, says('must be a list of metrics')).optional(),
  },
  says('must be a YAML map of fields'),
);
export type Collateral = z.infer<typeof collateralSchema>;
export type CollateralMetric = z.infer<typeof metricSchema>;

export const DEFAULT_CADENCE: Readonly<Record<CollateralType, ReviewCadence>> = {
  'roi-calculator': 'monthly',
  datasheet: 'quarterly',
  'case-study': 'monthly',
  'battle-card': 'monthly',
  'executive-presentation': 'quarterly',
  other: 'quarterly',
};

/** Days allowed between reviews: on the last of them the asset is due, the day after overdue. */
export const CADENCE_DAYS: Readonly<Record<ReviewCadence, number>> = { weekly: 7, biweekly: 14, monthly: 31, quarterly: 92 };

export type ReviewState = 'ok' | 'due' | 'overdue' | 'never';

export interface Review {
  cadence: ReviewCadence;
  /** The last day the review is on time (`last_reviewed` + the cadence's days). */
  dueBy: string | null;
  status: ReviewState;
  /** Days since `last_reviewed` at the as-of date. */
  daysSince: number | null;
}

export function reviewOf(c: Collateral, asOfDay: number): Review {
  const cadence = c.review_cadence ?? DEFAULT_CADENCE[c.type];
  const last = c.last_reviewed ? dayNumber(c.last_reviewed) : undefined;
  if (last === undefined) return { cadence, dueBy: null, status: 'never', daysSince: null };
  const days = asOfDay - last;
  const allowed = CADENCE_DAYS[cadence];
  return { cadence, dueBy: formatDay(last + allowed), status: days > allowed ? 'overdue' : days === allowed ? 'due' : 'ok', daysSince: days };
}

export function collateralRules(c: Collateral, asOfDay: number): Finding[] {
  const out: Finding[] = [];
  const cadence = c.review_cadence ?? DEFAULT_CADENCE[c.type];
  const allowed = CADENCE_DAYS[cadence];
  const last = c.last_reviewed ? dayNumber(c.last_reviewed) : undefined;
  if (last === undefined) {
    out.push({ rule: 'collateral-review-overdue', path: [], message: `the asset has never been reviewed (no last_reviewed): a ${c.type} is reviewed ${cadence}` });
  } else if (last > asOfDay) {
    out.push({ rule: 'future-date', path: ['last_reviewed'], message: `last_reviewed (${c.last_reviewed}) is after the as-of date` });
  } else if (asOfDay - last > allowed) {
    out.push({
      rule: 'collateral-review-overdue',
      path: ['last_reviewed'],
      message: `last reviewed ${asOfDay - last} days ago (${c.last_reviewed}): a ${cadence} review allows ${allowed} days, so it is ${asOfDay - last - allowed} day${asOfDay - last - allowed === 1 ? '' : 's'} overdue`,
    });
  }
  if ((c.metrics ?? []).length === 0) {
    out.push({ rule: 'collateral-metrics-missing', path: c.metrics === undefined ? [] : ['metrics'], message: 'the asset has no metrics: track its effectiveness, not its creation' });
  }
  return out;
}

function collateralReferences(c: Collateral): Reference[] {
  return (c.segments ?? []).map((value, i) => ({ kind: 'segments', what: 'segment', value, path: ['segments', i], name: `segments[${i}]` }));
}

export interface NewCollateral {
  name: string;
  type: string;
  purpose?: string;
  owner?: string;
  segment?: string;
  /** The day the asset is created is the day it was last reviewed: a new asset is not overdue. */
  lastReviewed?: string;
}

export function collateralFile(c: NewCollateral): string {
  const lines = [...field('name', c.name), ...field('type', c.type), ...field('purpose', c.purpose), ...field('owner', c.owner)];
  if (c.segment) lines.push(`segments: [${c.segment}]`);
  if (c.lastReviewed) lines.push(`last_reviewed: ${c.lastReviewed}`);
  lines.push('metrics: []');
  return markdownFile(lines, c.name);
}

export async function collateralAnswers(flags: Flags, setting: NewSetting, prompter?: Prompter): Promise<NewCollateral> {
  const type = str(flags.type);
  checkChoice('--type', type, COLLATERAL_TYPES);
  const segment = str(flags.segment);
  checkSegment(segment, setting);
  const name = str(flags.name);
  if (!prompter) {
    const missing = [...(name === undefined ? ['--name'] : []), ...(type === undefined ? ['--type'] : [])];
    if (missing.length > 0) throw missingFlags('collateral', missing);
    return { name: name as string, type: type as string, purpose: str(flags.purpose), owner: str(flags.owner), segment, lastReviewed: setting.asOf };
  }
  return {
    name: name ?? (await prompter.input({ message: 'Asset name', default: titleOf(setting.id), validate: required })).trim(),
    type: type ?? (await prompter.select<string>({ message: 'Type', choices: COLLATERAL_TYPES.map((t) => ({ name: t, value: t })) })),
    purpose: str(flags.purpose) ?? ((await prompter.input({ message: 'Purpose: what the asset is for (optional)' })).trim() || undefined),
    owner: str(flags.owner),
    segment,
    lastReviewed: setting.asOf,
  };
}

export const collateralKind = markdownKind<'collateral', Collateral, 'collateral'>({
  kind: 'collateral',
  singular: 'collateral',
  schema: collateralSchema,
  title: 'abx collateral asset',
  // Few files, and `abx diff` (lean) compares messaging coverage and overdue collateral.
  keepWhenLean: true,
  rules: (c, ctx) => collateralRules(c, ctx.asOfDay),
  references: collateralReferences,
  newFile: asking(collateralAnswers, collateralFile),
});

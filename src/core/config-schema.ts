/**
 * The schema of abx.config.yaml. Its `paths` and `schemas` maps have a key for every kind in
 * `kinds/index.ts`.
 */
import { z } from 'zod';
import { KINDS, type Kind } from './kinds/index.js';
import { criteriaSchema, dateField, nonNegative, number, oneOf, percent, says, SENIORITIES, STAGES, text, textList } from './schemas.js';

/** One optional setting per kind, in the order of the kinds. */
const perKind = <T extends z.ZodType>(make: () => T) => Object.fromEntries(KINDS.map((k) => [k, make().optional()])) as Record<Kind, z.ZodOptional<T>>;

export const severitySetting = z.enum(['error', 'warn', 'off'], says('must be error, warn or off'));

export const configSchema = z.object(
  {
    version: z.literal(1, says('must be 1')),
    company: text().nullable().optional(),
    stage: oneOf(STAGES).optional(),
    as_of: dateField.nullable().optional(),
    paths: z
      .object(
        perKind(() => text('a glob')),
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
          fit_tier_capacity: z
            .tuple(
              [
                z.number(says('must be a whole number of accounts (0 or more)')).int({ error: 'must be a whole number of accounts (0 or more)' }).min(0, { error: 'must be a whole number of accounts (0 or more)' }),
                z.number(says('must be a whole number of accounts (0 or more)')).int({ error: 'must be a whole number of accounts (0 or more)' }).min(0, { error: 'must be a whole number of accounts (0 or more)' }),
              ],
              says('must be two capacities, [tier 1, tier 2], e.g. [50, 500]'),
            )
            .optional(),
          engagement: z
            .object(
              {
                window_days: z.number(says('must be a whole number of days (1 or more)')).int({ error: 'must be a whole number of days (1 or more)' }).min(1, { error: 'must be a whole number of days (1 or more)' }).optional(),
                cap: number('a number above 0').gt(0, { error: 'must be a number above 0' }).optional(),
                points: z.record(z.string(), nonNegative('points (0 or more)'), says('must be a map from activity type to points')).optional(),
              },
              says('must be a map of window_days, cap and points'),
            )
            .optional(),
          mqa: z
            .object(
              {
                window_days: z.number(says('must be a whole number of days (1 or more)')).int({ error: 'must be a whole number of days (1 or more)' }).min(1, { error: 'must be a whole number of days (1 or more)' }).optional(),
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
    journey: z.object({ stages: textList('a list of stage names').optional() }, says('must be a map with stages')).optional(),
    kpis: z.record(z.string(), z.object({ target: number('a number') }, says('must be a map with target')), says('must be a map from KPI id to { target }')).optional(),
    rules: z.record(z.string(), severitySetting, says('must be a map from rule id to error, warn or off')).optional(),
    schemas: z
      .object(
        perKind(() => text('a path')),
        says('must be a map from kind to a JSON Schema file'),
      )
      .optional(),
  },
  says('must be a YAML map of settings'),
);
export type ConfigFile = z.infer<typeof configSchema>;

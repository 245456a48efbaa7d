/**
 * The schema of abx.config.yaml. Its `paths` and `schemas` maps have a key for every kind in
 * `kinds/index.ts`.
 */
import * as z from 'zod';
import { MAX_CONFIG_LIST, MAX_CONFIG_PATH, MAX_WINDOW_DAYS } from './bounds.js';
import { KINDS, type Kind } from './kinds/index.js';
import { criteriaSchema, dateField, nonNegative, number, oneOf, percent, says, SENIORITIES, STAGES, text, textList } from './schemas.js';

/** One setting per kind, in the order of the kinds. */
const perKind = <T extends z.ZodType>(make: () => T) => Object.fromEntries(KINDS.map((k) => [k, make()])) as Record<Kind, T>;

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
    // The blocks abx writes into account bodies (core/blocks.ts BLOCK_NAMES): pure by default; fit
    // moves with the config and the date, so a workspace opts into it.
    generated_blocks: z.array(oneOf(['pure', 'fit']), says('must be a list of generated blocks: pure, fit')).optional(),
    paths: z
      .object(
        perKind(() => configPath('a glob')),
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
    import: z
      .object({ regions: boundedMap(z.record(z.string(), text('a region'), says('must be a map from country to region'))).optional() }, says('must be a map with regions'))
      .optional(),
    rules: boundedMap(z.record(z.string(), severitySetting, says('must be a map from rule id to error, warn or off'))).optional(),
    schemas: z
      .object(
        perKind(() => configPath('a path')),
        says('must be a map from kind to a JSON Schema file'),
      )
      .optional(),
  },
  says('must be a YAML map of settings'),
);
export type ConfigFile = z.infer<typeof configSchema>;

/**
 * What the tools answer, as zod shapes the client receives as JSON Schemas (`outputSchema`).
 * They describe the CLI's JSON (cli.md, docs/reports.md) and accept fields added later: a
 * report or an account that gains a field must not turn a good answer into a protocol error.
 */
import * as z from 'zod';
import { REPORT_NAMES } from '../core/report/index.js';

const problem = z.looseObject({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  severity: z.enum(['error', 'warning']),
  rule: z.string().describe('the rule id (docs/rules.md)'),
  message: z.string(),
});

export const validateShape = z.looseObject({
  files: z.number().describe('workspace files checked'),
  errors: z.number(),
  warnings: z.number(),
  problems: z.array(problem),
});

const account = z.looseObject({
  id: z.string(),
  name: z.string(),
  segment: z.string().nullable(),
  motion: z.string().nullable(),
  pure: z.looseObject({ total: z.number(), tier: z.number(), tierName: z.string() }).nullable().describe('null: not scored (no pure block)'),
  fit: z.looseObject({ score: z.number(), tier: z.number(), tierName: z.string(), missing: z.array(z.string()) }),
  engagedStakeholders: z.number(),
  mqa: z.boolean(),
  explain: z.unknown().optional().describe('with explain: every component, its weight, contribution and source line'),
});

export const scoreShape = z.looseObject({
  asOf: z.string().describe('the date scores are computed for'),
  accounts: z.array(account),
});

export const reportShape = z.looseObject({
  asOf: z.string(),
  ...Object.fromEntries(REPORT_NAMES.map((name) => [name, z.unknown().optional().describe(`the ${name} report (docs/reports.md)`)])),
});

export const diffShape = z.looseObject({
  asOf: z.string().optional(),
  base: z.unknown().optional().describe('the revision compared with: { label, commit }'),
  head: z.unknown().optional().describe('the revision compared: { label, commit } (commit null: the working tree)'),
  summary: z.unknown().optional(),
});

export const reviewShape = z.looseObject({
  cadence: z.enum(['weekly', 'biweekly', 'monthly', 'quarterly']),
  asOf: z.string(),
  since: z.string().describe('the first day the agenda looks back to'),
  sections: z.array(z.looseObject({ id: z.string(), title: z.string(), items: z.array(z.string()), note: z.string().nullable() })),
});

export const writtenShape = z.looseObject({
  file: z.string().describe('the file written, relative to the workspace root'),
  created: z.boolean(),
  warnings: z.number(),
  problems: z.array(problem).describe("the file's warnings (an error stops the write)"),
  score: account.optional().describe("an account's scores after the write"),
});

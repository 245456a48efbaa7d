/** A segment matrix: `segments/<id>.md`. Segments are read first: every account's score needs its segment's criteria. */
import * as z from 'zod';
import type { Finding } from '../problem.js';
import { criteriaSchema, nonEmptyText, percent, says, text, textList } from '../schemas.js';
import { field, markdownFile, yamlScalar } from '../templates.js';
import { missingFlags, required, str, titleOf } from './ask.js';
import { asking, markdownKind, type Entry, type Flags, type NewSetting, type Prompter } from './kind.js';


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

export function segmentRules(segment: Segment): Finding[] {
  const out: Finding[] = [];
  const pains = segment.pain_points?.length ?? 0;
  if (pains !== 3) {
    out.push({
      rule: 'segment-top3-pain',
      path: segment.pain_points ? ['pain_points'] : [],
      message: `a segment names its top 3 pain points: pain_points has ${pains}`,
    });
  }
  for (const [fact, criterion] of Object.entries(segment.criteria?.firmographic ?? {})) {
    if (!Array.isArray(criterion) && criterion.min !== undefined && criterion.max !== undefined && criterion.min > criterion.max) {
      out.push({ rule: 'schema', path: ['criteria', 'firmographic', fact], message: `criteria.firmographic.${fact} has min ${criterion.min} above max ${criterion.max}` });
    }
  }
  return out;
}

/** One error, on the segment whose share takes the total past 100 (in path order). */
export function budgetShareFindings(segments: readonly Entry<Segment>[]): Map<string, Finding> {
  const out = new Map<string, Finding>();
  const shares = segments.filter((s) => s.data.budget_share !== undefined).sort((x, y) => (x.file < y.file ? -1 : 1));
  const sum = shares.reduce((s, x) => s + (x.data.budget_share ?? 0), 0);
  let total = 0;
  for (const s of shares) {
    total += s.data.budget_share ?? 0;
    if (total > 100 + 1e-9) {
      out.set(s.file, {
        rule: 'budget-share-sum',
        path: ['budget_share'],
        message: `the segments' budget shares add up to ${+sum.toFixed(6)}%, more than 100% (${shares.map((x) => `${x.id} ${x.data.budget_share}`).join(', ')})`,
      });
      break;
    }
  }
  return out;
}

export interface NewSegment {
  name: string;
  icp?: string;
  pain_points?: readonly string[];
  key_message?: string;
}

export function segmentFile(s: NewSegment): string {
  const lines = [...field('name', s.name), ...field('icp', s.icp)];
  const pains = (s.pain_points ?? []).filter((p) => p.trim() !== '');
  if (pains.length > 0) {
    lines.push('pain_points:');
    for (const p of pains) lines.push(`  - ${yamlScalar(p)}`);
  }
  lines.push(...field('key_message', s.key_message));
  return markdownFile(lines, s.name);
}

export async function segmentAnswers(flags: Flags, setting: NewSetting, prompter?: Prompter): Promise<NewSegment> {
  const name = str(flags.name);
  if (!prompter) {
    if (name === undefined) throw missingFlags('segment', ['--name']);
    return { name };
  }
  const answers: NewSegment = { name: name ?? (await prompter.input({ message: 'Segment name', default: titleOf(setting.id), validate: required })).trim() };
  const icp = (await prompter.input({ message: 'Ideal customer profile in a sentence (optional)' })).trim();
  if (icp) answers.icp = icp;
  const pains: string[] = [];
  for (const n of ['first', 'second', 'third']) {
    const pain = (await prompter.input({ message: `The ${n} of the top 3 pain points (optional)` })).trim();
    if (pain) pains.push(pain);
  }
  if (pains.length > 0) answers.pain_points = pains;
  const message = (await prompter.input({ message: 'Key message (optional)' })).trim();
  if (message) answers.key_message = message;
  return answers;
}

export const segmentKind = markdownKind<'segments', Segment, 'segment'>({
  kind: 'segments',
  singular: 'segment',
  schema: segmentSchema,
  title: 'abx segment matrix',
  first: true,
  keepWhenLean: true,
  rules: segmentRules,
  afterAll: budgetShareFindings,
  newFile: asking(segmentAnswers, segmentFile),
});

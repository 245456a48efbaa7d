/** A journey map: `journeys/<id>.md`, what the customer and the team do at each configured stage. */
import * as z from 'zod';
import type { Finding } from '../problem.js';
import { idRef, nonEmptyText, says, text, textList } from '../schemas.js';
import { didYouMean } from '../suggest.js';
import { field, markdownFile, yamlScalar } from '../templates.js';
import { checkSegment, missingFlags, pickSegment, required, str, titleOf } from './ask.js';
import { asking, markdownKind, type Flags, type NewSetting, type Prompter, type RuleSettings } from './kind.js';


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

export function journeyRules(journey: Journey, config: RuleSettings): Finding[] {
  const out: Finding[] = [];
  const stages = journey.stages ?? {};
  for (const stage of config.journeyStages) {
    if (!Object.prototype.hasOwnProperty.call(stages, stage)) {
      out.push({ rule: 'journey-stage-missing', path: journey.stages ? ['stages'] : [], message: `the journey map has no "${stage}" stage` });
    }
  }
  for (const stage of Object.keys(stages)) {
    if (!config.journeyStages.includes(stage)) {
      out.push({
        rule: 'unknown-key',
        path: ['stages', stage],
        message: `"${stage}" is not a configured journey stage${didYouMean(stage, config.journeyStages)}; stages: ${config.journeyStages.join(', ')}`,
      });
    }
  }
  return out;
}

export interface NewJourney {
  name: string;
  segment?: string;
  persona?: string;
  stages: readonly string[];
}

export const JOURNEY_LISTS = ['customer_activities', 'internal_activities', 'stakeholders', 'deliverables'] as const;

export function journeyFile(j: NewJourney): string {
  const lines = [...field('name', j.name), ...field('segment', j.segment), ...field('persona', j.persona)];
  if (j.stages.length > 0) {
    lines.push('stages:');
    for (const stage of j.stages) {
      lines.push(`  ${yamlScalar(stage)}:`);
      for (const list of JOURNEY_LISTS) lines.push(`    ${list}: []`);
    }
  }
  return markdownFile(lines, j.name);
}

export async function journeyAnswers(flags: Flags, setting: NewSetting, prompter?: Prompter): Promise<NewJourney> {
  const name = str(flags.name);
  const segment = str(flags.segment);
  checkSegment(segment, setting);
  const base = { segment, persona: str(flags.persona), stages: setting.journeyStages };
  if (!prompter) {
    if (name === undefined) throw missingFlags('journey', ['--name']);
    return { name, ...base };
  }
  const answers: NewJourney = { name: name ?? (await prompter.input({ message: 'Journey name', default: titleOf(setting.id), validate: required })).trim(), ...base };
  if (segment === undefined && setting.segments.length > 0) answers.segment = await pickSegment(prompter, setting, '(none)');
  if (base.persona === undefined) {
    const persona = (await prompter.input({ message: 'Persona (optional, e.g. VP Operations)' })).trim();
    if (persona) answers.persona = persona;
  }
  return answers;
}

export const journeyKind = markdownKind<'journeys', Journey, 'journey'>({
  kind: 'journeys',
  singular: 'journey',
  schema: journeySchema,
  title: 'abx journey map',
  rules: (journey, ctx) => journeyRules(journey, ctx.config),
  references: (journey) => (journey.segment ? [{ kind: 'segments', what: 'segment', value: journey.segment, path: ['segment'], name: 'segment' }] : []),
  newFile: asking(journeyAnswers, journeyFile),
});

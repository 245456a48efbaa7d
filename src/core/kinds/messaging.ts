/**
 * A messaging file: `messaging/<id>.md`, one product or offer narrative in three layers (method.md
 * §1): the category narrative, the capability-to-benefit translation matrix by segment, and the
 * persona message map whose proof points are collateral ids.
 */
import * as z from 'zod';
import type { Finding } from '../problem.js';
import { idRef, nonEmptyText, says, text, textList } from '../schemas.js';
import { didYouMean } from '../suggest.js';
import { field, markdownFile, yamlScalar } from '../templates.js';
import { checkSegment, missingFlags, required, str, titleOf } from './ask.js';
import { asking, markdownKind, type Flags, type NewSetting, type Prompter, type Reference, type RuleContext } from './kind.js';

const capabilitySchema = z.object(
  {
    capability: nonEmptyText(),
    so_what: text().nullable().optional(),
    benefits: z.record(idRef, text(), says('must be a map from segment id to the benefit for that segment')).optional(),
  },
  says('must be a map with capability, so_what and benefits'),
);

const personaSchema = z.object(
  {
    persona: nonEmptyText('a persona title'),
    cares_about: text().nullable().optional(),
    message: text().nullable().optional(),
    proof_points: z.array(idRef, says('must be a list of collateral ids')).optional(),
  },
  says('must be a map with persona, cares_about, message and proof_points'),
);

export const messagingSchema = z.object(
  {
    name: nonEmptyText(),
    segments: z.array(idRef, says('must be a list of segment ids')).optional(),
    category_narrative: text().nullable().optional(),
    capabilities: z.array(capabilitySchema, says('must be a list of capabilities')).optional(),
    personas: z.array(personaSchema, says('must be a list of persona messages')).optional(),
    keywords: textList('a list of phrases').optional(),
  },
  says('must be a YAML map of fields'),
);
export type Messaging = z.infer<typeof messagingSchema>;
export type Capability = z.infer<typeof capabilitySchema>;
export type PersonaMessage = z.infer<typeof personaSchema>;

const blank = (v: string | null | undefined) => v === undefined || v === null || v.trim() === '';

/** Persona titles match case-insensitively and without surrounding space. */
export const personaKey = (title: string) => title.trim().toLowerCase();

/** The segments this messaging serves, each once, in the order written. */
export function servedSegments(m: Messaging): string[] {
  return [...new Set(m.segments ?? [])];
}

export function messagingRules(m: Messaging, ctx: Pick<RuleContext, 'segmentPersonas'>): Finding[] {
  const out: Finding[] = [];
  if (blank(m.category_narrative)) {
    out.push({
      rule: 'messaging-incomplete',
      path: m.category_narrative === undefined ? [] : ['category_narrative'],
      message: 'the messaging has no category_narrative: layer 1 says why this matters to the world',
    });
  }
  const served = servedSegments(m);
  m.capabilities?.forEach((c, i) => {
    if (blank(c.so_what)) {
      out.push({ rule: 'messaging-incomplete', path: ['capabilities', i], message: `capabilities[${i}] "${c.capability}" has no so_what: say why the capability matters before whom it helps` });
    }
    for (const segment of served) {
      if (c.benefits && Object.prototype.hasOwnProperty.call(c.benefits, segment) && !blank(c.benefits[segment])) continue;
      out.push({ rule: 'capability-benefit-missing', path: ['capabilities', i], message: `capabilities[${i}] "${c.capability}" has no benefit for the served segment ${segment}` });
    }
  });

  // Persona titles of the served segments that were read; a segment with errors is left out.
  const titles = new Map<string, string>();
  let allRead = served.length > 0;
  for (const segment of served) {
    const personas = ctx.segmentPersonas(segment);
    if (personas === undefined) allRead = false;
    for (const t of personas ?? []) if (!titles.has(personaKey(t))) titles.set(personaKey(t), t.trim());
  }
  const covered = new Set((m.personas ?? []).map((p) => personaKey(p.persona)));
  for (const [key, title] of titles) {
    if (covered.has(key)) continue;
    out.push({ rule: 'persona-message-missing', path: ['segments'], message: `the persona "${title}" of a served segment has no entry in personas: every buyer gets a message` });
  }
  m.personas?.forEach((p, i) => {
    if (allRead && titles.size > 0 && !titles.has(personaKey(p.persona))) {
      const known = [...titles.values()];
      out.push({
        rule: 'unknown-reference',
        path: ['personas', i, 'persona'],
        message: `personas[${i}].persona "${p.persona}" is not a persona title of a served segment${didYouMean(p.persona, known)}; titles: ${known.join(', ')}`,
      });
    }
    if ((p.proof_points ?? []).length === 0) {
      out.push({ rule: 'proof-point-missing', path: p.proof_points === undefined ? ['personas', i] : ['personas', i, 'proof_points'], message: `personas[${i}] "${p.persona}" has no proof_points: proven, not promised (name collateral ids)` });
    }
  });
  return out;
}

export function messagingReferences(m: Messaging): Reference[] {
  const served = new Set(m.segments ?? []);
  const refs: Reference[] = (m.segments ?? []).map((value, i) => ({ kind: 'segments', what: 'segment', value, path: ['segments', i], name: `segments[${i}]` }));
  // A benefit for a segment that is not served is fine when the segment exists (method.md §1).
  m.capabilities?.forEach((c, i) => {
    for (const key of Object.keys(c.benefits ?? {})) {
      if (!served.has(key)) refs.push({ kind: 'segments', what: 'segment', value: key, path: ['capabilities', i, 'benefits', key], name: `capabilities[${i}].benefits.${key}` });
    }
  });
  m.personas?.forEach((p, i) =>
    (p.proof_points ?? []).forEach((value, j) => refs.push({ kind: 'collateral', what: 'collateral', value, path: ['personas', i, 'proof_points', j], name: `personas[${i}].proof_points[${j}]` })),
  );
  return refs;
}

export interface NewMessaging {
  name: string;
  segments: string[];
  category_narrative?: string;
}

export function messagingFile(m: NewMessaging): string {
  const lines = [...field('name', m.name)];
  if (m.segments.length > 0) lines.push(`segments: [${m.segments.map((s) => yamlScalar(s, true)).join(', ')}]`);
  lines.push(...field('category_narrative', m.category_narrative));
  lines.push('capabilities: []', 'personas: []', 'keywords: []');
  return markdownFile(lines, m.name);
}

export async function messagingAnswers(flags: Flags, setting: NewSetting, prompter?: Prompter): Promise<NewMessaging> {
  const segments = str(flags.segment)?.split(',').map((s) => s.trim()).filter((s) => s !== '') ?? [];
  for (const s of segments) checkSegment(s, setting);
  const name = str(flags.name);
  const narrative = str(flags.narrative);
  if (!prompter) {
    if (name === undefined) throw missingFlags('messaging', ['--name']);
    return { name, segments, category_narrative: narrative };
  }
  const answers: NewMessaging = { name: name ?? (await prompter.input({ message: 'Messaging name (the product or offer)', default: titleOf(setting.id), validate: required })).trim(), segments };
  if (segments.length === 0) {
    for (const s of setting.segments) if (await prompter.confirm({ message: `Serves ${s.name} (${s.id})?`, default: false })) segments.push(s.id);
  }
  answers.category_narrative = narrative ?? ((await prompter.input({ message: 'Category narrative: why this matters to the world (optional)' })).trim() || undefined);
  return answers;
}

export const messagingKind = markdownKind<'messaging', Messaging, 'messaging'>({
  kind: 'messaging',
  singular: 'messaging',
  schema: messagingSchema,
  title: 'abx messaging (capability matrix and persona map)',
  // Few files, and `abx diff` (lean) compares messaging coverage and overdue collateral.
  keepWhenLean: true,
  rules: (m, ctx) => messagingRules(m, ctx),
  references: messagingReferences,
  newFile: asking(messagingAnswers, messagingFile),
});

/** `abx new account`: the questions, from flags or a terminal, and the new scorecard's text. */
import { UsageError } from '../errors.js';
import { normaliseDomain } from '../import/domain.js';
import { MOTIONS, PURE_CRITERIA, type PureCriterion } from '../schemas.js';
import { PURE_LABELS, pureTierOf } from '../scoring/pure.js';
import { field, flowMap, markdownFile, type Facts } from '../templates.js';
import { Cancelled, checkChoice, quoted, checkSegment, missingFlags, pickSegment, required, str, titleOf } from './ask.js';
import type { Flags, NewSetting, Prompter } from './kind.js';

export interface PureAnswer {
  score: number;
  evidence: string;
}

export interface NewAccount {
  name: string;
  domain?: string;
  segment?: string;
  owner?: string;
  motion?: string;
  pure?: Record<PureCriterion, PureAnswer>;
  firmographics?: Facts;
  technographics?: Facts;
}

export function accountFile(a: NewAccount): string {
  const lines = [...field('name', a.name), ...field('domain', a.domain), ...field('segment', a.segment), ...field('owner', a.owner), ...field('motion', a.motion)];
  if (a.pure) {
    lines.push('pure:');
    for (const c of PURE_CRITERIA) {
      const { score, evidence } = a.pure[c];
      lines.push(`  ${c}: ${flowMap(evidence.trim() === '' ? [['score', score]] : [['score', score], ['evidence', evidence]])}`);
    }
  }
  const firmographics = Object.entries(a.firmographics ?? {});
  if (firmographics.length > 0) lines.push(`firmographics: ${flowMap(firmographics)}`);
  const technographics = Object.entries(a.technographics ?? {});
  if (technographics.length > 0) lines.push(`technographics: ${flowMap(technographics)}`);
  return markdownFile(lines, a.name);
}


function parseScore(flag: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value).trim();
  if (!/^[0-3]$/.test(s)) throw new UsageError(`${flag} must be 0, 1, 2 or 3, not "${quoted(s)}"`);
  return Number(s);
}

/** PURE from flags: none, or all four with evidence for every score above 0. */
function pureFromFlags(flags: Flags): { pure?: Record<PureCriterion, PureAnswer>; missing: string[] } {
  const scores = Object.fromEntries(PURE_CRITERIA.map((c) => [c, parseScore(`--${c}`, flags[c])])) as Record<PureCriterion, number | undefined>;
  const evidence = Object.fromEntries(PURE_CRITERIA.map((c) => [c, str(flags[`${c}Evidence`])])) as Record<PureCriterion, string | undefined>;
  const given = PURE_CRITERIA.filter((c) => scores[c] !== undefined);
  for (const c of PURE_CRITERIA) {
    if (evidence[c] !== undefined && scores[c] === undefined && given.length === 0) throw new UsageError(`--${c}-evidence needs --${c} (a score 0-3)`);
  }
  if (given.length === 0) return { missing: [] };
  const missing: string[] = [];
  for (const c of PURE_CRITERIA) {
    if (scores[c] === undefined) missing.push(`--${c}`);
    else if ((scores[c] ?? 0) > 0 && evidence[c] === undefined) missing.push(`--${c}-evidence`);
  }
  if (missing.length > 0) return { missing };
  const pure = Object.fromEntries(PURE_CRITERIA.map((c) => [c, { score: scores[c] ?? 0, evidence: evidence[c] ?? '' }])) as Record<PureCriterion, PureAnswer>;
  return { pure, missing };
}

export function pureSummary(pure: Record<PureCriterion, PureAnswer>): string {
  const total = PURE_CRITERIA.reduce((sum, c) => sum + pure[c].score, 0);
  const tier = pureTierOf(total);
  return `PURE ${total}/12 → tier ${tier.tier} (${tier.name}): ${tier.resources}`;
}

const SCORE_CHOICES: Record<PureCriterion, string[]> = {
  painful: ['no pain we can see', 'a nuisance', 'hurts, and they say so', 'acute: costing them now'],
  urgent: ['no timeline', 'someday', 'this year', 'a deadline or mandate forces a decision'],
  recognized: ['they do not see it', 'hinted at', 'acknowledged internally', 'said publicly / asked for vendors'],
  expensive: ['costs little', 'some cost', 'a budget line', 'a big number: penalties, lost revenue'],
};

export async function accountAnswers(flags: Flags, setting: NewSetting, prompter?: Prompter): Promise<NewAccount> {
  const name = str(flags.name);
  const segment = str(flags.segment);
  const motion = str(flags.motion);
  checkSegment(segment, setting);
  checkChoice('--motion', motion, MOTIONS);
  const rawDomain = str(flags.domain);
  const domain = rawDomain === undefined ? undefined : normaliseDomain(rawDomain);
  if (rawDomain !== undefined && domain === undefined) throw new UsageError(`--domain "${quoted(rawDomain)}" is not a web domain (e.g. acme.com)`);
  const takenBy = (d: string | undefined) => (d === undefined ? undefined : setting.domains?.get(d));
  if (takenBy(domain) !== undefined) throw new UsageError(`--domain ${domain} is already the domain of ${takenBy(domain)}: one company, one account (add to that file instead)`);
  const fromFlags = pureFromFlags(flags);
  const base = { domain, segment, owner: str(flags.owner), motion };

  if (!prompter) {
    const missing = [...(name === undefined ? ['--name'] : []), ...fromFlags.missing];
    if (missing.length > 0) throw missingFlags('account', missing);
    return { name: name as string, ...base, pure: fromFlags.pure };
  }

  const answers: NewAccount = { name: name ?? (await prompter.input({ message: 'Account name', default: titleOf(setting.id), validate: required })).trim(), ...base };
  if (domain === undefined) {
    const d = (
      await prompter.input({
        message: 'Web domain (optional; matches CRM imports)',
        validate: (v) => {
          if (v.trim() === '') return true;
          const key = normaliseDomain(v);
          if (key === undefined) return 'not a web domain, e.g. acme.com';
          return takenBy(key) === undefined || `already the domain of ${takenBy(key)}`;
        },
      })
    ).trim();
    answers.domain = d === '' ? undefined : normaliseDomain(d);
  }
  if (segment === undefined && setting.segments.length > 0) answers.segment = await pickSegment(prompter, setting, '(none for now)');
  let pure = fromFlags.missing.length === 0 ? fromFlags.pure : undefined;
  if (!pure && (await prompter.confirm({ message: 'Score the PURE criteria now (you need evidence for each score above 0)?', default: true }))) {
    pure = {} as Record<PureCriterion, PureAnswer>;
    for (const c of PURE_CRITERIA) {
      const score = await prompter.select<number>({
        message: `${PURE_LABELS[c]} (0-3)`,
        choices: (SCORE_CHOICES[c] ?? []).map((label, n) => ({ name: `${n}  ${label}`, value: n })),
      });
      const evidence =
        score > 0
          ? (await prompter.input({ message: `Evidence for ${PURE_LABELS[c].toLowerCase()} (what did you see or hear?)`, validate: (v) => v.trim() !== '' || 'evidence is required for a score above 0' })).trim()
          : '';
      pure[c] = { score, evidence };
    }
  }
  answers.pure = pure;
  setting.out.write(`\n${pure ? pureSummary(pure) : 'Unscored: add the pure block when you have evidence.'}\n`);
  if (!(await prompter.confirm({ message: `Write ${setting.file}?`, default: true }))) throw new Cancelled();
  return answers;
}


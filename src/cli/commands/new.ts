/**
 * `abx new <kind> <id>`: one new segment, account, bet or journey. On a terminal it asks for
 * what the flags did not give (the prompts are injectable, see `Prompter`); without one it takes
 * flags only and names every missing flag instead of waiting for input. The new file is checked
 * with the rest of the workspace before it is written, and an existing file is never replaced.
 */
import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../core/analyze.js';
import { isDate } from '../../core/dates.js';
import { terminalText } from '../../format/escape/terminal.js';
import { normaliseDomain } from '../../core/import/domain.js';
import { BET_CATEGORIES, BET_STATUSES, ID_PATTERN, MOTIONS, PURE_CRITERIA, type Kind, type PureCriterion } from '../../core/schemas.js';
import { PURE_LABELS, pureTierOf } from '../../core/scoring/pure.js';
import { didYouMean } from '../../core/suggest.js';
import { accountFile, betFile, journeyFile, segmentFile, type NewAccount, type NewBet, type NewJourney, type NewSegment, type PureAnswer } from '../../core/templates.js';
import { renderStylish } from '../../format/stylish.js';
import { refreshBlocks } from '../../workspace/generated-blocks.js';
import { globBase } from '../../workspace/glob.js';
import { UnsafeWriteError, writeFileAtomic } from '../../workspace/write.js';
import { EXIT_FAILURE, EXIT_OK, UsageError, type Context, type Output } from '../context.js';
import { openWorkspace } from '../workspace.js';

export type NewKind = 'segment' | 'account' | 'bet' | 'journey';
const KIND_FOLDERS: Record<NewKind, Exclude<Kind, 'kpis'>> = { segment: 'segments', account: 'accounts', bet: 'bets', journey: 'journeys' };

/** The three prompt functions abx uses, shaped like @inquirer/prompts so tests can pass fakes. */
export interface Prompter {
  input(config: { message: string; default?: string; validate?: (value: string) => boolean | string }): Promise<string>;
  select<T>(config: { message: string; choices: { name: string; value: T; description?: string }[]; default?: T }): Promise<T>;
  confirm(config: { message: string; default?: boolean }): Promise<boolean>;
}

/** What `new` knows about the workspace when it asks. */
export interface NewSetting {
  id: string;
  segments: { id: string; name: string }[];
  journeyStages: readonly string[];
  /** Where the file will be written, relative to the root. */
  file: string;
  out: Output;
  /** Normalised domain → the account file that has it (an account per company). */
  domains?: ReadonlyMap<string, string>;
}

type Flags = Record<string, unknown>;

export class Cancelled extends Error {}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const flagName = (key: string) => `--${key.replace(/_/g, '-')}`;
const required = (value: string) => (value.trim() === '' ? 'required' : true);

function titleOf(id: string): string {
  return id.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
}

function checkChoice(flag: string, value: string | undefined, choices: readonly string[]): void {
  if (value !== undefined && !choices.includes(value)) throw new UsageError(`${flag} must be one of ${choices.join(', ')}, not "${terminalText(value, 60)}"${didYouMean(value, choices)}`);
}

function checkSegment(value: string | undefined, setting: NewSetting): void {
  if (value === undefined) return;
  if (!setting.segments.some((s) => s.id === value)) {
    const known = setting.segments.map((s) => s.id);
    throw new UsageError(`no segment "${terminalText(value, 60)}"${didYouMean(value, known)}${known.length > 0 ? `; segments: ${known.join(', ')}` : ': create one with abx new segment <id>'}`);
  }
}

function missingFlags(kind: NewKind, missing: string[]): UsageError {
  return new UsageError(`abx new ${kind} is not on a terminal, so it cannot ask: give ${missing.join(', ')} (see abx new --help)`);
}

function dateFlag(flag: string, value: unknown): string | undefined {
  const s = str(value);
  if (s !== undefined && !isDate(s)) throw new UsageError(`${flag} must be a date in the form YYYY-MM-DD, not "${terminalText(s, 60)}"`);
  return s;
}

/** Names Windows keeps for devices: a file `con.md` cannot be checked out there. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/;
const MAX_ID = 200;

/** Why `id` cannot name a new file, or undefined when it can. */
export function idProblem(id: string, kind: NewKind): string | undefined {
  const example = kind === 'account' ? 'acme-space' : `my-${kind}`;
  if (id.length > MAX_ID) return `the id is ${id.length} characters long: ids are at most ${MAX_ID} characters`;
  if (!ID_PATTERN.test(id)) return `"${terminalText(id, 60)}" is not a valid id: use lowercase letters, digits and single dashes, at most ${MAX_ID} characters (e.g. ${example})`;
  if (WINDOWS_RESERVED.test(id)) return `"${id}" is a device name on Windows, where ${id}.md cannot exist: choose another id (e.g. ${id}-${kind})`;
  return undefined;
}

function parseScore(flag: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value).trim();
  if (!/^[0-3]$/.test(s)) throw new UsageError(`${flag} must be 0, 1, 2 or 3, not "${terminalText(s, 60)}"`);
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
  if (rawDomain !== undefined && domain === undefined) throw new UsageError(`--domain "${terminalText(rawDomain, 60)}" is not a web domain (e.g. acme.com)`);
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
  if (segment === undefined && setting.segments.length > 0) {
    const picked = await prompter.select<string>({
      message: 'Segment',
      choices: [...setting.segments.map((s) => ({ name: `${s.name} (${s.id})`, value: s.id })), { name: '(none for now)', value: '' }],
    });
    answers.segment = picked === '' ? undefined : picked;
  }
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

export async function betAnswers(flags: Flags, setting: NewSetting, prompter?: Prompter): Promise<NewBet> {
  const category = str(flags.category);
  const status = str(flags.status) ?? 'proposed';
  checkChoice('--category', category, BET_CATEGORIES);
  checkChoice('--status', status, BET_STATUSES);
  const components = ['hypothesis', 'test', 'success_criteria', 'kill_condition', 'learning_output'] as const;
  const flagKey = { hypothesis: 'hypothesis', test: 'test', success_criteria: 'successCriteria', kill_condition: 'killCondition', learning_output: 'learningOutput' } as const;
  const values = Object.fromEntries(components.map((c) => [c, str(flags[flagKey[c]])])) as Record<(typeof components)[number], string | undefined>;
  const name = str(flags.name);
  const dates = { started: dateFlag('--started', flags.started), review_by: dateFlag('--review-by', flags.reviewBy) };
  const result = str(flags.result);
  // What the status needs, so that every status can be created (the rules bet-running-dates and bet-result-missing).
  const needs = [...(status === 'running' ? (['started', 'review_by'] as const).filter((k) => dates[k] === undefined) : []), ...((status === 'won' || status === 'killed') && result === undefined ? (['result'] as const) : [])];
  const extra = { ...(dates.started ? { started: dates.started } : {}), ...(dates.review_by ? { review_by: dates.review_by } : {}), ...(result ? { result } : {}) };
  if (!prompter) {
    const missing = [...(name === undefined ? ['--name'] : []), ...components.filter((c) => values[c] === undefined).map(flagName), ...needs.map(flagName)];
    if (missing.length > 0) throw missingFlags('bet', missing);
    return { name: name as string, category, status, owner: str(flags.owner), ...(values as Record<(typeof components)[number], string>), ...extra };
  }
  const questions: Record<(typeof components)[number], string> = {
    hypothesis: 'Hypothesis (We believe that [audience] will [behaviour] because [reason])',
    test: 'Test (what you will do, to whom, for how long)',
    success_criteria: 'Success criteria (the measurable result that means the bet won)',
    kill_condition: 'Kill condition (the result or date at which you stop)',
    learning_output: 'Learning output (what the team will know afterwards, win or lose)',
  };
  const answers: NewBet = {
    name: name ?? (await prompter.input({ message: 'Bet name', default: titleOf(setting.id), validate: required })).trim(),
    category: category ?? (await prompter.select<string>({ message: 'Category', choices: BET_CATEGORIES.map((c) => ({ name: c, value: c })) })),
    status,
    owner: str(flags.owner),
    hypothesis: '',
    test: '',
    success_criteria: '',
    kill_condition: '',
    learning_output: '',
  };
  for (const c of components) answers[c] = values[c] ?? (await prompter.input({ message: questions[c], validate: required })).trim();
  Object.assign(answers, extra);
  const asks = { started: 'Started on (YYYY-MM-DD)', review_by: 'Review by (YYYY-MM-DD)', result: `Result (what happened: why the bet was ${status})` } as const;
  for (const k of needs) {
    const validate = k === 'result' ? required : (v: string) => isDate(v.trim()) || 'a date in the form YYYY-MM-DD';
    answers[k] = (await prompter.input({ message: asks[k], validate })).trim();
  }
  return answers;
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
  if (segment === undefined && setting.segments.length > 0) {
    const picked = await prompter.select<string>({
      message: 'Segment',
      choices: [...setting.segments.map((s) => ({ name: `${s.name} (${s.id})`, value: s.id })), { name: '(none)', value: '' }],
    });
    answers.segment = picked === '' ? undefined : picked;
  }
  if (base.persona === undefined) {
    const persona = (await prompter.input({ message: 'Persona (optional, e.g. VP Operations)' })).trim();
    if (persona) answers.persona = persona;
  }
  return answers;
}

/** The new file's text for `kind`, asking through `prompter` when there is one. */
export async function newFileText(kind: NewKind, flags: Flags, setting: NewSetting, prompter?: Prompter): Promise<string> {
  switch (kind) {
    case 'account':
      return accountFile(await accountAnswers(flags, setting, prompter));
    case 'bet':
      return betFile(await betAnswers(flags, setting, prompter));
    case 'segment':
      return segmentFile(await segmentAnswers(flags, setting, prompter));
    case 'journey':
      return journeyFile(await journeyAnswers(flags, setting, prompter));
  }
}

export function parseKind(value: string | undefined): NewKind {
  const v = (value ?? '').toLowerCase();
  const kinds = Object.keys(KIND_FOLDERS) as NewKind[];
  const singular = (Object.entries(KIND_FOLDERS).find(([, folder]) => folder === v)?.[0] ?? v) as NewKind;
  if (!kinds.includes(singular)) throw new UsageError(`cannot create a "${terminalText(value ?? '', 60)}": use one of ${kinds.join(', ')}${didYouMean(v, kinds)}`);
  return singular;
}

export async function run(ctx: Context, args: string[], options: Record<string, unknown>, prompter?: Prompter): Promise<number> {
  const kind = parseKind(args[0]);
  const id = args[1] ?? '';
  const bad = idProblem(id, kind);
  if (bad !== undefined) throw new UsageError(bad);
  const ws = await openWorkspace(ctx);
  const folder = KIND_FOLDERS[kind];
  const base = globBase(ws.config.paths[folder]);
  const file = `${base === '' ? '' : `${base}/`}${id}.md`;
  const abs = join(ws.root, file);
  const existing = ws.analysis[folder].get(id)?.file ?? ws.sources.find((s) => s.kind === folder && s.path.endsWith(`/${id}.md`))?.path;
  if (existing !== undefined) throw new UsageError(`the ${kind} "${id}" exists already (${existing}): abx new never overwrites a file`);
  if (existsSync(abs) || isLink(abs)) throw new UsageError(`${file} exists already: abx new never overwrites a file`);

  const setting: NewSetting = {
    id,
    file,
    segments: [...ws.analysis.segments.values()].map((s) => ({ id: s.id, name: s.data.name })),
    journeyStages: ws.config.journeyStages,
    out: ctx.stdout,
    domains: new Map(
      [...ws.analysis.accounts.values()].flatMap((a) => {
        const key = normaliseDomain(a.data.domain);
        return key === undefined ? [] : [[key, a.file] as const];
      }),
    ),
  };
  let asker = prompter;
  if (!asker && ctx.interactive) asker = (await import('@inquirer/prompts')) as unknown as Prompter;

  let text: string;
  try {
    text = await newFileText(kind, options, setting, asker);
  } catch (err) {
    if (err instanceof Cancelled || (err as Error).name === 'ExitPromptError' || (err as Error).name === 'AbortPromptError') {
      ctx.stderr.write('Cancelled: nothing was written.\n');
      return err instanceof Cancelled ? EXIT_OK : EXIT_FAILURE;
    }
    throw err;
  }

  // The new file is checked together with the workspace, so a reference or rule it breaks stops it here.
  const analysis = analyze({ config: ws.config, files: [...ws.sources, { path: file, kind: folder, text }], asOf: ws.analysis.asOf });
  const errors = analysis.problems.filter((p) => p.file === file && p.severity === 'error');
  if (errors.length > 0) {
    ctx.stderr.write(`${renderStylish(errors, { chalk: ctx.chalk, quiet: true, files: 1, width: ctx.width })}abx new: the new ${kind} would not validate, so nothing was written.\n`);
    return EXIT_FAILURE;
  }
  const score = kind === 'account' ? analysis.scores.get(id) : undefined;
  if (score) text = refreshBlocks(text, score);
  try {
    writeFileAtomic(ws.root, abs, text);
  } catch (err) {
    if (err instanceof UnsafeWriteError) throw new UsageError(`refusing to write ${file}: its folder is a link that leads out of the workspace (abx writes only inside it)`);
    throw new UsageError(`cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }

  if (!ctx.quiet) {
    const detail = score ? (score.pure ? ` (PURE ${score.pure.total}/12, tier ${score.pure.tier} ${score.pure.tierName}; fit ${score.fit.score}, tier ${score.fit.tier})` : ' (unscored)') : '';
    ctx.stdout.write(`${ctx.chalk.green('✔')} Created ${file}${detail}.\n`);
  }
  return EXIT_OK;
}

function isLink(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

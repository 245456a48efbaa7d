/**
 * `abx new <kind> <id>`: one new file of a kind that has `newFile` (`kinds/<kind>.ts` holds its
 * questions and template). On a terminal it asks for what the flags did not give (the prompts are
 * injectable, see `Prompter`); without one it takes flags only and names every missing flag
 * instead of waiting for input. The new file is checked with the rest of the workspace before it
 * is written, and an existing file is never replaced.
 */
import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../core/analyze.js';
import { terminalText } from '../../format/escape/terminal.js';
import { normaliseDomain } from '../../core/import/domain.js';
import { Cancelled } from '../../core/kinds/ask.js';
import { fileId, KIND_DEFS, type Kind } from '../../core/kinds/index.js';
import type { Flags, KindDef, NewSetting, Prompter } from '../../core/kinds/kind.js';
import { ID_PATTERN } from '../../core/schemas.js';
import { didYouMean } from '../../core/suggest.js';
import { renderStylish } from '../../format/validate/stylish.js';
import { refreshBlocks } from '../../workspace/generated-blocks.js';
import { globBase } from '../../workspace/glob.js';
import { writeFileAtomic, UnsafeWriteError } from '../../workspace/write.js';
import { EXIT_FAILURE, EXIT_OK, UsageError, type Context } from '../context.js';
import { openWorkspace } from '../workspace.js';

export { accountAnswers, pureSummary } from '../../core/kinds/account-questions.js';
export { betAnswers } from '../../core/kinds/bet.js';
export { journeyAnswers } from '../../core/kinds/journey.js';
export { segmentAnswers } from '../../core/kinds/segment.js';
export { Cancelled };
export type { NewSetting, Prompter };

/** The kinds `abx new` makes, by their singular. */
const NEW_KINDS = (KIND_DEFS as readonly KindDef[]).filter((k) => k.newFile);

/** The new file's text for `kind` (a singular), asking through `prompter` when there is one. */
export async function newFileText(kind: string, flags: Flags, setting: NewSetting, prompter?: Prompter): Promise<string> {
  const def = NEW_KINDS.find((k) => k.singular === kind);
  if (!def?.newFile) throw new UsageError(`cannot create a "${terminalText(kind, 60)}"`);
  return def.newFile(flags, setting, prompter);
}

/** Names Windows keeps for devices: a file `con.md` cannot be checked out there. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/;
const MAX_ID = 200;

/** Why `id` cannot name a new file, or undefined when it can. */
export function idProblem(id: string, kind: string): string | undefined {
  const example = kind === 'account' ? 'acme-space' : `my-${kind}`;
  if (id.length > MAX_ID) return `the id is ${id.length} characters long: ids are at most ${MAX_ID} characters`;
  if (!ID_PATTERN.test(id)) return `"${terminalText(id, 60)}" is not a valid id: use lowercase letters, digits and single dashes, at most ${MAX_ID} characters (e.g. ${example})`;
  if (WINDOWS_RESERVED.test(id)) return `"${id}" is a device name on Windows, where ${id}.md cannot exist: choose another id (e.g. ${id}-${kind})`;
  return undefined;
}

/** The singular of a kind `abx new` makes, from its singular or its folder's name. */
export function parseKind(value: string | undefined): string {
  const v = (value ?? '').toLowerCase();
  const kinds = NEW_KINDS.map((k) => k.singular);
  const def = NEW_KINDS.find((k) => k.singular === v || k.kind === v);
  if (!def) throw new UsageError(`cannot create a "${terminalText(value ?? '', 60)}": use one of ${kinds.join(', ')}${didYouMean(v, kinds)}`);
  return def.singular;
}

export async function run(ctx: Context, args: string[], options: Record<string, unknown>, prompter?: Prompter): Promise<number> {
  const kind = parseKind(args[0]);
  const id = args[1] ?? '';
  const bad = idProblem(id, kind);
  if (bad !== undefined) throw new UsageError(bad);
  const ws = await openWorkspace(ctx);
  const def = NEW_KINDS.find((k) => k.singular === kind) as KindDef;
  const folder = def.kind as Kind;
  const base = globBase(ws.config.paths[folder]);
  const file = `${base === '' ? '' : `${base}/`}${id}${def.format === 'yaml' ? '.yaml' : '.md'}`;
  const abs = join(ws.root, file);
  const existing = ws.sources.find((s) => s.kind === folder && fileId(s.path, s.kind) === id)?.path;
  if (existing !== undefined) throw new UsageError(`the ${kind} "${id}" exists already (${existing}): abx new never overwrites a file`);
  if (existsSync(abs) || isLink(abs)) throw new UsageError(`${file} exists already: abx new never overwrites a file`);

  const setting: NewSetting = {
    id,
    file,
    segments: [...ws.analysis.segments.values()].map((s) => ({ id: s.id, name: s.data.name })),
    journeyStages: ws.config.journeyStages,
    asOf: ws.analysis.asOf,
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
  if (score) text = refreshBlocks(text, score, { blocks: ws.config.generatedBlocks });
  try {
    writeFileAtomic(ws.root, abs, text);
  } catch (err) {
    if (err instanceof UnsafeWriteError) throw new UsageError(`refusing to write ${file}: its folder is a link that leads out of the workspace (abx writes only inside it)`);
    throw new UsageError(`cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }

  if (!ctx.quiet) {
    const detail = score ? (score.pure ? ` (PURE ${score.pure.total}/12, tier ${score.pure.tier} ${score.pure.tierName}; fit ${score.fit.score}, tier ${score.fit.tier})` : ' (unscored)') : '';
    ctx.stdout.write(`${ctx.chalk.green('✔')} Created ${file}${detail}.\n`);
    if (score && score.segment === null) {
      const ids = setting.segments.map((seg) => seg.id);
      ctx.stdout.write(`${ctx.chalk.yellow('!')} No segment: firmographic and technographic fit stay 0 until the account has one (${ids.length === 0 ? 'create one with abx new segment <id>' : `segment: ${ids.slice(0, 5).join(' | ')}${ids.length > 5 ? ' | …' : ''}`}).\n`);
    }
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

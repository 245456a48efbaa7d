import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, join, relative, resolve, dirname, sep } from 'node:path';
import { KIND_DEFS } from '../../core/kinds/index.js';
import { packageRoot } from '../package-root.js';
import { linkOnTheWay, writeFileAtomic } from '../../workspace/write.js';
import { markTemplate } from '../../core/template-mark.js';
import { git, isInsideRepository } from '../../workspace/git.js';
import { renderWorkflow } from '../../core/workflow.js';
import { abxVersion } from '../version.js';
import { EXIT_FAILURE, EXIT_OK, UsageError, type Context } from '../context.js';

const TEMPLATES = join(packageRoot(), 'templates');
/** Folders of the kinds read after segments: their template files name the example segment. */
const NAMING_SEGMENTS = new Set<string>(KIND_DEFS.filter((k) => !('first' in k && k.first)).map((k) => k.kind));

export interface InitAnswers {
  company: string;
  stage: 'early' | 'scaling' | 'leader';
  segments: string[];
}

export async function run(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const target = resolve(ctx.cwd, args[0] ?? '.');
  const example = Boolean(options.example);
  const force = Boolean(options.force);

  const files = example ? exampleFiles() : await scaffoldFiles(ctx, target, options);
  files.push(...(await schemaFiles()));
  // The workflow goes where GitHub reads it: the repository root's .github/workflows/.
  const repo = repositoryOf(target);
  const workflow = workflowFile(repo, target);
  const existing = files.filter((f) => existsSync(join(target, f.path)));
  // --no-workflow: a team with its own CI, or a workspace made inside another project (`npm run example`).
  const wantsWorkflow = options.workflow !== false;
  const workflowExists = wantsWorkflow && existsSync(workflow.path);
  // At the workspace root the workflow is one of the workspace's files; in a subfolder it belongs to
  // the whole repository, so an existing one is left alone even with --force.
  if (workflowExists && repo.prefix === '') existing.push({ path: relative(target, workflow.path), content: '' });
  if (existing.length > 0 && !force) {
    ctx.stderr.write(
      `abx: ${existing.length === 1 ? 'this file exists' : 'these files exist'} already in ${target}:\n${existing
        .slice(0, 10)
        .map((f) => `  ${f.path}\n`)
        .join('')}${existing.length > 10 ? `  … and ${existing.length - 10} more\n` : ''}Nothing was written. Use --force to overwrite them.\n`,
    );
    return EXIT_FAILURE;
  }

  // Never through a link: a linked folder (.github -> elsewhere) is refused before anything is written.
  const writesWorkflow = wantsWorkflow && !(workflowExists && repo.prefix !== '');
  const targets = [...files.map((f) => [target, join(target, f.path)] as const), ...(writesWorkflow ? [[workflow.root, workflow.path] as const] : [])];
  const links = [...new Set(targets.map(([root, path]) => linkOnTheWay(root, path)).filter((l): l is string => l !== undefined))];
  if (links.length > 0) {
    throw new UsageError(`${links.map((l) => (relative(ctx.cwd, l).startsWith('..') ? l : relative(ctx.cwd, l))).join(', ')} ${links.length === 1 ? 'is a symbolic link' : 'are symbolic links'}: abx init does not write through links. Nothing was written.`);
  }
  mkdirSync(target, { recursive: true });
  const written: string[] = [];
  for (const f of files) {
    try {
      writeFileAtomic(target, join(target, f.path), f.content);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new UsageError(`cannot write ${f.path} (${why}). ${written.length === 0 ? 'Nothing was written.' : `Written before the failure: ${written.join(', ')}.`}`);
    }
    written.push(f.path);
  }

  let gitNote = '';
  let createdRepository = false;
  if (!repo.inside) {
    // `main`, whatever git's own default: the workflow checks pushes to that branch.
    const r = git(target, ['init', '--quiet']);
    if (r.ok) git(target, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
    createdRepository = r.ok;
    gitNote = r.ok ? 'Initialised a git repository (branch main).\n' : r.available ? `git init failed: ${r.stderr.trim()}\n` : 'git is not installed: the workspace was created without a repository.\n';
  }
  let workflowNote = '';
  const workflowRel = repo.prefix === '' ? '.github/workflows/abx.yml' : relative(ctx.cwd, workflow.path) || workflow.path;
  if (!wantsWorkflow) {
    workflowNote = '';
  } else if (!writesWorkflow) {
    workflowNote =
      `\n${workflowRel} exists already: nothing was written there. To check this workspace on pull requests, ` +
      `save this as another file in that folder (for example abx-${slug(basename(target)) || 'workspace'}.yml), or merge its jobs into yours:\n\n${workflow.content}\n`;
  } else {
    try {
      writeFileAtomic(workflow.root, workflow.path, workflow.content);
    } catch (err) {
      throw new UsageError(`cannot write ${workflowRel} (${err instanceof Error ? err.message : String(err)}). Written before the failure: ${written.join(', ')}.`);
    }
    workflowNote = repo.prefix === '' ? '' : `Wrote ${workflowRel} at the repository root (working-directory: ${repo.prefix}).\n`;
  }
  // The repository abx just made gets a first commit of what it wrote, workflow included.
  if (createdRepository) {
    const paths = [...written, ...(writesWorkflow ? [relative(target, workflow.path).split(sep).join('/')] : [])];
    gitNote = `Initialised a git repository (branch main)${firstCommit(target, paths)}.\n`;
  }

  if (!ctx.quiet) {
    const rel = relative(ctx.cwd, target);
    const where = rel === '' ? '.' : rel.startsWith('..') ? target : rel;
    ctx.stdout.write(
      `${ctx.chalk.green('✔')} Created ${example ? 'the example workspace' : 'a workspace'} in ${where} (${files.length} files).\n${gitNote}\nNext:\n` +
        `  abx -C ${where} validate\n  abx -C ${where} score\n  abx -C ${where} report tiers\n` +
        workflowNote,
    );
  }
  return EXIT_OK;
}

/**
 * The first commit of a repository `init` created, holding exactly the files it wrote, so that
 * `abx diff`, `history` and `show` have a base from the start. Without a git identity (user.name
 * and user.email) nothing is committed and the note says so: abx never invents an author.
 */
function firstCommit(dir: string, paths: readonly string[]): string {
  const add = git(dir, ['add', '--pathspec-from-file=-', '--pathspec-file-nul'], paths.map((p) => `${p}\0`).join(''));
  if (!add.ok) return ' (the files are not committed: git add failed)';
  const commit = git(dir, ['-c', 'commit.gpgsign=false', 'commit', '--quiet', '--no-verify', '-m', 'Start the ABX workspace (abx init)']);
  if (!commit.ok) return ' (no first commit: set git user.name and user.email, then commit the files)';
  return ' with a first commit';
}

interface TemplateFile {
  path: string;
  content: string;
}

function readTree(dir: string, prefix = ''): TemplateFile[] {
  const out: TemplateFile[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...readTree(dir, rel));
    else if (entry.isFile()) out.push({ path: rel, content: readFileSync(join(dir, rel), 'utf8') });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function exampleFiles(): TemplateFile[] {
  const files = readTree(join(TEMPLATES, 'example'));
  const editor = readTree(join(TEMPLATES, 'init')).filter((f) => f.path.startsWith('.vscode/'));
  return [...files, ...editor];
}

interface RepositoryPlace {
  inside: boolean;
  /** The repository's top folder ('' when not inside one). */
  top: string;
  /** The workspace folder relative to the top, with `/` and no trailing slash; '' at the top. */
  prefix: string;
  /** The branch checked out (unborn included), else main. */
  branch: string;
}

/** Where `target` (which may not exist yet) sits in a git repository, asked from its nearest existing folder. */
function repositoryOf(target: string): RepositoryPlace {
  let probe = target;
  while (!existsSync(probe) && dirname(probe) !== probe) probe = dirname(probe);
  if (!isInsideRepository(probe)) return { inside: false, top: target, prefix: '', branch: 'main' };
  const top = git(probe, ['rev-parse', '--show-toplevel']).stdout.trim();
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  // Compare real paths (a temporary folder may sit behind a link); the part of target not created yet is appended.
  const existingPart = real(probe);
  const rest = relative(probe, target);
  const prefix = relative(real(top), join(existingPart, rest)).split(sep).join('/');
  const head = git(probe, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  return { inside: true, top, prefix, branch: (head.ok && head.stdout.trim()) || 'main' };
}

function workflowFile(repo: RepositoryPlace, target: string): { root: string; path: string; content: string } {
  const root = repo.inside && repo.prefix !== '' ? repo.top : target;
  const content = renderWorkflow({ version: abxVersion(), branch: repo.branch, workingDirectory: repo.prefix });
  return { root, path: join(root, '.github', 'workflows', 'abx.yml'), content };
}

/** JSON Schemas for editors, generated now so they match this version of abx (.vscode/settings.json points at them). */
async function schemaFiles(): Promise<TemplateFile[]> {
  const { SCHEMA_KINDS, kindJsonSchema } = await import('../../core/json-schema.js');
  return SCHEMA_KINDS.map((kind) => ({ path: `.abx/schemas/${kind}.schema.json`, content: `${JSON.stringify(kindJsonSchema(kind), null, 2)}\n` }));
}

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The questions init asks, behind an interface so tests can answer them. */
export interface InitPrompter {
  input(message: string, defaultValue: string): Promise<string>;
  selectStage(message: string, defaultValue: InitAnswers['stage']): Promise<InitAnswers['stage']>;
}

async function inquirerPrompter(): Promise<InitPrompter> {
  const { input, select } = await import('@inquirer/prompts');
  return {
    input: (message, defaultValue) => input({ message, default: defaultValue }),
    selectStage: (message, defaultValue) =>
      select({
        message,
        choices: [
          { name: 'early (0→1): branding & positioning first', value: 'early' as const },
          { name: 'scaling (1→10): demand generation first', value: 'scaling' as const },
          { name: 'leader: demand generation and customer marketing', value: 'leader' as const },
        ],
        default: defaultValue,
      }),
  };
}

export async function askInitAnswers(prompter: InitPrompter, defaults: InitAnswers): Promise<InitAnswers> {
  const company = (await prompter.input('Company name (shown in reports)', defaults.company)).trim() || defaults.company;
  const stage = await prompter.selectStage('Company stage (picks the budget guidance)', defaults.stage);
  const segmentText = await prompter.input('First segments, comma-separated (leave empty for one example segment)', defaults.segments.join(', '));
  return { company, stage, segments: splitList(segmentText) };
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

async function answers(ctx: Context, target: string, options: Record<string, unknown>): Promise<InitAnswers> {
  const defaults: InitAnswers = {
    company: (options.company as string | undefined) ?? 'My Company',
    stage: (options.stage as InitAnswers['stage'] | undefined) ?? 'early',
    segments: splitList(String(options.segments ?? '')),
  };
  if (options.yes || !ctx.interactive) return defaults;
  return askInitAnswers(await inquirerPrompter(), { ...defaults, company: options.company ? defaults.company : titleOf(basename(target)) });
}

/** The example segment, account, bet and journey are marked, so reports leave them out until edited. */
function exampleContent(files: TemplateFile[]): TemplateFile[] {
  return files.map((f) => (/^(segments|accounts|bets|journeys)\/example-[a-z-]+\.md$/.test(f.path) ? { ...f, content: markTemplate(f.content) } : f));
}

function titleOf(folder: string): string {
  const words = folder.replace(/[-_]+/g, ' ').trim();
  return words ? words.replace(/\b\w/g, (c) => c.toUpperCase()) : 'My Company';
}

async function scaffoldFiles(ctx: Context, target: string, options: Record<string, unknown>): Promise<TemplateFile[]> {
  const a = await answers(ctx, target, options);
  const ids = a.segments.map(slug);
  const bad = a.segments.filter((_, i) => !ids[i]);
  if (bad.length > 0) throw new UsageError(`segment names need letters or digits: ${bad.join(', ')}`);
  if (new Set(ids).size !== ids.length) throw new UsageError('two segment names give the same id');

  const out: TemplateFile[] = [];
  for (const f of readTree(join(TEMPLATES, 'init'))) {
    if (f.path === 'abx.config.yaml') {
      out.push({ path: f.path, content: f.content.replace('{{company}}', JSON.stringify(a.company)).replace('{{stage}}', a.stage) });
    } else if (f.path === 'segments/example-segment.md' && ids.length > 0) {
      const share = ids.length <= 4 ? 25 : Math.floor(100 / ids.length);
      a.segments.forEach((name, i) => {
        out.push({
          path: `segments/${ids[i]}.md`,
          content: f.content
            .replace(/^name: Example Segment( *)/m, (_m, pad: string) => `name: ${JSON.stringify(name)}${pad}`)
            .replace(/^# Example Segment$/m, `# ${name.replace(/[\r\n]/g, ' ')}`)
            .replace(/^budget_share: 25/m, `budget_share: ${share}`),
        });
      });
    } else if (ids.length > 0 && NAMING_SEGMENTS.has(f.path.split('/')[0] as string)) {
      out.push({ path: f.path, content: f.content.replace(/\bexample-segment\b/g, ids[0] as string) });
    } else {
      out.push(f);
    }
  }
  // The plan starts and the first asset was reviewed the day the workspace is made: no warnings on day 1.
  return exampleContent(out.map((f) => (f.content.includes('{{today}}') ? { ...f, content: f.content.replaceAll('{{today}}', ctx.today) } : f)));
}

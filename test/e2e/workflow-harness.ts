/**
 * Workflow harness: runs the `run:` steps of a GitHub Actions workflow on this machine, in order,
 * each with its `env`, so a test can check what the workflow `abx init` writes really does on a
 * pull request: the annotations of the check job and the comment the comment job posts.
 *
 * What it simulates, and how:
 * - `uses:` steps are not run. Checkout is the repository the test made (`pullRequestRepo`: `main`
 *   with the base workspace, `origin/main` pointing at it, a branch with the change and, checked out
 *   detached, the merge commit GitHub tests a pull request on); setup-node is the Node running
 *   the tests.
 * - abx comes from `npm pack` of this checkout (`packAbx`), installed offline into a temporary
 *   prefix (`installAbx`). The workflow's own install step fetches from the npm registry, so a
 *   test replaces that one step's script (`replace`), keeping its env.
 * - `gh` is a fake (`fakeGh`) keeping the pull request's comments in a JSON file: `gh api` for the
 *   comment list (its `--jq` filter run by the real jq when installed), `gh api --method PATCH`
 *   for an edit, `gh pr comment` for a new comment.
 * - `${{ … }}` in `if:`, `env:`, job outputs and `working-directory` are evaluated: `!`, `&&`,
 *   `||`, `==`, `!=`, parentheses, 'strings', numbers, `success()`, `failure()`, `always()`,
 *   `cancelled()`, `steps.<id>.outputs.<name>`, `steps.<id>.outcome`, `needs.<job>.outputs.<name>`,
 *   `needs.<job>.result`, `env.<name>`, and every other name from the `context` the test gives
 *   (`github.event_name`, `github.base_ref`, …). A name with no value throws: nothing is guessed.
 * - GITHUB_OUTPUT (`name=value` and `name<<DELIMITER` blocks), GITHUB_STEP_SUMMARY and RUNNER_TEMP
 *   are files in a temporary folder; scripts run with `bash -e`, as the runner's default shell.
 *
 * API (all synchronous):
 *   packAbx(): string                               the tarball path (packed once per test file)
 *   installAbx(tarball?): string                     a folder holding the `abx` executable
 *   readWorkflow(text): Workflow                     the parsed workflow
 *   pullRequestRepo({ base, change, folder? })       a repository on a pull-request-like checkout
 *   pullRequestContext(overrides?)                   the `github.*` values of a same-repository pull request
 *   fakeGh(): FakeGh                                 a `gh` on PATH and the comments it holds
 *   runJob(workflow, jobId, options): JobRun         one job's steps; `needs` takes earlier JobRuns
 *   parseAnnotations(text): Annotation[]             `::error file=…::message` lines, unescaped
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { REPO, tempDir } from '../helpers.js';

// ---------------------------------------------------------------- the workflow

export interface WorkflowStep {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string | number | boolean>;
  'working-directory'?: string;
}

export interface WorkflowJob {
  if?: string;
  needs?: string | string[];
  env?: Record<string, string | number | boolean>;
  defaults?: { run?: { 'working-directory'?: string } };
  outputs?: Record<string, string>;
  steps: WorkflowStep[];
}

export interface Workflow {
  env?: Record<string, string | number | boolean>;
  jobs: Record<string, WorkflowJob>;
}

export function readWorkflow(text: string): Workflow {
  return parse(text) as Workflow;
}

// ---------------------------------------------------------------- abx from its tarball

let packed: string | undefined;

/** `npm pack` of this checkout (built already: `npm test` builds first) into a temporary folder; scripts are not run, nothing is written into the repository. */
export function packAbx(): string {
  if (packed) return packed;
  const dir = tempDir('abx-pack-');
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: REPO, encoding: 'utf8' });
  const name = out.trim().split('\n').pop() ?? '';
  packed = join(dir, name);
  if (!existsSync(packed)) throw new Error(`npm pack wrote no ${packed}: ${out}`);
  return packed;
}

/** Installs the tarball offline (it bundles its one run-time dependency) into a temporary global prefix; returns the folder holding `abx`. */
export function installAbx(tarball = packAbx()): string {
  const prefix = tempDir('abx-prefix-');
  execFileSync('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { encoding: 'utf8', stdio: 'pipe' });
  return join(prefix, 'bin');
}

// ---------------------------------------------------------------- a repository on a pull request

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

export interface PullRequestRepo {
  /** The repository's top folder (where the workflow's steps start). */
  repo: string;
  /** The workspace folder (`repo` itself or the subfolder). */
  workspace: string;
}

/**
 * A repository whose `main` holds what `base` writes into the workspace folder, `origin/main`
 * pointing at it (as after actions/checkout), a `feature` branch with what `change` does, and
 * checked out detached: the merge of feature into main, which is what GitHub tests on a pull request.
 */
export function pullRequestRepo(options: { base: (workspace: string, repo: string) => void; change: (workspace: string) => void; folder?: string }): PullRequestRepo {
  const repo = tempDir('abx-pr-');
  git(repo, 'init', '--quiet');
  git(repo, 'symbolic-ref', 'HEAD', 'refs/heads/main');
  const workspace = options.folder ? join(repo, options.folder) : repo;
  mkdirSync(workspace, { recursive: true });
  options.base(workspace, repo);
  git(repo, 'add', '-A');
  git(repo, 'commit', '--quiet', '-m', 'The strategy');
  git(repo, 'update-ref', 'refs/remotes/origin/main', 'refs/heads/main');
  git(repo, 'checkout', '--quiet', '-b', 'feature');
  options.change(workspace);
  git(repo, 'add', '-A');
  git(repo, 'commit', '--quiet', '-m', 'The pull request');
  git(repo, 'checkout', '--quiet', '--detach', 'main');
  git(repo, 'merge', '--quiet', '--no-ff', '-m', 'Merge feature into main', 'feature');
  return { repo, workspace };
}

/** The values of a pull request from a branch of the same repository, as the expressions read them. */
export function pullRequestContext(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'github.event_name': 'pull_request',
    'github.base_ref': 'main',
    'github.ref': 'refs/pull/7/merge',
    'github.repository': 'acme/strategy',
    'github.event.pull_request.number': '7',
    'github.event.pull_request.head.repo.full_name': 'acme/strategy',
    'github.token': 'fake-token',
    ...overrides,
  };
}

// ---------------------------------------------------------------- a fake gh

export interface Comment {
  id: number;
  user: { login: string };
  body: string;
}

export interface FakeGh {
  /** Put first on PATH. */
  binDir: string;
  comments(): Comment[];
  setComments(comments: Comment[]): void;
  /** Every call, as its argument list. */
  calls(): string[][];
  /** The JSON file the fake reads and writes (runJob passes it as FAKE_GH_STATE). */
  statePath: string;
}

const FAKE_GH = `#!/usr/bin/env node
// A fake gh for the workflow harness: the pull request's comments live in $FAKE_GH_STATE.
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const statePath = process.env.FAKE_GH_STATE;
const state = JSON.parse(fs.readFileSync(statePath, 'utf8'));
const args = process.argv.slice(2);
state.calls.push(args);
const save = () => fs.writeFileSync(statePath, JSON.stringify(state));
const fail = (m) => { save(); process.stderr.write('fake gh: ' + m + '\\n'); process.exit(1); };
const opt = (name) => { const i = args.indexOf(name); return i < 0 ? undefined : args[i + 1]; };
if (!process.env.GH_TOKEN) fail('no GH_TOKEN');
if (args[0] === 'api' && opt('--method') === 'PATCH') {
  const m = /^repos\\/[^/]+\\/[^/]+\\/issues\\/comments\\/(\\d+)$/.exec(args.find((a) => a.startsWith('repos/')) || '');
  const field = opt('-F') || '';
  if (!m || !field.startsWith('body=@')) fail('unexpected PATCH ' + args.join(' '));
  const c = state.comments.find((c) => String(c.id) === m[1]);
  if (!c) fail('no comment ' + m[1]);
  c.body = fs.readFileSync(field.slice(6), 'utf8');
  save();
  process.stdout.write(JSON.stringify(c));
} else if (args[0] === 'api') {
  if (!/^repos\\/[^/]+\\/[^/]+\\/issues\\/\\d+\\/comments$/.test(args.find((a) => a.startsWith('repos/')) || '')) fail('unexpected api ' + args.join(' '));
  const json = JSON.stringify(state.comments);
  const jq = opt('--jq');
  save();
  if (!jq) { process.stdout.write(json); process.exit(0); }
  const r = spawnSync('jq', ['-r', jq], { input: json, encoding: 'utf8' });
  if (r.error) {
    // No jq here: the one filter the workflow uses, done by hand.
    for (const c of state.comments) if (c.user.login === 'github-actions[bot]' && c.body.startsWith('<!-- abx-diff -->')) process.stdout.write(c.id + '\\n');
  } else {
    if (r.status !== 0) fail('jq: ' + r.stderr);
    process.stdout.write(r.stdout);
  }
} else if (args[0] === 'pr' && args[1] === 'comment') {
  const file = opt('--body-file');
  if (!file || !/^\\d+$/.test(args[2] || '')) fail('unexpected pr comment ' + args.join(' '));
  state.comments.push({ id: 1000 + state.comments.length, user: { login: 'github-actions[bot]' }, body: fs.readFileSync(file, 'utf8') });
  save();
} else fail('unexpected call ' + args.join(' '));
`;

export function fakeGh(): FakeGh {
  const dir = tempDir('abx-gh-');
  const binDir = join(dir, 'bin');
  mkdirSync(binDir);
  writeFileSync(join(binDir, 'gh'), FAKE_GH);
  chmodSync(join(binDir, 'gh'), 0o755);
  const statePath = join(dir, 'state.json');
  const read = () => JSON.parse(readFileSync(statePath, 'utf8')) as { comments: Comment[]; calls: string[][] };
  writeFileSync(statePath, JSON.stringify({ comments: [], calls: [] }));
  return {
    binDir,
    statePath,
    comments: () => read().comments,
    setComments: (comments) => writeFileSync(statePath, JSON.stringify({ ...read(), comments })),
    calls: () => read().calls,
  };
}

// ---------------------------------------------------------------- expressions

type Value = string | number | boolean | null;

interface Scope {
  lookup(name: string): Value;
  status: { failed: boolean };
}

const TOKEN = /\s*('(?:[^']|'')*'|==|!=|&&|\|\||!|\(|\)|\d+(?:\.\d+)?|[A-Za-z_][\w.-]*(?:\(\))?)/y;

function tokens(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`harness: cannot read the expression "${text}" at ${TOKEN.lastIndex}`);
    out.push(m[1] as string);
  }
  return out;
}

const truthy = (v: Value) => v !== null && v !== false && v !== '' && v !== 0;
const same = (a: Value, b: Value) => (typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b || String(a) === String(b));

export function evaluate(expression: string, scope: Scope): Value {
  const t = tokens(expression);
  let i = 0;
  const peek = () => t[i];
  const next = () => t[i++] as string;
  const or = (): Value => {
    let v = and();
    while (peek() === '||') {
      next();
      const r = and();
      v = truthy(v) ? v : r;
    }
    return v;
  };
  const and = (): Value => {
    let v = unary();
    while (peek() === '&&') {
      next();
      const r = unary();
      v = truthy(v) ? r : v;
    }
    return v;
  };
  const unary = (): Value => {
    if (peek() === '!') {
      next();
      return !truthy(unary());
    }
    const left = primary();
    if (peek() === '==' || peek() === '!=') {
      const op = next();
      const right = primary();
      return op === '==' ? same(left, right) : !same(left, right);
    }
    return left;
  };
  const primary = (): Value => {
    const tok = next();
    if (tok === undefined) throw new Error(`harness: expression ends early: "${expression}"`);
    if (tok === '(') {
      const v = or();
      if (next() !== ')') throw new Error(`harness: missing ) in "${expression}"`);
      return v;
    }
    if (tok.startsWith("'")) return tok.slice(1, -1).replace(/''/g, "'");
    if (/^\d/.test(tok)) return Number(tok);
    if (tok === 'true' || tok === 'false') return tok === 'true';
    if (tok === 'null') return null;
    switch (tok) {
      case 'success()':
        return !scope.status.failed;
      case 'failure()':
        return scope.status.failed;
      case 'always()':
        return true;
      case 'cancelled()':
        return false;
    }
    if (tok.endsWith('()')) throw new Error(`harness: function ${tok} is not simulated`);
    return scope.lookup(tok);
  };
  const v = or();
  if (i !== t.length) throw new Error(`harness: cannot read the expression "${expression}"`);
  return v;
}

/** A condition (`if:`), with or without `${{ }}`; absent means success(). */
function condition(text: string | undefined, scope: Scope): boolean {
  if (text === undefined) return !scope.status.failed;
  const inner = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(text);
  return truthy(evaluate(inner ? (inner[1] as string) : text, scope));
}

/** A value with `${{ … }}` parts replaced. */
function interpolate(value: string | number | boolean, scope: Scope): string {
  return String(value).replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, e: string) => {
    const v = evaluate(e, scope);
    return v === null ? '' : String(v);
  });
}

// ---------------------------------------------------------------- running a job

export interface StepRun {
  name: string;
  outcome: 'success' | 'failure' | 'skipped' | 'simulated';
  code: number | null;
  stdout: string;
  stderr: string;
  /** The env the script ran with (the workflow's, the job's and the step's). */
  env: Record<string, string>;
}

export interface JobRun {
  job: string;
  result: 'success' | 'failure' | 'skipped';
  steps: StepRun[];
  outputs: Record<string, string>;
  /** What the steps appended to GITHUB_STEP_SUMMARY. */
  summary: string;
}

export interface RunJobOptions {
  /** Where the checkout is: steps start here (then `working-directory`). */
  repo: string;
  /** Values of names in expressions (see pullRequestContext). */
  context: Record<string, string>;
  /** Step name → the script run instead (the install step, which would fetch from the registry). */
  replace?: Record<string, string>;
  /** Folders put first on PATH (installAbx's; a fake gh's is added). */
  path?: string[];
  /** Earlier jobs this one needs. */
  needs?: JobRun[];
  /** Extra variables for every step (FAKE_GH_STATE is added for a fake gh). */
  env?: Record<string, string>;
  gh?: FakeGh;
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([\w-]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2] as string, i + 1);
      if (end < 0) throw new Error(`harness: GITHUB_OUTPUT block ${heredoc[1]} has no closing ${heredoc[2]}`);
      out[heredoc[1] as string] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

export function runJob(workflow: Workflow, jobId: string, options: RunJobOptions): JobRun {
  const job = workflow.jobs[jobId];
  if (!job) throw new Error(`harness: no job ${jobId}`);
  const needs = new Map((options.needs ?? []).map((j) => [j.job, j]));
  const status = { failed: false };
  const steps = new Map<string, { outputs: Record<string, string>; outcome: string }>();
  let env: Record<string, string> = {};
  const scope: Scope = {
    status,
    lookup(name) {
      const parts = name.split('.');
      if (parts[0] === 'steps' && parts.length >= 3) {
        const s = steps.get(parts[1] as string);
        if (parts[2] === 'outcome' || parts[2] === 'conclusion') return s?.outcome ?? '';
        if (parts[2] === 'outputs') return s?.outputs[parts[3] as string] ?? '';
      }
      if (parts[0] === 'needs' && parts.length >= 3) {
        const n = needs.get(parts[1] as string);
        if (!n) throw new Error(`harness: ${name}: job ${parts[1]} was not given in needs`);
        if (parts[2] === 'result') return n.result;
        if (parts[2] === 'outputs') return n.outputs[parts[3] as string] ?? '';
      }
      if (parts[0] === 'env') return env[parts.slice(1).join('.')] ?? '';
      if (name in options.context) return options.context[name] as string;
      throw new Error(`harness: no value for ${name} (add it to the context)`);
    },
  };

  const temp = tempDir('abx-runner-');
  const summaryFile = join(temp, 'step-summary.md');
  writeFileSync(summaryFile, '');
  const run: JobRun = { job: jobId, result: 'skipped', steps: [], outputs: {}, summary: '' };
  if (!condition(job.if, { ...scope, status: { failed: [...needs.values()].some((n) => n.result === 'failure') } })) return run;

  const evalEnv = (vars: Record<string, string | number | boolean> | undefined) => {
    for (const [k, v] of Object.entries(vars ?? {})) env[k] = interpolate(v, scope);
  };
  env = {};
  evalEnv(workflow.env);
  evalEnv(job.env);
  const jobEnv = { ...env };
  const PATH = [...(options.gh ? [options.gh.binDir] : []), ...(options.path ?? []), process.env.PATH ?? ''].join(delimiter);

  for (const [index, step] of job.steps.entries()) {
    const name = step.name ?? step.uses ?? `step ${index + 1}`;
    env = { ...jobEnv };
    if (!condition(step.if, scope)) {
      run.steps.push({ name, outcome: 'skipped', code: null, stdout: '', stderr: '', env: {} });
      if (step.id) steps.set(step.id, { outputs: {}, outcome: 'skipped' });
      continue;
    }
    if (step.uses !== undefined) {
      run.steps.push({ name, outcome: 'simulated', code: null, stdout: '', stderr: '', env: {} });
      if (step.id) steps.set(step.id, { outputs: {}, outcome: 'success' });
      continue;
    }
    evalEnv(step.env);
    const stepEnv = { ...env };
    const outputFile = join(temp, `output-${index}`);
    writeFileSync(outputFile, '');
    const dir = interpolate(step['working-directory'] ?? job.defaults?.run?.['working-directory'] ?? '.', scope);
    const script = options.replace?.[name] ?? step.run ?? '';
    const state = options.gh ? { FAKE_GH_STATE: options.gh.statePath } : {};
    const r = spawnSync('bash', ['--noprofile', '--norc', '-e', '-c', script], {
      cwd: join(options.repo, dir),
      encoding: 'utf8',
      env: {
        HOME: process.env.HOME ?? temp,
        PATH,
        LANG: 'C.UTF-8',
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: options.repo,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: temp,
        npm_config_cache: process.env.npm_config_cache ?? join(process.env.HOME ?? temp, '.npm'),
        ...state,
        ...options.env,
        ...stepEnv,
      },
      timeout: 120_000,
    });
    const outcome = r.status === 0 ? 'success' : 'failure';
    if (outcome === 'failure') status.failed = true;
    run.steps.push({ name, outcome, code: r.status, stdout: r.stdout, stderr: r.stderr, env: stepEnv });
    if (step.id) steps.set(step.id, { outputs: parseOutputs(readFileSync(outputFile, 'utf8')), outcome });
  }
  env = { ...jobEnv };
  for (const [k, v] of Object.entries(job.outputs ?? {})) run.outputs[k] = interpolate(v, scope);
  run.summary = readFileSync(summaryFile, 'utf8');
  run.result = status.failed ? 'failure' : 'success';
  return run;
}

// ---------------------------------------------------------------- annotations

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  properties: Record<string, string>;
  message: string;
}

const unescapeData = (v: string) => v.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (v: string) => unescapeData(v.replace(/%3A/g, ':').replace(/%2C/g, ','));

/** Workflow commands `::error …::`, `::warning …::`, `::notice …::` as the runner reads them, stopping inside `::stop-commands::`. */
export function parseAnnotations(text: string): Annotation[] {
  const out: Annotation[] = [];
  let stopToken: string | null = null;
  for (const line of text.split('\n')) {
    if (stopToken !== null) {
      if (line === `::${stopToken}::`) stopToken = null;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) {
      stopToken = stop[1] as string;
      continue;
    }
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    out.push({ level: m[1] as Annotation['level'], properties, message: unescapeData(m[3] as string) });
  }
  return out;
}

/** Every file below `dir`, relative, with `/` (to compare what a tarball or a step left behind). */
export function filesBelow(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...filesBelow(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

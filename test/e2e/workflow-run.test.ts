/**
 * The proof of the pull-request path: the workflow `abx init` writes, run step by step
 * (test/e2e/workflow-harness.ts) in a fresh strategy repository on a pull-request-like checkout,
 * with abx installed from its `npm pack` tarball. Checks the annotations of the check job and the
 * comment the comment job posts (and edits on the next push).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, runAbx } from '../helpers.js';

const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
import { fakeGh, installAbx, parseAnnotations, pullRequestContext, pullRequestRepo, readWorkflow, runJob, type JobRun, type Workflow } from './workflow-harness.js';

/** The install step fetches abx from the registry: here abx is already on PATH from the tarball, and the step checks it is the pinned version. */
const INSTALLED = { 'Install abx': 'test "$(abx --version)" = "$ABX_VERSION"' };

/** The pull request: Harborline's PURE scores go up (tier 3 → 1), Pacific Rim's file gets a YAML syntax error. */
function change(workspace: string): void {
  const harborline = join(workspace, 'accounts/harborline-imports.md');
  writeFileSync(harborline, readFileSync(harborline, 'utf8').replace(/score: [012],/g, 'score: 3,'));
  const pacific = join(workspace, 'accounts/pacific-rim-components.md');
  writeFileSync(pacific, readFileSync(pacific, 'utf8').replace('name: Pacific Rim Components', 'name: [Pacific Rim Components'));
}

function setUp(folder?: string) {
  const pr = pullRequestRepo({
    folder,
    base: (workspace) => {
      const r = runAbx(['init', workspace, '--yes', '--example']);
      if (r.code !== 0) throw new Error(r.stderr);
    },
    change,
  });
  const workflow: Workflow = readWorkflow(readFileSync(join(pr.repo, '.github/workflows/abx.yml'), 'utf8'));
  return { ...pr, workflow };
}

let abxBin: string;
beforeAll(() => {
  abxBin = installAbx();
});

describe.each([
  { where: 'at the repository root', folder: undefined, prefix: '' },
  { where: 'in a subfolder', folder: 'gtm/strategy', prefix: 'gtm/strategy/' },
])('the workflow on a pull request, workspace $where', ({ folder, prefix }) => {
  let setup: ReturnType<typeof setUp>;
  let check: JobRun;
  const gh = fakeGh();
  beforeAll(() => {
    setup = setUp(folder);
    check = runJob(setup.workflow, 'check', { repo: setup.repo, context: pullRequestContext(), replace: INSTALLED, path: [abxBin] });
  });

  it('runs every step of the check job; validation fails on the broken file, the diff still runs', () => {
    expect(check.steps.map((s) => [s.name, s.outcome])).toEqual([
      [expect.stringMatching(/^actions\/checkout@/), 'simulated'],
      [expect.stringMatching(/^actions\/setup-node@/), 'simulated'],
      ['Install abx', 'success'],
      ['Validate', 'failure'],
      ['Score changes', 'success'],
    ]);
    expect(check.result).toBe('failure');
  });

  it('annotates the broken file at its repository path', () => {
    const annotations = parseAnnotations(check.steps[3]!.stdout);
    const errors = annotations.filter((a) => a.level === 'error');
    expect(errors.map((a) => [a.properties.file, a.properties.title])).toEqual([[`${prefix}accounts/pacific-rim-components.md`, 'abx(frontmatter-syntax)']]);
    expect(errors[0]!.properties.line).toBe('3'); // where the unclosed [ is found to be unclosed
  });

  it('hands the comment to the comment job: the tier move, and the broken account as cannot be scored (never removed)', () => {
    const comment = check.outputs.comment ?? '';
    expect(comment.split('\n')[0]).toBe('<!-- abx-diff -->');
    expect(comment).toContain('### abx: 1 account changes tier');
    expect(comment).toMatch(/\| Harborline Imports \(`harborline-imports`\) \| 5 → 12 .*\| 3 → 1 /);
    expect(comment).toContain('Pacific Rim Components');
    expect(comment).toContain('cannot be scored at head');
    expect(comment).not.toMatch(/removed/i);
    expect(check.summary).toBe(`${comment}\n`);
  });

  it('posts the comment once, then edits that same comment on the next push', () => {
    gh.setComments([{ id: 5, user: { login: 'someone' }, body: '<!-- abx-diff -->\nquoted by a person: not ours to edit' }]);
    const first = runJob(setup.workflow, 'comment', { repo: setup.repo, context: pullRequestContext(), needs: [check], gh });
    expect(first.steps.map((s) => [s.name, s.outcome, s.stderr])).toEqual([['Comment on the pull request', 'success', '']]);
    expect(gh.comments().map((c) => [c.id, c.user.login])).toEqual([
      [5, 'someone'],
      [1001, 'github-actions[bot]'],
    ]);
    expect(gh.comments()[1]!.body).toBe(`${check.outputs.comment}\n`);

    const again = runJob(setup.workflow, 'comment', { repo: setup.repo, context: pullRequestContext(), needs: [{ ...check, outputs: { comment: '<!-- abx-diff -->\nsecond push' } }], gh });
    expect(again.result).toBe('success');
    expect(gh.comments().map((c) => [c.id, c.body])).toEqual([
      [5, '<!-- abx-diff -->\nquoted by a person: not ours to edit'],
      [1001, '<!-- abx-diff -->\nsecond push\n'],
    ]);
    expect(gh.calls().filter((c) => c[0] === 'pr')).toHaveLength(1);
  });

  it('skips the comment job for a pull request from a fork', () => {
    const fork = runJob(setup.workflow, 'comment', { repo: setup.repo, context: pullRequestContext({ 'github.event.pull_request.head.repo.full_name': 'mallory/strategy' }), needs: [check], gh });
    expect(fork.result).toBe('skipped');
  });
});

describe('the workflow on a push to main', () => {
  it('validates and neither diffs nor comments', () => {
    const setup = setUp();
    const context = pullRequestContext({ 'github.event_name': 'push', 'github.base_ref': '', 'github.ref': 'refs/heads/main' });
    const check = runJob(setup.workflow, 'check', { repo: setup.repo, context, replace: INSTALLED, path: [abxBin] });
    expect(check.steps.slice(2).map((s) => [s.name, s.outcome])).toEqual([
      ['Install abx', 'success'],
      ['Validate', 'failure'],
      ['Score changes', 'skipped'],
    ]);
    expect(runJob(setup.workflow, 'comment', { repo: setup.repo, context, needs: [check], gh: fakeGh() }).result).toBe('skipped');
  });
});

describe('the composite action (action.yml) on a pull request', () => {
  it('annotates, and posts the comment, from a subfolder workspace', () => {
    const setup = setUp('gtm/strategy');
    const action = readWorkflow(readFileSync(join(REPO, 'action.yml'), 'utf8')) as unknown as { runs: { steps: Workflow['jobs'][string]['steps'] } };
    const asJob: Workflow = { jobs: { action: { steps: action.runs.steps } } };
    const gh = fakeGh();
    const context = pullRequestContext({ 'inputs.version': VERSION, 'inputs.working-directory': 'gtm/strategy', 'inputs.base': '', 'inputs.comment': 'on', 'inputs.github-token': 'fake-token' });
    const run = runJob(asJob, 'action', { repo: setup.repo, context, replace: INSTALLED, path: [abxBin], gh });
    expect(run.steps.map((s) => [s.name, s.outcome])).toEqual([
      ['Install abx', 'success'],
      ['Validate', 'failure'],
      ['Score changes', 'success'],
      ['Comment on the pull request', 'success'],
    ]);
    expect(parseAnnotations(run.steps[1]!.stdout).filter((a) => a.level === 'error').map((a) => a.properties.file)).toEqual(['gtm/strategy/accounts/pacific-rim-components.md']);
    expect(gh.comments().map((c) => c.body.split('\n')[0])).toEqual(['<!-- abx-diff -->']);
    expect(gh.comments()[0]!.body).toContain('cannot be scored at head');
  });

  it('refuses a version that is not exact', () => {
    const setup = setUp();
    const action = readWorkflow(readFileSync(join(REPO, 'action.yml'), 'utf8')) as unknown as { runs: { steps: Workflow['jobs'][string]['steps'] } };
    const context = pullRequestContext({ 'inputs.version': '^0.1.0', 'inputs.working-directory': '.', 'inputs.base': '', 'inputs.comment': 'on', 'inputs.github-token': 'x' });
    const install = runJob({ jobs: { action: { steps: action.runs.steps.slice(0, 1) } } }, 'action', { repo: setup.repo, context, path: [abxBin] });
    expect([install.steps[0]!.outcome, install.steps[0]!.stdout]).toEqual(['failure', '::error title=abx action::the version input must be an exact version such as 0.1.0\n']);
  });
});

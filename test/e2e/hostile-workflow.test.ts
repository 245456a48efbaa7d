/**
 * The hostile pull request of ./hostile-pr.ts through the generated workflow's check job
 * (./workflow-harness.ts): it finishes, every annotation is one of abx's own and lands on a file
 * of the pull request, and the comment it hands on has nothing live in it.
 */
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAbx } from '../helpers.js';
import { BASE_FILES, EVIL_NAMES, HEAD_FILES } from './hostile-pr.js';
import { filesBelow, installAbx, parseAnnotations, pullRequestContext, pullRequestRepo, readWorkflow, runJob, type JobRun } from './workflow-harness.js';

const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new (options: object) => { render(md: string): string };

function writeAll(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

describe('a hostile pull request through the workflow', () => {
  let check: JobRun;
  let workspace: string;
  beforeAll(() => {
    const abxBin = installAbx();
    const pr = pullRequestRepo({
      base: (workspace) => {
        const r = runAbx(['init', workspace, '--yes']);
        if (r.code !== 0) throw new Error(r.stderr);
        writeAll(workspace, BASE_FILES);
      },
      change: (workspace) => writeAll(workspace, HEAD_FILES),
    });
    workspace = pr.workspace;
    const workflow = readWorkflow(readFileSync(join(pr.repo, '.github/workflows/abx.yml'), 'utf8'));
    check = runJob(workflow, 'check', { repo: pr.repo, context: pullRequestContext(), replace: { 'Install abx': 'test "$(abx --version)" = "$ABX_VERSION"' }, path: [abxBin] });
  }, 300_000);

  it('validation fails on the hostile files and the diff still runs', () => {
    expect(check.steps.map((s) => [s.name, s.outcome]).slice(2)).toEqual([
      ['Install abx', 'success'],
      ['Validate', 'failure'],
      ['Score changes', 'success'],
    ]);
  });

  it('every annotation is abx\'s own, on a file of the pull request', () => {
    const validate = check.steps[3]!;
    const annotations = parseAnnotations(validate.stdout);
    expect(annotations.length).toBeGreaterThan(0);
    // Control characters other than line breaks cannot be escaped in a workflow command: they are `?`.
    const shown = (path: string) => path.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '?');
    const files = new Set(filesBelow(workspace).map(shown));
    for (const a of annotations) {
      expect(a.properties.title).toMatch(/^abx\([a-z0-9-]+\)$/);
      expect(files.has(a.properties.file ?? ''), a.properties.file).toBe(true);
    }
    const annotated = new Set(annotations.map((a) => a.properties.file));
    for (const name of EVIL_NAMES) expect(annotated.has(shown(`accounts/${name}.md`)), name).toBe(true);
  });

  it('the comment has no link, image, tag or mention from the pull request', () => {
    const comment = check.outputs.comment ?? '';
    expect(comment.split('\n')[0]).toBe('<!-- abx-diff -->');
    const html = new MarkdownIt({ html: true, linkify: true }).render(comment);
    expect(html).not.toMatch(/<a[\s>]|<img|<h\d>[^<]*Security review/);
    expect(html.replace(/<code>[^<]*<\/code>/g, '').replace(/<[^>]*>/g, '')).not.toMatch(/(?:^|[^\w`])@[a-z0-9]/im);
  });
});

/**
 * The hostile pull request of ./hostile-pr.ts through the generated workflow's check job
 * (./workflow-harness.ts): it finishes, every annotation is one of abx's own and lands on a file
 * of the pull request, and the comment it hands on has nothing live in it.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAbx } from '../helpers.js';
import { BASE_FILES, EVIL_NAMES, HEAD_FILES } from './hostile-pr.js';
import { installAbx, parseAnnotations, pullRequestContext, pullRequestRepo, readWorkflow, runJob, type JobRun } from './workflow-harness.js';

const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new (options: object) => { render(md: string): string };

function writeAll(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

describe('a hostile pull request through the workflow', () => {
  let check: JobRun;
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
    const files = new Set([...Object.keys(BASE_FILES), ...Object.keys(HEAD_FILES)]);
    for (const a of annotations) {
      expect(a.properties.title).toMatch(/^abx\([a-z0-9-]+\)$/);
      expect(files.has(a.properties.file ?? '')).toBe(true);
    }
    expect(annotations.some((a) => a.properties.file === 'x')).toBe(false);
    expect(new Set(annotations.map((a) => a.properties.file))).toEqual(new Set(EVIL_NAMES.map((n) => `accounts/${n}.md`).concat(`bets/${EVIL_NAMES[0]}.md`)));
  });

  it('the comment has no link, image, tag or mention from the pull request', () => {
    const comment = check.outputs.comment ?? '';
    expect(comment.split('\n')[0]).toBe('<!-- abx-diff -->');
    const html = new MarkdownIt({ html: true, linkify: true }).render(comment);
    expect(html).not.toMatch(/<a[\s>]|<img|<h\d>[^<]*Security review/);
    expect(html.replace(/<code>[^<]*<\/code>/g, '').replace(/<[^>]*>/g, '')).not.toMatch(/(?:^|[^\w`])@[a-z0-9]/im);
  });
});

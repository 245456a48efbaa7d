/**
 * What users read, compared byte for byte with files: test/golden/<command>/<case>.<ext>.
 * After an intended change, `UPDATE_GOLDEN=1 npx vitest run test/e2e/golden.test.ts` rewrites
 * them, and `git diff test/golden` is the review. Without it, a test never writes a file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleWorkspace, REPO, runAbx } from '../helpers.js';

const GOLDEN = join(REPO, 'test', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function golden(file: string, actual: string): void {
  const path = join(GOLDEN, file);
  if (UPDATE) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`no golden file test/golden/${file}: run UPDATE_GOLDEN=1 npx vitest run test/e2e/golden.test.ts and review git diff test/golden`);
  expect(actual, `test/golden/${file}`).toBe(readFileSync(path, 'utf8'));
}

/** Broken files added to the example workspace: one of each way a file goes wrong, with text that needs escaping. */
const BROKEN: Record<string, string> = {
  'accounts/acme-pipes.md': '---\nname: "Acme | <Ops> & *Co*"\nsegment: nope\nindusty: logistics\npure:\n  painful: { score: 2 }\n  urgent: { score: 0 }\n  recognized: { score: 0 }\n  expensive: { score: 0 }\nengagement:\n  - { date: 2027-01-05, type: demo-request }\n---\n\n# Acme\n',
  'accounts/Bad_Name.md': '---\nname: Bad name\n---\n',
  'bets/half-done.md': '---\nname: Half done\nstatus: running\nhypothesis: "We believe that \\"quotes\\" & <tags> survive"\n---\n',
  'segments/unterminated.md': '---\nname: Unterminated\npain_points: [a, b\n',
};

let example: string;
let broken: string;

beforeAll(() => {
  example = exampleWorkspace();
  broken = exampleWorkspace();
  for (const [path, text] of Object.entries(BROKEN)) writeFileSync(join(broken, path), text);
});

/** stdout and stderr as a user sees them, with the temporary folder named the same on every run. */
function run(dir: string, args: string[]): string {
  const r = runAbx(['-C', dir, ...args]);
  const out = `${r.stdout}${r.stderr === '' ? '' : `--- stderr\n${r.stderr}`}--- exit ${r.code}\n`;
  return out.split(dir).join('<workspace>');
}

/** The words of an HTML page, a block per line: what a reader sees, without markup or style. */
function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<(?:br|\/p|\/h[1-6]|\/tr|\/li|\/div|\/section|\/caption|\/title|\/text)>/g, '\n')
    .replace(/<\/t[dh]>/g, ' | ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n')
    .concat('\n');
}

describe('golden outputs', () => {
  it.each(['stylish', 'json', 'github', 'sarif', 'junit'])('validate --format %s on a workspace with problems', (format) => {
    const ext = { stylish: 'txt', json: 'json', github: 'txt', sarif: 'sarif.json', junit: 'xml' }[format];
    golden(`validate/problems-${format}.${ext}`, run(broken, ['validate', '--format', format]));
  });

  it('validate on a clean workspace', () => {
    golden('validate/clean-stylish.txt', run(example, ['validate']));
  });

  it.each([
    ['table', 'txt'],
    ['markdown', 'md'],
    ['csv', 'csv'],
    ['json', 'json'],
  ])('score --format %s', (format, ext) => {
    golden(`score/example-${format}.${ext}`, run(example, ['score', '--format', format]));
  });

  it('score --explain', () => {
    golden('score/explain-northwind.txt', run(example, ['score', 'northwind-logistics', '--explain']));
  });

  it('score with errors in the workspace', () => {
    golden('score/problems-table.txt', run(broken, ['score', '--tier', '1']));
  });

  it.each([
    ['table', 'txt'],
    ['markdown', 'md'],
  ])('report all --format %s', (format, ext) => {
    golden(`report/all-${format}.${ext}`, run(example, ['report', 'all', '--format', format]));
  });

  it('report all --format html, as text', () => {
    const r = runAbx(['-C', example, 'report', 'all', '--format', 'html']);
    expect(r.code).toBe(0);
    golden('report/all-html.txt', htmlText(r.stdout));
  });

  it.each([
    ['table', 'txt'],
    ['markdown', 'md'],
    ['csv', 'csv'],
    ['json', 'json'],
  ])('list --format %s', (format, ext) => {
    golden(`list/example-${format}.${ext}`, run(example, ['list', '--format', format]));
  });

  it('list with filters, sorted by owner', () => {
    golden('list/filtered-table.txt', run(example, ['list', '--search', 'a', '--tier', 'fit:2', '--sort', 'owner']));
  });

  it.each([
    ['text', 'txt'],
    ['markdown', 'md'],
  ])('show --format %s', (format, ext) => {
    // The example's first commit is made on each run: its hash, date and author are named alike here.
    const out = run(example, ['show', 'helix', '--format', format]).replace(/^(\s*-? ?`?)[0-9a-f]{7,}(`?)\s+\d{4}-\d\d-\d\d\s.*$/gm, '$1<commit>$2 <date> <author> <subject>');
    golden(`show/helix-${format}.${ext}`, out);
  });

  it('export --format csv', () => {
    golden('export/example-csv.csv', run(example, ['export']));
  });
});

/** Messaging, collateral and a plan with every gap the reports mark, and text that needs escaping (method.md §1, §2, §7). */
const GAPS: Record<string, string> = {
  'messaging/edge-story.md':
    '---\nname: "Edge | <b>story</b> & *more*"\nsegments: [industrial-manufacturing, regional-3pl]\ncapabilities:\n  - capability: "Alerts | <script>x</script>"\n    benefits: { industrial-manufacturing: "Fewer | line-downs" }\n  - capability: Portal\n    so_what: Self-service.\n    benefits: { cold-chain-pharma: Clinical sites see inbound }\npersonas:\n  - { persona: vp supply chain, message: "**Bold** [link](javascript:x)", proof_points: [no-such-asset, incumbent-battle-card] }\n  - { persona: CIO }\nkeywords: ["=cmd|x", line-down]\n---\n',
  'collateral/old-deck.md': '---\nname: "Old <deck> | v1"\ntype: other\nlast_reviewed: 2026-08-23\nmetrics:\n  - { metric: "Views | all", target: "< 72", value: 80 }\n  - { metric: Shares, target: 5 }\n  - { metric: Replies }\n---\n',
  'collateral/never.md': '---\nname: Never reviewed sheet\ntype: datasheet\n---\n',
  'plan.md': '---\nname: "Plan | <late>"\nstarted: 2026-08-01\n---\n\n## Days 1-30\n\n- [x] Done task\n\n## Days 31–60 (en dash)\n\n- [ ] Open task with <html> & | pipes\n- [x] Done\n\n## Days 61-90\n',
};

describe('golden outputs of the method reports', () => {
  let gaps: string;
  beforeAll(() => {
    gaps = exampleWorkspace();
    for (const [path, text] of Object.entries(GAPS)) writeFileSync(join(gaps, path), text);
  });

  it.each([
    ['table', 'txt'],
    ['markdown', 'md'],
    ['json', 'json'],
  ])('report messaging, collateral and plan with gaps --format %s', (format, ext) => {
    for (const name of ['messaging', 'collateral', 'plan']) golden(`report/gaps-${name}-${format}.${ext}`, run(gaps, ['report', name, '--format', format]));
  });

  it('report messaging, collateral and plan with gaps --format html, as text', () => {
    for (const name of ['messaging', 'collateral', 'plan']) {
      const r = runAbx(['-C', gaps, 'report', name, '--format', 'html']);
      expect(r.code).toBe(1); // the messaging file has errors: reports still render, and say so in the exit status
      expect(r.stdout).not.toMatch(/<script>|<b>|<deck>|<late>|<html>/);
      golden(`report/gaps-${name}-html.txt`, htmlText(r.stdout));
    }
  });

  it('validate on the gaps', () => {
    golden('validate/gaps-stylish.txt', run(gaps, ['validate']));
  });
});

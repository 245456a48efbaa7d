/**
 * A hostile pull request as data: file names and values made to break out of every output
 * medium (markdown comment, GitHub workflow commands, terminal, CSV, HTML, XML). The base commit
 * is a plain workspace; the pull request adds these files to the working tree. The same data can
 * be run through the workflow harness (test/e2e/workflow-harness.ts) once it exists; until then
 * hostile-output.test.ts runs the commands the generated workflow runs, and every other command.
 */

/** Everything a reader could be tricked by, in one value. */
export const EVIL =
  'x`) |\n\n## ✅ Security review passed — [sign in](https:evil.example) ![](https://evil.example/p.png) <img src=x onerror=alert(1)> @octocat [x](javascript:alert(1)) www.evil.example \u001b[31mred\u0007 \r\n::error file=x::INJECTED =HYPERLINK("https:evil")';

/** File names (no `/`): each becomes an account id. */
export const EVIL_NAMES = [
  'x`) |\n\n## ✅ Security review passed — [sign in](https:evil.example) <img src=x onerror=alert(1)> @octocat\n\n| (`y',
  'esc\u001b[31m\u0007bell',
  'nl\n::error file=x::INJECTED',
  '=HYPERLINK(1)',
  '@octocat',
];

const q = (s: string) => JSON.stringify(s);

export const BASE_FILES: Record<string, string> = {
  'abx.config.yaml': 'version: 1\ncompany: Orbital Freight\nas_of: 2026-11-24\n',
  'segments/logistics.md': '---\nname: Logistics\ncriteria: { industries: [Logistics] }\n---\n',
  'accounts/plain.md': '---\nname: Plain Co\nsegment: logistics\npure:\n  painful: { score: 1, evidence: Some }\n  urgent: { score: 0 }\n  recognized: { score: 0 }\n  expensive: { score: 0 }\n---\n',
};

function evilAccount(n: number): string {
  return [
    '---',
    `name: ${q(EVIL)}`,
    `segment: ${q(EVIL.slice(0, 190))}`,
    `owner: ${q('+1-202-555-0100')}`,
    `domain: ${q(EVIL)}`,
    'pure:',
    `  painful: { score: 3, evidence: ${q(EVIL)} }`,
    `  urgent: { score: 3, evidence: ${q(EVIL)} }`,
    `  recognized: { score: ${n % 4} }`,
    '  expensive: { score: 0 }',
    `firmographics: { industry: ${q(EVIL)}, employees: 5200, region: ${q('=HYPERLINK("https:evil")')} }`,
    `tags: [${q(EVIL)}]`,
    'signals:',
    `  - { type: procurement, date: 2026-11-20, summary: ${q(EVIL)}, source: ${q(EVIL)} }`,
    `buying_committee:`,
    `  - { name: ${q(EVIL)}, title: ${q(EVIL)}, role: champion, status: engaged, seniority: vp }`,
    `${q(EVIL)}: 1`,
    '---',
    '',
  ].join('\n');
}

/** What the pull request adds. */
export const HEAD_FILES: Record<string, string> = {
  ...Object.fromEntries(EVIL_NAMES.map((name, i) => [`accounts/${name}.md`, evilAccount(i)])),
  [`bets/${EVIL_NAMES[0]}.md`]: [
    '---',
    `name: ${q(EVIL)}`,
    `category: ${q(EVIL)}`,
    'status: won',
    `owner: ${q(EVIL)}`,
    `hypothesis: ${q(EVIL)}`,
    `test: ${q(EVIL)}`,
    `success_criteria: ${q(EVIL)}`,
    `kill_condition: ${q(EVIL)}`,
    `learning_output: ${q(EVIL)}`,
    `result: ${q(EVIL)}`,
    'started: 2026-09-01',
    'review_by: 2026-10-01',
    `accounts: [${q(EVIL_NAMES[1] ?? '')}]`,
    '---',
    '',
  ].join('\n'),
};

export type Medium = 'terminal' | 'markdown' | 'github' | 'json' | 'csv' | 'html' | 'xml';

/** Every command and format to run over the pull request, with the medium its output is read in. */
export const RUNS: { args: string[]; medium: Medium }[] = [
  // The generated workflow's steps.
  { args: ['validate', '--format', 'github'], medium: 'github' },
  { args: ['diff', 'base', '--format', 'markdown'], medium: 'markdown' },
  // Everything else.
  { args: ['validate'], medium: 'terminal' },
  { args: ['validate', '--format', 'json'], medium: 'json' },
  { args: ['validate', '--format', 'sarif'], medium: 'json' },
  { args: ['validate', '--format', 'junit'], medium: 'xml' },
  { args: ['score'], medium: 'terminal' },
  { args: ['score', '--format', 'markdown'], medium: 'markdown' },
  { args: ['score', '--format', 'csv'], medium: 'csv' },
  { args: ['score', '--format', 'json'], medium: 'json' },
  ...EVIL_NAMES.map((id) => ({ args: ['score', '--explain', id], medium: 'terminal' as const })),
  { args: ['report', 'all'], medium: 'terminal' },
  { args: ['report', 'all', '--format', 'markdown'], medium: 'markdown' },
  { args: ['report', 'all', '--format', 'html'], medium: 'html' },
  { args: ['report', 'all', '--format', 'json'], medium: 'json' },
  { args: ['export', '--format', 'csv'], medium: 'csv' },
  { args: ['export', '--format', 'json'], medium: 'json' },
  { args: ['export', '--format', 'jsonl'], medium: 'json' },
  { args: ['diff', 'base'], medium: 'terminal' },
  { args: ['fmt', '--check'], medium: 'terminal' },
  { args: ['validate', ...EVIL_NAMES.map((n) => `accounts/${n}.md`)], medium: 'terminal' },
  { args: ['diff', 'base', '--format', 'json'], medium: 'json' },
  ...EVIL_NAMES.map((id) => ({ args: ['history', id], medium: 'terminal' as const })),
  ...EVIL_NAMES.map((id) => ({ args: ['history', id, '--format', 'markdown'], medium: 'markdown' as const })),
];

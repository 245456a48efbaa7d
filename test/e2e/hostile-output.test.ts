/**
 * A hostile pull request (./hostile-pr.ts) through every command and format: nothing from its
 * file names or values comes out live in any medium. Markdown is rendered (markdown-it with
 * HTML and linkify on, close to GitHub's renderer) and the result must hold no link, image, tag or
 * @mention made of user text; GitHub output holds only abx's own workflow commands; terminal
 * output no control characters; CSV no cell a spreadsheet would run; HTML no tag or link.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { hasUnsafeTerminalText } from '../../src/format/escape/terminal.js';
import { makeWorkspace, runAbx } from '../helpers.js';
import { gitIn, commit, write } from './diff-repo.js';
import { BASE_FILES, HEAD_FILES, RUNS, type Medium } from './hostile-pr.js';

// markdownlint-cli2 (a dev dependency) brings markdown-it.
const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new (options: object) => { render(md: string): string };
const markdownIt = new MarkdownIt({ html: true, linkify: true });

function pullRequest(): string {
  const dir = makeWorkspace(BASE_FILES);
  gitIn(dir, ['init', '-q', '-b', 'main']);
  commit(dir, 'Add the workspace', '2026-11-01');
  gitIn(dir, ['branch', 'base']);
  write(dir, HEAD_FILES);
  return dir;
}

/** GitHub's mention pattern: an @ after a non-word character, then a login. */
const MENTION = /(?:^|[^\w`])@[a-z0-9][a-z0-9-]*/im;

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else cell += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') cell += text[i++];
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else {
      rows.push(row);
      row = [];
      i += 2; // CRLF
    }
  }
  return rows;
}

function check(medium: Medium, out: string): void {
  switch (medium) {
    case 'terminal':
      for (const line of out.split('\n')) expect(hasUnsafeTerminalText(line), JSON.stringify(line)).toBe(false);
      expect(out).not.toMatch(/^::/m);
      break;
    case 'markdown': {
      expect(hasUnsafeTerminalText(out.replace(/\n/g, ''))).toBe(false);
      const html = markdownIt.render(out);
      expect(html).not.toMatch(/<a[\s>]/);
      expect(html).not.toMatch(/<img/);
      expect(html).not.toMatch(/<h\d>[^<]*Security review/);
      // GitHub finds mentions in text, not in code.
      expect(html.replace(/<code>[^<]*<\/code>/g, '').replace(/<[^>]*>/g, '')).not.toMatch(MENTION);
      expect(out).not.toMatch(/^::/m);
      break;
    }
    case 'github': {
      const lines = out.split('\n');
      const stop = lines.findIndex((l) => l.startsWith('::stop-commands::'));
      const token = lines[stop]?.slice('::stop-commands::'.length);
      lines.forEach((line, i) => {
        if (!line.startsWith('::')) return;
        if (i === stop || line === `::${token}::`) return;
        expect(i < stop, line).toBe(true);
        expect(line).toMatch(/^::(error|warning) file=[^:,]*,line=\d+,col=\d+(,endLine=\d+)?(,endColumn=\d+)?,title=abx\([a-z0-9-]+\)::[^\r]*$/);
      });
      expect(out).not.toContain('\u001b');
      break;
    }
    case 'json':
      for (const chunk of out.trim().startsWith('{"') && out.includes('\n{"') ? out.trim().split('\n') : [out]) expect(() => JSON.parse(chunk)).not.toThrow();
      break;
    case 'csv':
      for (const row of parseCsv(out)) {
        for (const cell of row) {
          if (/^-?\d+(\.\d+)?$/.test(cell)) continue;
          expect(cell, JSON.stringify(row)).not.toMatch(/^[=+\-@\t\r]/);
          expect(hasUnsafeTerminalText(cell.replace(/[\r\n]/g, ''))).toBe(false);
        }
      }
      break;
    case 'html':
      expect(out).not.toMatch(/<img|<script/i);
      // Attribute values are quoted and escaped: what is left outside them are abx's own tags.
      expect(out.replace(/="[^"]*"/g, '=""')).not.toMatch(/<[^>]*(?:javascript:|\sonerror=)/i);
      for (const href of out.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^#/);
      break;
    case 'xml':
      // eslint-disable-next-line no-control-regex
      expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      expect(out.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')).not.toMatch(/<img/);
      break;
  }
}

describe('a hostile pull request', () => {
  const dir = pullRequest();
  for (const run of RUNS) {
    it(`abx ${run.args.map((a) => JSON.stringify(a).slice(1, -1)).join(' ')}: nothing live in ${run.medium} output`, () => {
      const r = runAbx(run.args, { cwd: dir });
      expect(r.stderr).not.toContain('internal error');
      expect([0, 1, 2]).toContain(r.code);
      check(run.medium, r.stdout);
      check('terminal', r.stderr);
    });
  }

  it('the comment shows the hostile ids as text', () => {
    const r = runAbx(['diff', 'base', '--format', 'markdown'], { cwd: dir });
    expect(r.code).toBe(0);
    const html = markdownIt.render(r.stdout);
    expect(html).toContain('<code>nl\\n::error file=x::INJECTED</code>');
    expect(html).toContain('Security review passed');
  });

  it('CSV keeps numbers as numbers and quotes formulas', () => {
    const r = runAbx(['export', '--format', 'csv'], { cwd: dir });
    expect(r.stdout).toContain(`"'=HYPERLINK(""https:evil"")"`);
    expect(r.stdout).toContain(`"'+1-202-555-0100"`);
    expect(r.stdout).toMatch(/,5200,/);
  });
});

import { createHash } from 'node:crypto';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/problem.js';
import { renderGithub } from '../../src/format/validate/github.js';
import { escapeData, escapeProperty } from '../../src/format/escape/github.js';

const chalk = new Chalk({ level: 0 });
const report = (problems: Problem[], files = ['accounts/acme.md']) => ({ problems, files, chalk, quiet: false, version: '0.1.0' });
const token = (summary: string[]) => `abx-${createHash('sha256').update(summary.join('\n')).digest('hex').slice(0, 32)}`;

describe('github workflow commands', () => {
  it('escapes % CR LF in data, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
    expect(escapeData('colons: and, commas stay')).toBe('colons: and, commas stay');
  });

  it('prints one command per problem, then the full summary in a stop-commands block', () => {
    const problems: Problem[] = [
      { file: 'accounts/acme.md', line: 9, column: 17, endLine: 9, endColumn: 18, severity: 'error', rule: 'schema', message: 'pure.urgent.score must be an integer from 0 to 3' },
      { file: 'accounts/acme.md', line: 12, column: 3, severity: 'warning', rule: 'unknown-key', message: 'unknown key "fitt" (did you mean "fit"?)' },
    ];
    const lines = renderGithub(report(problems, ['accounts/acme.md', 'segments/s.md'])).split('\n');
    const summary = [
      'abx: 1 error and 1 warning in 2 files',
      '  accounts/acme.md:9:17  error  pure.urgent.score must be an integer from 0 to 3  (schema)',
      '  accounts/acme.md:12:3  warning  unknown key "fitt" (did you mean "fit"?)  (unknown-key)',
    ];
    expect(lines).toEqual([
      '::error file=accounts/acme.md,line=9,col=17,endLine=9,endColumn=18,title=abx(schema)::pure.urgent.score must be an integer from 0 to 3',
      '::warning file=accounts/acme.md,line=12,col=3,title=abx(unknown-key)::unknown key "fitt" (did you mean "fit"?)',
      `::stop-commands::${token(summary)}`,
      ...summary,
      `::${token(summary)}::`,
      '',
    ]);
  });

  it('cannot be made to run a command by a message or a file name', () => {
    const evil: Problem = {
      file: 'accounts/a,b:c%.md',
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'schema',
      message: 'name is wrong\n::set-output name=x::pwned\r\n::add-mask::100%\u001b[31m',
    };
    const lines = renderGithub(report([evil], ['accounts/a,b:c%.md'])).split('\n');
    expect(lines[0]).toBe('::error file=accounts/a%2Cb%3Ac%25.md,line=1,col=1,title=abx(schema)::name is wrong%0A::set-output name=x::pwned%0D%0A::add-mask::100%25?[31m');
    // Every other line is either the stop/resume pair or plain summary text that cannot start a command.
    const summary = lines.slice(2, -2);
    expect(summary).toEqual(['abx: 1 error and 0 warnings in 1 file', '  accounts/a,b:c%.md:1:1  error  name is wrong ::set-output name=x::pwned ::add-mask::100%?[31m  (schema)']);
    for (const line of summary) expect(line.startsWith('::')).toBe(false);
    expect(lines[1]).toBe(`::stop-commands::${token(summary)}`);
    expect(lines[4]).toBe(`::${token(summary)}::`);
  });

  it('says so when there is nothing to report', () => {
    const summary = ['abx: no problems in 3 files'];
    expect(renderGithub(report([], ['a', 'b', 'c']))).toBe(`::stop-commands::${token(summary)}\nabx: no problems in 3 files\n::${token(summary)}::\n`);
  });
});

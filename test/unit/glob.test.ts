import { describe, expect, it } from 'vitest';
import { compileGlob, globBase } from '../../src/workspace/glob.js';

const cases: [string, string, boolean][] = [
  ['accounts/*.md', 'accounts/acme.md', true],
  ['accounts/*.md', 'accounts/sub/acme.md', false],
  ['accounts/*.md', 'accounts/.md', true],
  ['accounts/**/*.md', 'accounts/acme.md', true],
  ['accounts/**/*.md', 'accounts/a/b/c/acme.md', true],
  ['accounts/**/*.md', 'other/acme.md', false],
  ['accounts/**', 'accounts/a/b.md', true],
  ['accounts/**', 'accounts', false],
  ['{accounts,crm}/*.md', 'crm/x.md', true],
  ['{accounts,crm}/*.md', 'kpis/x.md', false],
  ['a/{b,c{d,e}}/*.md', 'a/ce/x.md', true],
  ['a/{b,c{d,e}}/*.md', 'a/cf/x.md', false],
  ['a/?.md', 'a/x.md', true],
  ['a/?.md', 'a/xy.md', false],
  ['a/*x*y*.md', 'a/1x2y3.md', true],
  ['a/*x*y*.md', 'a/1y2x3.md', false],
  ['a/{b.md', 'a/{b.md', true],
  ['a/[x].md', 'a/[x].md', true],
  ['**/*.md', 'x.md', true],
  ['**/*.md', 'a/b/x.md', true],
];

describe('globs', () => {
  it.each(cases)('%s against %s: %s', (glob, path, expected) => {
    expect(compileGlob(glob).test(path)).toBe(expected);
  });

  it('many ** parts against a deep path that does not match: answered, not backtracked', () => {
    const deep = `accounts/${Array.from({ length: 25 }, (_, i) => `d${i}`).join('/')}/y.md`;
    expect(compileGlob(`accounts/${'**/'.repeat(40)}x*.md`).test(deep)).toBe(false);
    expect(compileGlob(`accounts/${'**/'.repeat(40)}y*.md`).test(deep)).toBe(true);
    expect(compileGlob(`a/${'*a'.repeat(40)}b.md`).test(`a/${'a'.repeat(250)}.md`)).toBe(false);
  });

  it('finds the folder a glob lies below', () => {
    expect(globBase('crm/accounts/**/*.md')).toBe('crm/accounts');
    expect(globBase('{a,b}/*.md')).toBe('');
  });
});

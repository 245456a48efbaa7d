/** The documentation holds together: every relative link points at a file of the repository, and the README links every page. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';

const pages = ['README.md', ...readdirSync(join(REPO, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

function links(page: string): string[] {
  const text = readFileSync(join(REPO, page), 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '').filter((l) => !/^[a-z]+:/i.test(l) && !l.startsWith('#'));
}

describe('documentation links', () => {
  it('point at files that exist', () => {
    const broken = pages.flatMap((page) => links(page).filter((l) => !existsSync(join(REPO, dirname(page), l.split('#')[0] ?? ''))).map((l) => `${page} → ${l}`));
    expect(broken).toEqual([]);
  });

  it('reach every page from the README', () => {
    const linked = new Set(links('README.md'));
    expect(pages.filter((p) => p !== 'README.md' && !linked.has(p))).toEqual([]);
  });

  it('name no specification page that is not in the repository', () => {
    // The contract's pages (cli.md and the rest) live outside this repository: the docs say what they say instead.
    expect(pages.filter((page) => /\bcli\.md\b/.test(readFileSync(join(REPO, page), 'utf8')))).toEqual([]);
  });
});

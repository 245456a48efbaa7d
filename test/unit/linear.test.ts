/**
 * The inputs that were quadratic (see bench/hostile.mjs for the times): here only their answers,
 * which the linear versions must keep. No timings in unit tests.
 */
import { describe, expect, it } from 'vitest';
import { visit } from 'yaml';
import { parseYaml, parseYamlDocument } from '../../src/core/yaml/parse.js';
import { locatePath } from '../../src/core/yaml/locate.js';
import { locateFast } from '../../src/core/yaml/locate-fast.js';

describe('answers of the linear paths', () => {
  it('aliases resolve to the last anchor of their name before them', () => {
    const text = 'a: &x 1\nb: *x\nc: &x 2\nd: [*x, *x]\ne: &y { k: *x }\nf: *y\n';
    const parsed = parseYamlDocument(text);
    expect(parsed.result).toEqual({ ok: true, data: { a: 1, b: 1, c: 2, d: [2, 2], e: { k: 2 }, f: { k: 2 } } });
    expect(locatePath(parsed.doc, parsed.lineCounter, ['f', 'k'])).toMatchObject({ line: 5, column: 9 });
    // The conversion leaves the Document as it was: no own `resolve` is left on alias nodes.
    const own: string[] = [];
    visit(parsed.doc, { Alias: (_k, alias) => void (Object.hasOwn(alias, 'resolve') && own.push('resolve')) });
    expect(own).toEqual([]);
  });

  it('a long list of aliases is read, an alias bomb still refused', () => {
    const list = parseYaml(`tags:\n  - &e x\n${'  - *e\n'.repeat(5000)}`);
    expect(list.ok && (list.data as { tags: string[] }).tags.length).toBe(5001);
    const bomb = parseYaml(['a: &a [1,1,1,1,1,1,1,1,1,1]', ...'bcdefg'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdef'[i]}`).join(',')}]`)].join('\n'));
    expect(bomb).toMatchObject({ ok: false, error: { message: 'aliases expand to more than 200,000 values (an alias bomb?)' } });
  });

  it('duplicate keys are found without comparing every pair, at the first repeat', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `k${i}: ${i}`).join('\n');
    expect(parseYamlDocument(`${keys}\nk17: again\nk18: again\n`).result).toEqual({ ok: false, error: { message: 'duplicate key "k17": a key may appear only once in a map', line: 3001, column: 1 } });
    expect(parseYamlDocument('a: { x: 1, x: 2 }\n').result).toMatchObject({ ok: false, error: { line: 1, column: 12 } });
  });

  it('deep flow collections without aliases are large, not a bomb', () => {
    const line = `  - ${'['.repeat(63)}1${']'.repeat(63)}\n`;
    expect(parseYaml(`tags:\n${line}`)).toMatchObject({ ok: false, error: { message: 'data is nested more than 64 levels deep' } });
    expect(parseYaml(`tags:\n${'  - 1\n'.repeat(200_001)}`)).toMatchObject({
      ok: false,
      error: { message: 'the frontmatter holds more than 200,000 values: split it into smaller files' },
    });
  });

  it('locating many problems in one list gives each its own position', () => {
    const text = `signals:\n${Array.from({ length: 500 }, (_, i) => `  - { type: t, date: 2026-01-01, summary: s${i} }\n`).join('')}`;
    expect(locateFast(text, ['signals', 0, 'summary'])).toEqual({ line: 2, column: 34, endLine: 2, endColumn: 45 });
    expect(locateFast(text, ['signals', 499, 'summary'])).toEqual({ line: 501, column: 34, endLine: 501, endColumn: 47 });
    expect(locateFast(text, ['signals', 250])).toEqual({ line: 252, column: 5, endLine: 252, endColumn: 49 });
  });
});

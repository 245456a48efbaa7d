/**
 * The two YAML paths must agree: parseYaml (js-yaml fast path when it applies, else the `yaml`
 * Document) and parseYamlDocument give the same data or both an error, on every fixture and
 * template file and on a list of known differences between the two engines; and locateFast gives
 * the same positions as locatePath wherever it answers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/core/frontmatter.js';
import type { DataPath } from '../../src/core/problem.js';
import { locatePath } from '../../src/core/yaml/locate.js';
import { locateFast } from '../../src/core/yaml/locate-fast.js';
import { parseYaml, parseYamlDocument, parseYamlFast, type YamlResult } from '../../src/core/yaml/parse.js';
import { checkYamlText } from '../../src/core/yaml/limits.js';
import { REPO } from '../helpers.js';

function* filesUnder(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else if (/\.(md|ya?ml)$/i.test(name)) yield path;
  }
}

/** The YAML text of a file: the frontmatter of markdown, the whole of a YAML file. */
function yamlOf(path: string): string | undefined {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  if (!/\.md$/i.test(path)) return text;
  const split = splitFrontmatter(text);
  return split.ok ? split.yaml : undefined;
}

const corpus = [...filesUnder(join(REPO, 'test', 'fixtures')), ...filesUnder(join(REPO, 'templates'))]
  .map((path) => ({ name: relative(REPO, path), yaml: yamlOf(path) }))
  .filter((f): f is { name: string; yaml: string } => f.yaml !== undefined);

/** What "the same" means: both ok with equal data (NaN, -0 and all), or both an error. */
function outcome(r: YamlResult): { ok: true; data: unknown } | { ok: false } {
  return r.ok ? { ok: true, data: r.data } : { ok: false };
}

/** Every path into the data, plus a missing key and a missing index under each. */
function* pathsOf(value: unknown, prefix: (string | number)[] = []): Generator<DataPath> {
  yield prefix;
  yield [...prefix, 'no-such-key'];
  yield [...prefix, 99];
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* pathsOf(value[i], [...prefix, i]);
  else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) yield* pathsOf((value as Record<string, unknown>)[key], [...prefix, key]);
}

export function expectSamePositions(yaml: string): { compared: number } {
  const doc = parseYamlDocument(yaml);
  if (!doc.result.ok) return { compared: 0 };
  let compared = 0;
  for (const path of pathsOf(doc.result.data)) {
    const fast = locateFast(yaml, path);
    if (!fast) continue;
    expect({ path, span: fast }).toEqual({ path, span: locatePath(doc.doc, doc.lineCounter, path) });
    compared++;
  }
  return { compared };
}

/** Texts on which js-yaml and the `yaml` package are known to differ unless parse.ts steers around it. */
const TRICKY = [
  '[a, b]: 1\n',
  '{a: 1}: x\n',
  'company: {{company}}\n',
  'a: {x: 1, [b]}\n',
  'a: [{x: 1}, [b]]\n',
  '1.0: a\n',
  '0x10: a\n',
  '~: a\n',
  'Null: a\n',
  'TRUE: a\n',
  '1e3: x\n',
  '.5: x\n',
  '-0: x\n',
  '"1": a\n1: b\n',
  'a: {: b}\n',
  '',
  '# only a comment\n',
  'a: -0\n',
  'a: .NaN\n',
  'a: -.inf\n',
  'a: 0o17\n',
  'a: 0x1F\n',
  'a: 1_000\n',
  'a: 0b101\n',
  'a: Yes\n',
  'a: 2026-11-24\n',
  'a: 2026-11-24T10:00:00Z\n',
  'a: 99999999999999999999\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  'a: !!int "3"\n',
  'a: !foo x\n',
  '<<: {a: 1}\n',
  '? a\n: b\n',
  'a: 1\na: 2\n',
  '__proto__: {polluted: true}\n',
  'a: [1, 2, ]\n',
  'a: {b, c}\n',
  'a: b\n  c\n',
  'a: 1\n---\nb: 2\n',
  '%YAML 1.1\n---\na: NO\n',
  'a: "\\x41\\u0042"\n',
  "a: 'it''s'\n",
  'a:\tb\n',
  'a: 1\r\r\nb: 2\r\r\n',
  'a: 1\rb: 2\n',
  'a: 1\r\nb: 2\r\n',
  'name: "unterminated\ncategory: x\n',
  "a: 'x\nb: y'\n",
  'a: "x\n  y"\n',
  '-ame: a\n',
  'a:\n    score\u0000 0\n',
  'a: b #c\n',
  'a: b#c\n',
  'key with spaces: v\n',
  'title: VP Quality & Compliance\n',
  'evidence: costs $2M & more, *really*\n',
  'a: x, &y\n',
  '- a\n- b\n',
  'a:\n- 1\n- 2\nb: 3\n',
  '[' .repeat(70) + ']'.repeat(70) + '\n',
  // Where js-yaml is more lenient than YAML 1.2 (the YAML test suite): see parse.ts.
  'a: |\n\t\nb: 1\n',
  '- [\n\tfoo,\n foo\n ]\n',
  'a: >\n \n  \n # c\n',
  'a: "value"# c\n',
  "a: 'value'#c\n",
  '---word\nx\n',
  'a: b\n... c\n',
  '&a a: &b b\n*b : *a\n',
  '&a: key: &a value\nfoo:\n  *a:\n',
];

describe('the fast path and the Document path agree', () => {
  it('has a corpus to compare', () => {
    expect(corpus.length).toBeGreaterThan(20);
  });

  for (const file of corpus) {
    it(file.name, () => {
      const document = parseYamlDocument(file.yaml).result;
      expect(outcome(parseYaml(file.yaml))).toEqual(outcome(document));
      if (checkYamlText(file.yaml) === undefined) {
        const fast = parseYamlFast(file.yaml);
        if (fast) expect(outcome(fast)).toEqual(outcome(document));
      }
    });
  }

  it('takes the fast path for the ordinary template files', () => {
    const fast = corpus.filter((f) => parseYamlFast(f.yaml) !== undefined).length;
    // Most files are plain block YAML; tags, anchors and odd keys are the exception.
    expect(fast / corpus.length).toBeGreaterThan(0.8);
  });

  for (const text of TRICKY) {
    it(`agrees on ${JSON.stringify(text.slice(0, 40))}`, () => {
      const document = parseYamlDocument(text).result;
      expect(outcome(parseYaml(text))).toEqual(outcome(document));
      if (checkYamlText(text) === undefined) {
        const fast = parseYamlFast(text);
        if (fast) expect(outcome(fast)).toEqual(outcome(document));
      }
    });
  }

  it('reads dates as strings and empty documents as null on both paths', () => {
    expect(parseYamlFast('a: 2026-11-24\n')).toEqual({ ok: true, data: { a: '2026-11-24' } });
    expect(parseYamlFast('')).toEqual({ ok: true, data: null });
    expect(parseYamlDocument('').result).toEqual({ ok: true, data: null });
  });

  it('leaves anchors, aliases, tags and odd keys to the Document path', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', '? a\n: b\n', '<<: {a: 1}\n', '1.0: a\n', '[a]: 1\n']) {
      expect(parseYamlFast(text)).toBeUndefined();
    }
    expect(parseYamlFast('title: VP Quality & Compliance\n')).toEqual({ ok: true, data: { title: 'VP Quality & Compliance' } });
  });

  it('reads aliases as keys and anchors whose name ends in a colon (YAML 1.2)', () => {
    expect(parseYaml('&a a: &b b\n*b : *a\n')).toEqual({ ok: true, data: { a: 'b', b: 'a' } });
    expect(parseYaml('&a: key: &a value\nfoo:\n  *a:\n')).toEqual({ ok: true, data: { key: 'value', foo: 'key' } });
    const aliasKey = parseYamlDocument('a: &k x\n*k : 2\n');
    expect(locatePath(aliasKey.doc, aliasKey.lineCounter, ['x'])).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 7 });
    expect(parseYaml('a: &k x\nx: 1\n*k : 2\n')).toEqual({ ok: false, error: { message: 'duplicate key "x": a key may appear only once in a map', line: 3, column: 1 } });
    expect(parseYaml('a: &k [1]\n*k : 2\n')).toEqual({
      ok: false,
      error: { message: 'a key must be text: a list or map cannot be a key (frontmatter keys are field names)', line: 2, column: 1 },
    });
  });

  it('keeps __proto__ as an own key on both paths', () => {
    const text = 'a: 1\n"__proto__": {x: 1}\n';
    const fast = parseYaml(text);
    const doc = parseYamlDocument(text).result;
    expect(fast).toEqual(doc);
    expect(fast.ok && Object.getPrototypeOf(fast.data)).toBe(Object.prototype);
    expect(fast.ok && Object.keys(fast.data as object)).toEqual(['a', '__proto__']);
  });
});

describe('locateFast agrees with locatePath', () => {
  it('on every path of every fixture and template file', () => {
    let compared = 0;
    for (const file of corpus) compared += expectSamePositions(file.yaml).compared;
    expect(compared).toBeGreaterThan(1000);
  });

  it('on the shapes whose ranges are easy to get wrong', () => {
    const text = [
      'a: 1   # c',
      'b:',
      '  c: x y  ',
      '  d: [1, 2]  # z',
      '',
      '  # trailing comment',
      'e:',
      '- { p: 1, q: two }',
      '-   plain   ',
      '- "q"',
      "- 'it''s'",
      'f:',
      'g: { x: { y: [ 1 , "two" , {z: 3} ] } , w: [] }',
      'i:',
      '  - x: 1',
      '    y: 2',
      '  - k: [a, b]',
      '',
      '# end',
      '',
    ].join('\n');
    expect(expectSamePositions(text).compared).toBeGreaterThan(40);
    expect(locateFast(text, ['e', 0, 'q'])).toEqual({ line: 8, column: 11, endLine: 8, endColumn: 17 });
    expect(locateFast(text, ['b'])).toEqual({ line: 2, column: 1, endLine: 5, endColumn: 1 });
  });

  it('locates around and at block scalars exactly as the Document does', () => {
    const texts = [
      'a: >-\n  x y\n  z\nb: 1\n',
      'a: |\n  x\n\n  y\n\nb: 1\n',
      'a: >- # c\n  x\n  # not a comment\nb: 2\n',
      'l:\n  - >-\n    x\n  - y\nm: 1\n',
      'm:\n  k: |\n    - not: a list\n  j: 2\n',
      'a: >-\n  x\n',
    ];
    for (const text of texts) {
      const { doc, lineCounter } = parseYamlDocument(text);
      for (const path of [['a'], ['b'], ['l', 0], ['l', 1], ['m'], ['m', 'k'], ['m', 'j']] as (string | number)[][]) {
        const fast = locateFast(text, path);
        expect(fast, `${JSON.stringify(text)} ${path.join('.')}`).toBeDefined();
        expect(fast).toEqual(locatePath(doc, lineCounter, path));
      }
    }
  });

  it('declines what it does not know, so the Document answers', () => {
    expect(locateFast('a: |+\n  text\n\nb: 1\n', ['b'])).toBeUndefined();
    expect(locateFast('a: |2\n  text\n', ['a'])).toBeUndefined();
    expect(locateFast('a: plain\n  continued\n', ['a'])).toBeUndefined();
    expect(locateFast('a: [1,\n  2]\n', ['a'])).toBeUndefined();
    expect(locateFast('a: 1\r\nb: 2\r\n', ['b'])).toBeUndefined();
    expect(locateFast('a: &x 1\n', ['a'])).toBeUndefined();
  });
});

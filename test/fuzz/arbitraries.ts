/**
 * Generators for the fuzz tests: plausible account, bet and config files, and the ways hostile or
 * careless input breaks them (truncation, random bytes, deep nesting, huge strings, odd tags,
 * anchors and alias bombs, wrong types, duplicate and prototype keys, broken fences).
 */
import fc from 'fast-check';

/** How many cases a property runs: FUZZ_RUNS (npm run fuzz sets 10,000), else a short run for CI. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/**
 * The short run in CI uses a fixed seed, so it is the same run every time; the long run
 * (`npm run fuzz`) explores a new seed each time, and fast-check prints it on failure. FUZZ_SEED
 * replays one.
 */
export const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : RUNS <= 1000 ? 20261124 : undefined;
/** A long run needs a long timeout. */
export const TIMEOUT = Math.max(60_000, RUNS * 60);

const word = fc.stringMatching(/^[A-Za-z][a-z]{1,9}$/);
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const id = fc.stringMatching(/^[a-z][a-z0-9]{0,7}(?:-[a-z0-9]{1,6}){0,2}$/);
const date = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Text that YAML must quote now and then: colons, hashes, quotes, ampersands, unicode. */
const text = fc.oneof(words, fc.string({ maxLength: 40 }), fc.constantFrom('VP Quality & Compliance', 'R&D: the lab', '#1 priority', "it's 'quoted'", '"double"', 'a: b', '- dash', '*star*', '!bang', '@at', '50% off', 'ünïcødé ✓'));

/** A YAML scalar for any string: plain when it is safe, double-quoted (JSON escapes) otherwise. */
export function scalar(value: string): string {
  return /^[A-Za-z][A-Za-z0-9 .()/-]*[A-Za-z0-9.)]$/.test(value) && !/ #|: /.test(value) && !/^(?:null|true|false|yes|no|on|off)$/i.test(value) ? value : JSON.stringify(value);
}

const flowMap = (entries: [string, string][]) => `{ ${entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;

export const accountText = fc
  .record({
    name: text,
    domain: fc.option(fc.domain(), { nil: undefined }),
    segment: fc.option(fc.constantFrom('core', 'other', 'missing-segment'), { nil: undefined }),
    motion: fc.option(fc.constantFrom('detect', 'decode', 'engage', 'accelerate', 'expand', 'sideways'), { nil: undefined }),
    pure: fc.option(fc.tuple(...['painful', 'urgent', 'recognized', 'expensive'].map((c) => fc.record({ c: fc.constant(c), score: fc.integer({ min: -1, max: 4 }), evidence: fc.option(text, { nil: undefined }) }))), { nil: undefined }),
    intent: fc.option(fc.integer({ min: -10, max: 120 }), { nil: undefined }),
    employees: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
    stack: fc.array(fc.constantFrom('sap', 'snowflake', 'salesforce', 'hubspot'), { maxLength: 4 }),
    engagement: fc.array(fc.record({ date, type: fc.constantFrom('website-visit', 'demo-request', 'meeting-scheduled', 'teleport'), note: fc.option(text, { nil: undefined }) }), { maxLength: 5 }),
    committee: fc.array(
      fc.record({ name: text, role: fc.constantFrom('champion', 'influencer', 'economic-buyer', 'villain'), status: fc.constantFrom('cold', 'warm', 'engaged'), seniority: fc.constantFrom('c-level', 'vp', 'director'), last: date }),
      { maxLength: 4 },
    ),
    signals: fc.array(fc.record({ type: fc.constantFrom('policy', 'leadership', 'procurement'), date, summary: text, touch: fc.option(date, { nil: undefined }) }), { maxLength: 3 }),
    block: fc.boolean(),
  })
  .map((a) => {
    const L: string[] = [`name: ${scalar(a.name)}`];
    if (a.domain) L.push(`domain: ${a.domain}`);
    if (a.segment) L.push(`segment: ${a.segment}`);
    if (a.motion) L.push(`motion: ${a.motion}`);
    if (a.pure) {
      L.push('pure:');
      for (const p of a.pure) {
        const entries: [string, string][] = [['score', String(p.score)]];
        if (p.evidence !== undefined) entries.push(['evidence', scalar(p.evidence)]);
        if (a.block) L.push(`  ${p.c}:`, ...entries.map(([k, v]) => `    ${k}: ${v}`));
        else L.push(`  ${p.c}: ${flowMap(entries)}`);
      }
    }
    if (a.intent !== undefined) L.push('fit:', `  intent: ${a.intent}`);
    if (a.employees !== undefined) L.push(`firmographics: { industry: Logistics, employees: ${a.employees}, region: Europe }`);
    if (a.stack.length) L.push(`technographics: { stack: [${a.stack.join(', ')}] }`);
    if (a.engagement.length) {
      L.push('engagement:');
      for (const e of a.engagement) L.push(`  - ${flowMap([['date', e.date], ['type', e.type], ...(e.note === undefined ? [] : [['note', scalar(e.note)] as [string, string]])])}`);
    }
    if (a.committee.length) {
      L.push('buying_committee:');
      for (const m of a.committee) {
        if (a.block) L.push(`  - name: ${scalar(m.name)}`, `    role: ${m.role}`, `    status: ${m.status}`, `    seniority: ${m.seniority}`, `    last_engaged: ${m.last}`);
        else L.push(`  - ${flowMap([['name', scalar(m.name)], ['role', m.role], ['status', m.status], ['seniority', m.seniority], ['last_engaged', m.last]])}`);
      }
    }
    if (a.signals.length) {
      L.push('signals:');
      for (const s of a.signals) L.push(`  - ${flowMap([['type', s.type], ['date', s.date], ['summary', scalar(s.summary)], ...(s.touch ? [['first_touch', s.touch] as [string, string]] : [])])}`);
    }
    return `${L.join('\n')}\n`;
  });

export const betText = fc
  .record({
    name: text,
    category: fc.constantFrom('messaging', 'channel', 'abm-motion', 'other', 'nonsense'),
    status: fc.constantFrom('proposed', 'running', 'won', 'killed', 'paused'),
    fields: fc.subarray(['hypothesis', 'test', 'success_criteria', 'kill_condition', 'learning_output', 'result']),
    value: text,
    accounts: fc.array(fc.constantFrom('other', 'fuzzed', 'ghost'), { maxLength: 3 }),
    started: fc.option(date, { nil: undefined }),
    review: fc.option(date, { nil: undefined }),
    folded: fc.boolean(),
  })
  .map((b) => {
    const L = [`name: ${scalar(b.name)}`, `category: ${b.category}`, `status: ${b.status}`];
    for (const f of b.fields) L.push(b.folded ? `${f}: >-\n  ${b.value.replace(/\n/g, ' ') || 'x'}\n  continued` : `${f}: ${scalar(b.value)}`);
    if (b.accounts.length) L.push(`accounts: [${b.accounts.join(', ')}]`);
    if (b.started) L.push(`started: ${b.started}`);
    if (b.review) L.push(`review_by: ${b.review}`);
    return `${L.join('\n')}\n`;
  });

export const configText = fc
  .record({
    weights: fc.tuple(fc.integer({ min: -5, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })),
    tiers: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
    stage: fc.constantFrom('early', 'scaling', 'leader', 'late'),
    rules: fc.dictionary(fc.constantFrom('segment-top3-pain', 'schema', 'unknown-key', 'no-such-rule'), fc.constantFrom('error', 'warn', 'off', 'loud'), { maxKeys: 3 }),
    asOf: fc.option(date, { nil: undefined }),
  })
  .map((c) => {
    const L = ['version: 1', `stage: ${c.stage}`];
    if (c.asOf) L.push(`as_of: ${c.asOf}`);
    L.push('scoring:', `  weights: { firmographic: ${c.weights[0]}, technographic: ${c.weights[1]}, intent: ${c.weights[2]}, engagement: ${c.weights[3]} }`, `  fit_tiers: [${c.tiers.join(', ')}]`);
    const rules = Object.entries(c.rules);
    if (rules.length) L.push('rules:', ...rules.map(([k, v]) => `  ${k}: ${v}`));
    return `${L.join('\n')}\n`;
  });

// ---------------------------------------------------------------- mutations

const HOSTILE_SNIPPETS = [
  '!!js/function "function(){return 1}"',
  '!foo bar',
  '!!binary aGVsbG8=',
  '!<tag:yaml.org,2002:str> x',
  '!!timestamp 2026-01-01',
  '&a [*a]',
  '*nowhere',
  '&x 1',
  '{ <<: *x }',
  '? [a, b]\n: c',
  '[a, b]: c',
  '__proto__: { polluted: true }',
  'constructor: { prototype: { x: 1 } }',
  '.nan',
  '-.inf',
  '0x1F',
  '1e400',
  '~',
  '"\\u0000\\x1b[31m"',
  "'unterminated",
  '"unterminated',
  '|\n  block\n   text',
  '>-\n folded',
  '%YAML 1.1',
  '---',
  '...',
  '\t',
  '\r\n',
  '\u2028',
  '\uFEFF',
  '\u0000',
  '\u001b[2J',
  // Where js-yaml is more lenient than YAML 1.2, or the `yaml` package stricter (the YAML test suite).
  '"quoted"# glued comment',
  '|\n \n  text',
  '---text',
  '&k: x',
  '*x : y',
];

const ALIAS_BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');

type Mutation = (t: string) => string;

/** A mutation of a text: each one a way real files break, alone or in combination. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n) => (t: string) => t.slice(0, n % (t.length + 1))),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 12 })).map(([n, s]) => (t: string) => t.slice(0, n % (t.length + 1)) + s + t.slice(n % (t.length + 1))),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 0x10ffff })).map(([n, c]) => (t: string) => {
    const i = n % (t.length + 1);
    return t.slice(0, i) + String.fromCodePoint(c >= 0xd800 && c <= 0xdfff ? 0xfffd : c) + t.slice(i + 1);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE_SNIPPETS)).map(([n, s]) => (t: string) => {
    // Put the snippet in place of a value, or at the start of a line.
    const lines = t.split('\n');
    const i = n % Math.max(1, lines.length);
    const line = lines[i] ?? '';
    const colon = line.indexOf(': ');
    lines[i] = colon === -1 ? `${s}${line}` : `${line.slice(0, colon + 2)}${s}`;
    return lines.join('\n');
  }),
  fc.tuple(fc.constantFrom('[', '{a: ', '- ', '  '), fc.integer({ min: 10, max: 3000 })).map(([open, n]) => (t: string) => {
    if (open === '  ') return `${t}deep:\n${Array.from({ length: Math.min(n, 300) }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} x\n`;
    const close = open === '[' ? ']' : open === '{a: ' ? '}' : '';
    return `${t}deep: ${open.repeat(n)}x${close.repeat(n)}\n`;
  }),
  fc.tuple(fc.constantFrom('name', 'evidence', 'summary', 'note'), fc.integer({ min: 1_000, max: 300_000 })).map(([key, n]) => (t: string) => `${t}${key}: ${'x'.repeat(n)}\n`),
  fc.constant((t: string) => `${t}${ALIAS_BOMB}\n`),
  fc.tuple(fc.constantFrom('name', 'pure', 'engagement', 'buying_committee', 'signals', 'fit', 'status', 'accounts', 'scoring', 'weights', 'version'), fc.constantFrom('[1, 2]', '{ a: 1 }', '42', 'null', 'true', '"text"', '[[[]]]', '{}', '-1', '2026-13-45')).map(
    ([key, value]) =>
      (t: string) => {
        // Give a known key a value of the wrong type, at whatever depth it is.
        const re = new RegExp(`^(\\s*(?:- )?${key}:).*$`, 'm');
        return re.test(t) ? t.replace(re, `$1 ${value}`) : `${t}${key}: ${value}\n`;
      },
  ),
  fc.nat().map((n) => (t: string) => {
    // Duplicate a line (duplicate keys, repeated items).
    const lines = t.split('\n');
    const i = n % Math.max(1, lines.length);
    lines.splice(i, 0, lines[i] ?? '');
    return lines.join('\n');
  }),
  fc.constant((t: string) => t.replace(/\n/g, '\r\n')),
  fc.constant((t: string) => t.replace(/^( +)/gm, (m) => '\t'.repeat(m.length / 2))),
);

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

export function applyAll(text: string, ms: Mutation[]): string {
  return ms.reduce((t, m) => m(t), text);
}

/** Wraps YAML as a markdown file, sometimes with a broken fence. */
export const fence = fc.constantFrom<[string, string]>(['---\n', '---\n'], ['---\n', '---\n'], ['---\n', '---\n'], ['---\n', '...\n'], ['---js\n', '---\n'], ['---toString\n', '---\n'], ['---\n', ''], ['----\n', '----\n'], ['\uFEFF---\n', '---\n'], ['--- x\n', '--- x\n'], ['', '']);

export function markdown(yaml: string, [open, close]: [string, string], body = '\n# Title\n\nBody text.\n'): string {
  return `${open}${yaml}${close}${body}`;
}

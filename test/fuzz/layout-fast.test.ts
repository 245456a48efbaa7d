/**
 * The short way of `abx fmt` (src/core/layout-fast.ts: a file shown to be in the normal layout
 * without building a `yaml` Document) against the long way, on frontmatter generated near the
 * edges of the subset it knows: every spacing, indentation, comment and blank-line placement, the
 * scalars YAML treats specially, duplicate keys, tabs, CRLF. For every text:
 * - normaliseYaml (short way first) gives exactly what normaliseWithDocument gives;
 * - where plainReprint claims to know the re-print, the text parses and the claim is the `yaml`
 *   package's re-print (documentReprint), byte for byte.
 * At least 2,000 cases in `npm test`; `npm run fuzz` runs FUZZ_RUNS.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainReprint } from '../../src/core/layout-fast.js';
import { documentReprint, normaliseWithDocument, normaliseYaml } from '../../src/core/layout.js';
import { parseYamlDocument } from '../../src/core/yaml/parse.js';
import { RUNS, SEED, TIMEOUT } from './arbitraries.js';

const params = { numRuns: Math.max(RUNS, 2000), seed: SEED };

/** Scalars as people write them, numbers, dates and words YAML reads as something else. */
const usual = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Acme', 'VP Operations', 'New VP of Global Distribution hired', 'a, b', 'a]b', 'C#', 'R&D', 'x-1', 'ünïcødé ✓', 'Tom (COO)', '50%', 'nbsp\u00a0', '\u00a0lead', 'wide\u3000space', '😀 emoji', 'x"y', "x'y") },
  { weight: 3, arbitrary: fc.constantFrom('0', '3', '-5', '+1', '007', '1.50', '.5', '1e3', '0x1F', '0o17', '.inf', '-.Inf', '.nan', '12345678901234567890', '185000.5') },
  { weight: 3, arbitrary: fc.constantFrom('2026-11-24', '2026-11-11T15:30:00Z', '12:30', 'http://x.example/a?b=c', 'a:b') },
  { weight: 2, arbitrary: fc.constantFrom('~', 'null', 'Null', 'true', 'False', 'TRUE', 'yes', 'on') },
  { weight: 2, arbitrary: fc.constantFrom('"quoted"', '"a: b # c"', "'single'", "'it''s'", '""', "''", '"a\'b"') },
);
/** And the ones YAML reads or prints differently: escapes, indicators, tabs, trailing spaces. */
const scalar = fc.oneof(
  { weight: 8, arbitrary: usual },
  {
    weight: 2,
    arbitrary: fc.constantFrom('"esc\\n"', '"tab\\t"', '"\\u00e9"', '-x', '- x', '-', '--', '---x', '...', '..x', '?x', '? x', ':x', 'a:', 'a: b', 'a #b', 'a#b', '#x', '&a x', '*a', '!t x', '!!str x', '|', '>-', '%x', '@x', '`x`', '[x', '{x', '<<', '=', 'a\tb', 'x '),
  },
);

const key = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('name', 'score', 'evidence', 'date', 'type', 'note', 'revenue_usd', 'first-touch', '_x', 'A1') },
  { weight: 1, arbitrary: fc.constantFrom('true', 'Null', '1', '-k', 'a b', '"q"', "'q'", 'k:k', '~', '? k', 'x'.repeat(201)) },
);

type Node = { t: 'scalar'; v: string } | { t: 'map'; entries: [string, Node][]; flow: boolean } | { t: 'seq'; items: Node[]; flow: boolean } | { t: 'null' };

/** Nested maps and lists, in flow or block style, of the given scalars and keys. */
function nodes(scalars: fc.Arbitrary<string>, keys: fc.Arbitrary<string>): fc.Arbitrary<Node> {
  return fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 4 },
      { weight: 6, arbitrary: scalars.map((v) => ({ t: 'scalar' as const, v })) },
      { weight: 1, arbitrary: fc.constant({ t: 'null' as const }) },
      { weight: 2, arbitrary: fc.record({ t: fc.constant('map' as const), entries: fc.array(fc.tuple(keys, tie('node')), { minLength: 0, maxLength: 4 }), flow: fc.boolean() }) },
      { weight: 2, arbitrary: fc.record({ t: fc.constant('seq' as const), items: fc.array(tie('node'), { minLength: 0, maxLength: 4 }), flow: fc.boolean() }) },
    ),
  })).node;
}

const topMap = (scalars: fc.Arbitrary<string>, keys: fc.Arbitrary<string>) =>
  fc.array(fc.tuple(keys, nodes(scalars, keys)), { minLength: 1, maxLength: 7 }).map((entries): Node => ({ t: 'map', entries, flow: false }));
/** Mostly what real files hold, so that many texts are in the subset and many in the normal layout. */
const tame = topMap(usual, fc.constantFrom('name', 'score', 'evidence', 'date', 'type', 'note', 'revenue_usd', 'first-touch', '_x', 'A1'));
/** Anything, odd keys included. */
const wild = topMap(scalar, key);

/** How a text is laid out: each choice is usually the normal one. */
const style = fc.record({
  afterColon: fc.constantFrom(1, 1, 1, 1, 2, 4),
  afterDash: fc.constantFrom(1, 1, 1, 1, 3),
  flowPad: fc.constantFrom('normal', 'normal', 'tight', 'wide'),
  indentSeq: fc.constantFrom(true, true, true, false),
  indentStep: fc.constantFrom(2, 2, 2, 2, 4, 3),
  align: fc.boolean(),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

/** Small deterministic choices per line, from the style's seed. */
function chooser(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n;
  };
}

type Style = typeof style extends fc.Arbitrary<infer T> ? T : never;

function render(root: Node, s: Style): string {
  const pick = chooser(s.seed);
  const lines: string[] = [];
  const flow = (n: Node): string => {
    if (n.t === 'null') return '';
    if (n.t === 'scalar') return n.v;
    const parts = n.t === 'map' ? n.entries.map(([k, v]) => `${k}: ${flow(v)}`.trimEnd()) : n.items.map(flow);
    const [o, c] = n.t === 'map' ? ['{', '}'] : ['[', ']'];
    if (parts.length === 0) return s.flowPad === 'wide' ? `${o} ${c}` : `${o}${c}`;
    const sep = s.flowPad === 'tight' ? ',' : s.flowPad === 'wide' ? ' ,  ' : ', ';
    const pad = s.flowPad === 'tight' ? '' : s.flowPad === 'wide' ? '  ' : n.t === 'map' ? ' ' : '';
    return `${o}${pad}${parts.join(sep)}${pad}${c}`;
  };
  const comment = () => (pick(10) < 1 ? `${' '.repeat(1 + Math.floor(pick(4)))}# note ${Math.floor(pick(100))}` : '');
  const extras = (indent: number) => {
    const r = pick(30);
    if (r < 2) lines.push('');
    else if (r < 3) lines.push('', '');
    else if (r < 4.5) lines.push(`${' '.repeat(Math.max(0, indent + (pick(6) < 1 ? 2 : 0)))}# comment`);
    else if (r < 5) lines.push(`${' '.repeat(indent)}#`);
  };
  const scalarLine = (n: Node) => n.t === 'scalar' || n.t === 'null' || ((n.t === 'map' || n.t === 'seq') && (n.flow || (n.t === 'map' ? n.entries.length === 0 : n.items.length === 0)));
  const block = (n: Node, indent: number, lead: string, width: number) => {
    // `lead` is what stands before the value on its line (`key:` or `- `).
    if (scalarLine(n)) {
      const v = flow(n);
      const gap = v === '' ? '' : ' '.repeat(lead.endsWith(':') ? (s.align ? Math.max(1, width - lead.length + 1) : s.afterColon) : 0);
      lines.push(`${lead}${gap}${v}${comment()}`);
      return;
    }
    lines.push(`${lead}${pick(20) < 1 ? ' # on the key' : ''}`);
    const inner = n.t === 'seq' && !s.indentSeq ? indent : indent + s.indentStep;
    body(n, inner);
  };
  const body = (n: Node, indent: number) => {
    const pad = ' '.repeat(indent + (pick(40) < 1 ? 1 : 0));
    if (n.t === 'map') {
      const width = Math.max(...n.entries.map(([k]) => k.length + 1));
      for (const [k, v] of n.entries) {
        extras(indent);
        block(v, indent, `${pad}${k}:`, width);
      }
    } else if (n.t === 'seq') {
      for (const item of n.items) {
        extras(indent);
        const dash = `${pad}-${' '.repeat(s.afterDash)}`;
        if (item.t === 'map' && !item.flow && item.entries.length > 0) {
          // A compact map: the first entry on the dash's line.
          const [[k0, v0], ...rest] = item.entries as [[string, Node], ...[string, Node][]];
          const width = Math.max(...item.entries.map(([k]) => k.length + 1));
          block(v0, indent + 1 + s.afterDash, `${dash}${k0}:`, width);
          for (const [k, v] of rest) {
            extras(indent + 1 + s.afterDash);
            block(v, indent + 1 + s.afterDash, `${' '.repeat(indent + 1 + s.afterDash)}${k}:`, width);
          }
        } else if (scalarLine(item)) lines.push(`${dash}${flow(item)}${comment()}`.trimEnd());
        else {
          lines.push(dash.trimEnd());
          body(item, indent + s.indentStep);
        }
      }
    }
  };
  extras(0);
  body(root, 0);
  if (pick(20) < 1) lines.push('');
  if (pick(40) < 1) lines.push('# the end');
  let text = `${lines.join('\n')}\n`;
  if (pick(60) < 1) text = text.replace(/\n/g, '\r\n');
  if (pick(60) < 1) text = text.replace(/: /, ':\t');
  if (pick(60) < 1) text = text.replace(/\n/, ' \n');
  return text;
}

describe('the short way of fmt agrees with the long way', () => {
  it(
    'on generated frontmatter near the edges of the subset',
    () => {
      let known = 0;
      let normal = 0;
      let runs = 0;
      fc.assert(
        fc.property(fc.oneof(tame, wild), style, (root, s) => {
          const text = render(root, s);
          runs++;
          const printed = plainReprint(text);
          if (printed !== undefined) {
            known++;
            const parsed = parseYamlDocument(text);
            expect(parsed.result.ok, text).toBe(true);
            expect(printed, text).toBe(documentReprint(text, parsed.doc));
          }
          const slow = normaliseWithDocument(text);
          expect(normaliseYaml(text), text).toEqual(slow);
          if (printed !== undefined && slow.ok && slow.text === text) normal++;
        }),
        params,
      );
      // The generator must reach the short way often, or this test proves little.
      expect(known / runs).toBeGreaterThan(0.15);
      expect(normal / runs).toBeGreaterThan(0.05);
    },
    TIMEOUT,
  );
});

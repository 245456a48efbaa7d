/** Completion over half-typed frontmatter, config and KPI files: exact items on fixture texts. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import { KPI_IDS } from '../../src/core/kpis.js';
import { RULES } from '../../src/core/problem.js';
import type { EditorDocument, WorkspaceFacts } from '../../src/lsp/facts.js';
import { completions } from '../../src/lsp/complete.js';
import { hover } from '../../src/lsp/hover.js';
import { REPO } from '../helpers.js';
import { at, exampleFacts } from './lsp-facts.js';

let facts: WorkspaceFacts;
beforeAll(async () => {
  facts = await exampleFacts();
});

const labels = (path: string, kind: EditorDocument['kind'], marked: string) => {
  const { doc, position } = at(path, kind, marked);
  return completions(doc, position, facts).map((i) => i.label);
};
/** The range an item replaces (abx sends plain text edits). */
const rangeOf = (item: CompletionItem | undefined) => (item?.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined);
const account = (marked: string) => labels('accounts/new.md', 'accounts', marked);
const SEGMENTS = ['cold-chain-pharma', 'industrial-manufacturing', 'regional-3pl'];
const ACCOUNT_KEYS = ['name', 'domain', 'segment', 'owner', 'motion', 'pure', 'fit', 'firmographics', 'technographics', 'engagement', 'buying_committee', 'signals', 'next_actions', 'discovery', 'tags', 'deals'];

describe('keys', () => {
  it('offers the keys a map does not have yet, in schema order, with their descriptions', () => {
    const { doc, position } = at('accounts/new.md', 'accounts', '---\nname: A\nseg|\nmotion: decode\n---\n# A\n');
    const items = completions(doc, position, facts);
    expect(items.map((i) => i.label)).toEqual(ACCOUNT_KEYS.filter((k) => k !== 'name' && k !== 'motion'));
    expect(items[1]).toEqual({
      label: 'segment',
      kind: 10,
      documentation: { kind: 'markdown', value: 'The id of the segment the account belongs to (a file in segments/).' },
      sortText: '00001',
      textEdit: { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, newText: 'segment: ' },
    });
    // A map or a list is opened on the next line, not given a value.
    expect(items.find((i) => i.label === 'pure')?.textEdit).toEqual({ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, newText: 'pure:' });
  });

  it('offers the keys of a list item, marking the required ones', () => {
    const { doc, position } = at('accounts/new.md', 'accounts', '---\nname: A\nbuying_committee:\n  - name: Dana\n    |\n    role: champion\n  - name: Lee\n    title: CFO\n---\n');
    const items = completions(doc, position, facts);
    expect(items.map((i) => [i.label, i.detail])).toEqual([
      ['title', 'required'],
      ['status', 'required'],
      ['seniority', undefined],
      ['last_engaged', undefined],
      ['email', undefined],
      ['note', undefined],
    ]);
  });

  it('offers the keys of a map nested under a compact list (the dash at the key\'s indent)', () => {
    expect(account('---\nname: A\nsignals:\n- type: policy\n  d|\n')).toEqual(['date', 'summary', 'source', 'first_touch']);
  });

  it('offers keys after a fresh list item marker', () => {
    expect(account('---\nname: A\nengagement:\n  - |\n')).toEqual(['date', 'type', 'note']);
  });

  it('offers the keys of a flow map, less those written before the cursor', () => {
    expect(account('---\nname: A\nengagement:\n  - { date: 2026-10-01, |')).toEqual(['type', 'note']);
    expect(account('---\nname: A\nfirmographics: { industry: Pharma, re|')).toEqual(['employees', 'revenue_usd', 'region']);
  });

  it('offers the missing PURE criteria', () => {
    expect(account('---\nname: A\npure:\n  painful: { score: 3, evidence: x }\n  |\n  expensive:\n    score: 0\n')).toEqual(['urgent', 'recognized']);
  });

  it('offers the config\'s rule ids and KPI ids as keys of rules and kpis', () => {
    const rules = labels('abx.config.yaml', 'config', 'version: 1\nrules:\n  segment-top3-pain: off\n  |\n');
    expect(rules).toEqual(Object.keys(RULES).filter((r) => r !== 'segment-top3-pain'));
    expect(labels('abx.config.yaml', 'config', 'version: 1\nkpis:\n  |')).toEqual([...KPI_IDS]);
    const { doc, position } = at('abx.config.yaml', 'config', 'rules:\n  bet-|');
    expect(completions(doc, position, facts).find((i) => i.label === 'bet-incomplete')).toMatchObject({ detail: 'default: error', textEdit: { newText: 'bet-incomplete:' } });
  });

  it('offers the configured journey stages as keys of stages', () => {
    expect(labels('journeys/j.md', 'journeys', '---\nname: J\nstages:\n  identification:\n    customer_activities: [Reads]\n  |\n')).toEqual(['consideration', 'validation', 'implementation', 'expansion']);
  });

  it('offers the account facts a segment\'s firmographic criteria match', () => {
    expect(labels('segments/s.md', 'segments', '---\nname: S\ncriteria:\n  firmographic:\n    industry: [Pharma]\n    |\n')).toEqual(['employees', 'revenue_usd', 'region']);
    expect(labels('abx.config.yaml', 'config', 'icp:\n  criteria:\n    firmographic: { |')).toEqual(['industry', 'employees', 'revenue_usd', 'region']);
  });

  it('offers segment ids as keys of a capability\'s benefits', () => {
    expect(labels('messaging/m.md', 'messaging', '---\nname: M\ncapabilities:\n  - capability: Audit trail\n    benefits:\n      regional-3pl: Fewer claims\n      |\n')).toEqual(['cold-chain-pharma', 'industrial-manufacturing']);
  });

  it('offers the top-level keys of a KPI record and of the config', () => {
    expect(labels('kpis/x.yaml', 'kpis', '- kpi: pipeline-velocity\n  |')).toEqual(['period', 'value', 'note']);
    expect(labels('abx.config.yaml', 'config', 'version: 1\nscoring:\n  weights: { intent: 30 }\n  |')).toEqual(['fit_tiers', 'fit_tier_capacity', 'engagement', 'mqa']);
  });
});

describe('values', () => {
  it('offers the enum values of a key, replacing what is typed', () => {
    const { doc, position } = at('accounts/new.md', 'accounts', '---\nname: A\nmotion: de|\n---\n');
    const items = completions(doc, position, facts);
    expect(items.map((i) => i.label)).toEqual(['detect', 'decode', 'engage', 'accelerate', 'expand']);
    expect(items[0]).toEqual({
      label: 'detect',
      kind: 20,
      documentation: { kind: 'markdown', value: 'The ABX motion the account is in: detect, decode, engage, accelerate or expand.' },
      sortText: '00000',
      textEdit: { range: { start: { line: 2, character: 8 }, end: { line: 2, character: 10 } }, newText: 'detect' },
    });
  });

  it('offers roles, statuses and seniorities in block and flow lists', () => {
    expect(account('---\nname: A\nbuying_committee:\n  - name: X\n    role: |\n')).toEqual(['champion', 'influencer', 'blocker', 'decision-maker', 'economic-buyer', 'technical-buyer']);
    expect(account('---\nname: A\nbuying_committee:\n  - { name: X, title: CFO, role: champion, status: |')).toEqual(['cold', 'warm', 'engaged']);
    expect(account('---\nname: A\nbuying_committee:\n  - name: X\n    seniority: "v|"\n')).toEqual(['c-level', 'vp', 'director', 'manager', 'individual']);
  });

  it('offers signal types, bet statuses and categories, collateral types, KPI ids, investment categories', () => {
    expect(account('---\nname: A\nsignals:\n  - type: |')).toEqual(['policy', 'procurement', 'leadership', 'competitive', 'strategic']);
    expect(labels('bets/b.md', 'bets', '---\nname: B\nstatus: |')).toEqual(['proposed', 'running', 'won', 'killed']);
    expect(labels('bets/b.md', 'bets', '---\ncategory: |\n')).toEqual(['messaging', 'channel', 'abm-motion', 'product-launch', 'other']);
    expect(labels('collateral/c.md', 'collateral', '---\nname: C\ntype: |')).toEqual(['roi-calculator', 'datasheet', 'case-study', 'battle-card', 'executive-presentation', 'other']);
    expect(labels('kpis/x.yaml', 'kpis', '- { kpi: |')).toEqual([...KPI_IDS]);
    expect(labels('investments/q.yaml', 'investments', '- period: 2026-Q3\n  category: |')).toEqual(['technology', 'content', 'advertising', 'events', 'headcount']);
    expect(labels('abx.config.yaml', 'config', 'stage: |')).toEqual(['early', 'scaling', 'leader']);
    expect(labels('abx.config.yaml', 'config', 'rules:\n  bet-incomplete: |')).toEqual(['error', 'warn', 'off']);
    expect(labels('abx.config.yaml', 'config', 'scoring:\n  mqa:\n    senior_levels: [|')).toEqual(['c-level', 'vp', 'director', 'manager', 'individual']);
  });

  it('says what each KPI id measures and its target', () => {
    const { doc, position } = at('kpis/x.yaml', 'kpis', '- kpi: sig|');
    expect(completions(doc, position, facts)[3]).toEqual({
      label: 'signal-latency',
      kind: 20,
      detail: 'leading, target < 72',
      documentation: { kind: 'markdown', value: 'median hours from signal to first touch' },
      sortText: '00003',
      textEdit: { range: { start: { line: 0, character: 7 }, end: { line: 0, character: 10 } }, newText: 'signal-latency' },
    });
  });

  it('offers the activity types of the config\'s points table, with their points', () => {
    const { doc, position } = at('accounts/new.md', 'accounts', '---\nname: A\nengagement:\n  - { date: 2026-10-01, type: |');
    expect(completions(doc, position, facts).map((i) => `${i.label} ${i.detail}`)).toEqual([
      'website-visit 1 points',
      'content-download 5 points',
      'event-registration 10 points',
      'demo-request 25 points',
      'meeting-scheduled 50 points',
      'opportunity-created 100 points',
    ]);
  });

  it('offers the ids a reference may name: segments, accounts, collateral', () => {
    const { doc, position } = at('accounts/new.md', 'accounts', '---\nname: A\nsegment: |\n---\n');
    expect(completions(doc, position, facts)[2]).toEqual({
      label: 'regional-3pl',
      kind: 18,
      detail: 'segments/regional-3pl.md',
      sortText: '00002',
      textEdit: { range: { start: { line: 2, character: 9 }, end: { line: 2, character: 9 } }, newText: 'regional-3pl' },
    });
    expect(labels('bets/b.md', 'bets', '---\nname: B\nsegments:\n  - |\n')).toEqual(SEGMENTS);
    expect(labels('bets/b.md', 'bets', '---\nname: B\naccounts: [helix-biologics, nor|')).toEqual([...facts.ids('accounts')].sort().filter((id) => id !== 'helix-biologics'));
    expect(labels('journeys/j.md', 'journeys', '---\nname: J\nsegment: reg|')).toEqual(SEGMENTS);
    expect(labels('collateral/c.md', 'collateral', '---\nname: C\nsegments: [|]')).toEqual(SEGMENTS);
    expect(labels('messaging/m.md', 'messaging', '---\nname: M\npersonas:\n  - persona: CFO\n    proof_points:\n      - |')).toEqual([
      'excursion-cost-calculator',
      'gdp-audit-executive-briefing',
      'helix-gdp-case-study',
      'incumbent-battle-card',
      'lanternline-platform-datasheet',
      'northwind-portal-case-study',
    ]);
  });

  it('leaves out the values a list already has', () => {
    expect(labels('bets/b.md', 'bets', '---\nname: B\nsegments:\n  - regional-3pl\n  - |\n  - "cold-chain-pharma" # first\naccounts: []\n')).toEqual(['industrial-manufacturing']);
    expect(labels('bets/b.md', 'bets', '---\nname: B\nsegments:\n- regional-3pl\n- |\n')).toEqual(['cold-chain-pharma', 'industrial-manufacturing']);
    expect(labels('collateral/c.md', 'collateral', '---\nname: C\nsegments: [regional-3pl, "cold-chain-pharma", |]')).toEqual(['industrial-manufacturing']);
    expect(labels('abx.config.yaml', 'config', 'scoring:\n  mqa:\n    senior_levels: [vp, c-level, |')).toEqual(['director', 'manager', 'individual']);
  });

  it('replaces the rest of the word the cursor is in', () => {
    const key = at('accounts/new.md', 'accounts', '---\nname: A\nmo|tion: decode\n');
    expect(completions(key.doc, key.position, facts).find((i) => i.label === 'motion')?.textEdit).toEqual({ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } }, newText: 'motion: ' });
    const value = at('accounts/new.md', 'accounts', '---\nname: A\nmotion: de|code # why\n');
    expect(rangeOf(completions(value.doc, value.position, facts)[0])).toEqual({ start: { line: 2, character: 8 }, end: { line: 2, character: 14 } });
    const flow = at('bets/b.md', 'bets', '---\nname: B\nsegments: [reg|ional, cold-chain-pharma]\n');
    expect(rangeOf(completions(flow.doc, flow.position, facts)[0])).toEqual({ start: { line: 2, character: 11 }, end: { line: 2, character: 19 } });
  });

  it('puts a space before a value typed right after the colon', () => {
    const { doc, position } = at('accounts/new.md', 'accounts', '---\nname: A\nmotion:|\n---\n');
    expect(completions(doc, position, facts)[0]?.textEdit).toEqual({ range: { start: { line: 2, character: 7 }, end: { line: 2, character: 7 } }, newText: ' detect' });
  });

  it('offers nothing for free text, numbers and dates', () => {
    expect(account('---\nname: |')).toEqual([]);
    expect(account('---\nname: A\nfit:\n  intent: |')).toEqual([]);
    expect(account('---\nname: A\nsignals:\n  - date: |')).toEqual([]);
  });
});

describe('where completion stops', () => {
  it('answers only inside the frontmatter of a markdown file', () => {
    expect(account('---\nname: A\n---\n\nmotion: |\n')).toEqual([]);
    expect(account('name: A\nmotion: |\n')).toEqual([]);
    expect(account('|')).toEqual([]);
    expect(labels('notes/x.md', undefined, '---\nmotion: |\n')).toEqual([]);
  });

  it('answers in an unterminated frontmatter (the file being written)', () => {
    expect(account('---\nname: A\nmotion: |')).toEqual(['detect', 'decode', 'engage', 'accelerate', 'expand']);
  });

  it('is silent in comments, block scalars, closed quotes and anchors', () => {
    expect(account('---\nname: A\n# motion: |\n')).toEqual([]);
    expect(account('---\nname: A\nnext_actions: |\n  mo|\n')).toEqual([]);
    expect(account('---\nname: A\nmotion: "decode" |\n')).toEqual([]);
    expect(account('---\nname: A\nmotion: *m|\n')).toEqual([]);
    expect(account('---\nname: A\nmotion: decode # a comment |\n')).toEqual([]);
  });
});

describe('line endings, BOM and unicode', () => {
  it('reads CRLF files', () => {
    const { doc, position } = at('accounts/new.md', 'accounts', '---\r\nname: A\r\nmotion: ac|\r\n---\r\n');
    expect(rangeOf(completions(doc, position, facts)[0])).toEqual({ start: { line: 2, character: 8 }, end: { line: 2, character: 10 } });
    expect(account('---\r\nname: A\r\nbuying_committee:\r\n  - name: X\r\n    |\r\n')).toEqual(['title', 'role', 'status', 'seniority', 'last_engaged', 'email', 'note']);
  });

  it('counts a BOM as a character of the first line', () => {
    const { doc, position } = at('abx.config.yaml', 'config', '\uFEFFsta|');
    const items = completions(doc, position, facts);
    expect(items.map((i) => i.label)).toEqual(['version', 'company', 'stage', 'as_of', 'generated_blocks', 'paths', 'scoring', 'icp', 'journey', 'kpis', 'import', 'rules', 'schemas']);
    expect(rangeOf(items[0])).toEqual({ start: { line: 0, character: 1 }, end: { line: 0, character: 4 } });
    expect(account('\uFEFF---\nname: A\nmotion: |')).toEqual(['detect', 'decode', 'engage', 'accelerate', 'expand']);
  });

  it('counts positions in UTF-16 code units after non-ASCII text', () => {
    const { doc, position } = at('accounts/new.md', 'accounts', '---\nname: Zoë 😀\nsignals:\n  - { summary: "Zoë 😀 ,: {", type: pro|');
    expect(position.character).toBe(39);
    const items = completions(doc, position, facts);
    expect(items.map((i) => i.label)).toEqual(['policy', 'procurement', 'leadership', 'competitive', 'strategic']);
    expect(rangeOf(items[0])).toEqual({ start: { line: 3, character: 36 }, end: { line: 3, character: 39 } });
  });
});

describe('hostile lines', () => {
  // Each was quadratic in a first version (a key pattern backtracking over a run of spaces): 46 s for the first.
  const lines = ['a' + ' '.repeat(200_000) + 'b', `k: ${'{'.repeat(100_000)}`, `k: [${'a, '.repeat(100_000)}`, '- '.repeat(100_000), `"${'a'.repeat(100_000)}`, `k: ${'"a" '.repeat(50_000)}`, `${' '.repeat(100_000)}k:`];
  it.each(lines.map((line) => [line.slice(0, 12), line]))('answers on %j…', (_, line) => {
    const doc: EditorDocument = { path: 'accounts/a.md', kind: 'accounts', text: `---\n${line}\n---\n` };
    for (const character of [0, 1, 2, line.length >> 1, line.length]) {
      expect(Array.isArray(completions(doc, { line: 1, character }, facts))).toBe(true);
      hover(doc, { line: 1, character }, facts);
    }
  });
});

describe('every position of every example file', () => {
  const files: [string, EditorDocument['kind']][] = [];
  const root = join(REPO, 'templates', 'example');
  for (const dir of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const name of readdirSync(join(root, dir.name))) files.push([`${dir.name}/${name}`, dir.name as EditorDocument['kind']]);
  }
  files.push(['abx.config.yaml', 'config'], ['plan.md', 'plan']);

  // Every prefix of one file of each shape (block lists, flow maps, a YAML list, the config); every position of all.
  const halfTyped = new Set(['accounts/arcadia-health-logistics.md', 'messaging/lanternline-platform.md', 'kpis/2026-10.yaml', 'abx.config.yaml']);

  it('answers completion and hover on the whole file and on every prefix of it, without throwing', () => {
    let answered = 0;
    for (const [path, kind] of files) {
      const text = readFileSync(join(root, path), 'utf8');
      const lines = text.split('\n');
      lines.forEach((line, l) => {
        for (let c = 0; c <= line.length + 1; c++) {
          const position = { line: l, character: c };
          const prefix = { path, kind, text: lines.slice(0, l).concat(line.slice(0, c)).join('\n') };
          for (const doc of halfTyped.has(path) ? [{ path, kind, text }, prefix] : [{ path, kind, text }]) {
            expect(Array.isArray(completions(doc, position, facts))).toBe(true);
            const h = hover(doc, position, facts);
            if (h) answered++;
          }
        }
      });
    }
    expect(answered).toBeGreaterThan(1000);
  });
});

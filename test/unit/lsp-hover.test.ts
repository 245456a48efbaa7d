/** Hover: a key's description and values; an account's PURE tier and fit score as `score --explain` explains them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EditorDocument, WorkspaceFacts } from '../../src/lsp/facts.js';
import { hover } from '../../src/lsp/hover.js';
import { REPO } from '../helpers.js';
import { exampleFacts } from './lsp-facts.js';

let facts: WorkspaceFacts;
beforeAll(async () => {
  facts = await exampleFacts();
});

const ARCADIA = 'accounts/arcadia-health-logistics.md';
const arcadia = (): EditorDocument => ({ path: ARCADIA, kind: 'accounts', text: readFileSync(join(REPO, 'templates', 'example', ARCADIA), 'utf8') });
const value = (doc: EditorDocument, line: number, character: number) => {
  const h = hover(doc, { line, character }, facts);
  return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : h;
};

describe('hover on a key', () => {
  it('gives the description and the values of an enum key, over the key\'s range', () => {
    expect(hover(arcadia(), { line: 5, character: 3 }, facts)).toEqual({
      contents: { kind: 'markdown', value: 'The ABX motion the account is in: detect, decode, engage, accelerate or expand.\n\nOne of: `detect`, `decode`, `engage`, `accelerate`, `expand`.' },
      range: { start: { line: 5, character: 0 }, end: { line: 5, character: 6 } },
    });
  });

  it('reads keys in flow maps and list items', () => {
    const doc = arcadia();
    const line = doc.text.split('\n').findIndex((l) => l.includes('Sofie Janssen, title'));
    const col = (doc.text.split('\n')[line] as string).indexOf('role');
    expect(hover(doc, { line, character: col + 2 }, facts)).toEqual({
      contents: {
        kind: 'markdown',
        value: 'Their role in the decision: champion, influencer, blocker, decision-maker, economic-buyer or technical-buyer.\n\nOne of: `champion`, `influencer`, `blocker`, `decision-maker`, `economic-buyer`, `technical-buyer`.',
      },
      range: { start: { line, character: col }, end: { line, character: col + 4 } },
    });
    expect(value({ path: 'bets/b.md', kind: 'bets', text: '---\nname: B\nreview_by: 2026-12-01\n' }, 2, 0)).toBe('When to review the bet (YYYY-MM-DD): a running bet past it is overdue.');
    expect(value({ path: 'kpis/k.yaml', kind: 'kpis', text: '- kpi: pipeline-velocity\n  period: 2026-Q3\n' }, 1, 4)).toBe('A day (2026-10-05), an ISO week (2026-W41), a month (2026-10) or a quarter (2026-Q3).');
  });

  it('explains rule ids and KPI ids in the config', () => {
    const config: EditorDocument = { path: 'abx.config.yaml', kind: 'config', text: 'version: 1\nrules:\n  segment-top3-pain: off\nkpis:\n  signal-latency: { target: 48 }\n' };
    expect(value(config, 2, 5)).toBe('`segment-top3-pain` (default: warning): A segment does not list exactly three pain points.');
    expect(value(config, 4, 5)).toBe('`signal-latency`: median hours from signal to first touch (target < 72).');
    expect(value(config, 0, 2)).toBe('The config format\'s version: 1 (required).');
  });

  it('answers nothing on values, text and outside the frontmatter', () => {
    expect(hover(arcadia(), { line: 5, character: 10 }, facts)).toBeNull();
    expect(hover(arcadia(), { line: 0, character: 1 }, facts)).toBeNull();
    expect(hover({ path: ARCADIA, kind: 'accounts', text: '---\nname: A\n---\nmotion: decode\n' }, { line: 3, character: 2 }, facts)).toBeNull();
    expect(hover({ path: 'notes.md', kind: undefined, text: '---\nmotion: decode\n' }, { line: 1, character: 2 }, facts)).toBeNull();
  });
});

describe('hover on a value', () => {
  it('names the file an id names, or says that none does', () => {
    const bet: EditorDocument = { path: 'bets/b.md', kind: 'bets', text: '---\nname: B\nsegments:\n  - regional-3pl\naccounts: [helix-biologics, acme-gone]\n' };
    expect(hover(bet, { line: 3, character: 8 }, facts)).toEqual({
      contents: { kind: 'markdown', value: '`regional-3pl`: `segments/regional-3pl.md`' },
      range: { start: { line: 3, character: 4 }, end: { line: 3, character: 16 } },
    });
    expect(value(bet, 4, 12)).toBe('`helix-biologics`: `accounts/helix-biologics.md`');
    expect(value(bet, 4, 30)).toBe('`acme-gone` names no account file.');
    expect(value(arcadia(), 3, 12)).toBe('`cold-chain-pharma`: `segments/cold-chain-pharma.md`');
  });

  it('says what a KPI id in a KPI file measures', () => {
    expect(value({ path: 'kpis/k.yaml', kind: 'kpis', text: '- { kpi: pipeline-velocity, period: 2026-Q3, value: 30 }\n' }, 0, 12)).toBe(
      '`pipeline-velocity`: days from first touch to proposal (core, target −15% in 6 months).',
    );
  });

  it('answers nothing on free text, numbers and dates', () => {
    const doc = arcadia();
    expect(hover(doc, { line: 1, character: 8 }, facts)).toBeNull();
    expect(hover({ path: 'kpis/k.yaml', kind: 'kpis', text: '- { kpi: pipeline-velocity, period: 2026-Q3, value: 30 }\n' }, { line: 0, character: 38 }, facts)).toBeNull();
  });
});

describe('hover on pure and fit', () => {
  it('shows the PURE tier and each criterion with its evidence', () => {
    expect(value(arcadia(), 6, 2)).toBe(
      [
        'The PURE scores (Painful, Urgent, Recognized, Expensive), 0-3 each with evidence: the total decides the PURE tier.',
        '',
        '**PURE 9/12 → Tier 2 Burning Platform**: High priority, proactive outreach, personalized content',
        '',
        '| Criterion | Score | Evidence |',
        '|---|--:|---|',
        '| Painful | 3 | Vaccine distribution contract had two excursion incidents in Q3 |',
        '| Urgent | 2 | Contract re-tender expected mid-2027 |',
        '| Recognized | 2 | Quality team benchmarking visibility vendors |',
        '| Expensive | 2 | Losing the re-tender would remove 15% of revenue |',
        '',
        'Scored as of 2026-11-24; `abx score --explain arcadia-health-logistics` shows every source.',
      ].join('\n'),
    );
  });

  it('shows the fit score, tier and each component\'s part', () => {
    expect(value(arcadia(), 11, 1)).toBe(
      [
        'Fit components you give by hand (0..100); the others are computed from the segment\'s criteria and the engagement.',
        '',
        '**Fit 95 → Tier 1 Strategic** (1\\:1) = Σ weight × value / 100, rounded once at the end',
        '',
        '| Component | Value | Weight | Adds | From |',
        '|---|--:|--:|--:|---|',
        '| Firmographic | 100 | 40% | 40 | computed\\: 4 of 4 segment criteria matched |',
        '| Technographic | 100 | 20% | 20 | computed\\: 4 of 4 technologies matched |',
        '| Intent | 80 | 25% | 20 | given as fit.intent |',
        '| Engagement | 100 | 15% | 15 | computed\\: 160 points from 3 activities in the last 90 days \\(cap 100\\) |',
        '',
        'Scored as of 2026-11-24; `abx score --explain arcadia-health-logistics` shows every source.',
      ].join('\n'),
    );
  });

  it('says when an account has no PURE score, and gives only the description when it cannot be scored', () => {
    const orchid: EditorDocument = { path: 'accounts/orchid-clinical-supply.md', kind: 'accounts', text: '---\nname: Orchid\npure:\n' };
    expect(value(orchid, 2, 0)).toContain('**PURE** unscored: the account has no complete pure block.');
    const unknown: EditorDocument = { path: 'accounts/not-indexed.md', kind: 'accounts', text: '---\nname: X\npure:\n' };
    expect(value(unknown, 2, 0)).toBe('The PURE scores (Painful, Urgent, Recognized, Expensive), 0-3 each with evidence: the total decides the PURE tier.');
    // A pure key nested elsewhere is not the account's.
    expect(value({ path: ARCADIA, kind: 'accounts', text: '---\nname: A\ntags:\n  - pure: x\n' }, 3, 5)).toBeNull();
  });
});

/**
 * The short way of `abx fmt` (src/core/layout-fast.ts) against the long way (the `yaml` Document):
 * on every fixture and template, and on named texts that are canonical, almost canonical and
 * hostile. The short way may decline (undefined); when it answers, it must be the long way's answer.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { splitFrontmatter } from '../../src/core/frontmatter.js';
import { plainReprint } from '../../src/core/layout-fast.js';
import { documentReprint, normaliseWithDocument, normaliseYaml, provablyNormal } from '../../src/core/layout.js';
import { parseYamlDocument } from '../../src/core/yaml/parse.js';
import { FIXTURES, REPO } from '../helpers.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === '.github' ? [] : walk(path)) : [path];
  });
}

/** The YAML `fmt` lays out: a markdown file's frontmatter, or a whole YAML file. */
function yamlOf(path: string): string | undefined {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  if (!path.endsWith('.md')) return text;
  const split = splitFrontmatter(text);
  return split.ok ? split.yaml : undefined;
}

/** Both ways agree; where the short way knows the re-print, it is the Document's. */
function expectAgreement(yaml: string): void {
  const printed = plainReprint(yaml);
  if (printed !== undefined) {
    const parsed = parseYamlDocument(yaml);
    expect(parsed.result.ok).toBe(true);
    expect(printed).toBe(documentReprint(yaml, parsed.doc));
  }
  expect(normaliseYaml(yaml)).toEqual(normaliseWithDocument(yaml));
}

const corpus = [...walk(FIXTURES), ...walk(join(REPO, 'templates'))].filter((f) => /\.(md|ya?ml)$/.test(f));

describe('the short way of fmt', () => {
  it.each(corpus.map((f) => [relative(REPO, f), f]))('%s: agrees with the Document', (_name, path) => {
    const yaml = yamlOf(path);
    if (yaml === undefined || yaml.trim() === '') return;
    expectAgreement(yaml);
  });

  it('knows every account of the example and the account template, so fmt --check builds no Document for them', () => {
    const accounts = [...walk(join(REPO, 'templates', 'example', 'accounts')), join(REPO, 'templates', 'init', 'accounts', 'example-account.md')];
    expect(accounts.length).toBe(15);
    for (const path of accounts) expect([relative(REPO, path), provablyNormal(yamlOf(path) as string)]).toEqual([relative(REPO, path), true]);
  });

  // An account as bench/generate.mjs writes it: aligned flow maps, lists of flow maps, times in flow.
  const account = [
    'name: Bluewind Logistics 7',
    'segment: cold-chain-pharma',
    'pure:',
    '  painful:    { score: 3, evidence: Carrier delays cost them $2M a month in penalties }',
    '  urgent:     { score: 1, evidence: "RFP closes: end of quarter" }',
    '  recognized: { score: 0, evidence: CTO asked publicly for vendors }',
    "  expensive:  { score: 1, evidence: 'Two recalls at $3M each' }",
    'fit:',
    '  intent: 47 # Bombora surge',
    'firmographics: { industry: Industrial Machinery, employees: 10820, revenue_usd: 4985000000, region: Europe }',
    'technographics: { stack: [servicenow, sap] }',
    'engagement:',
    '  - { date: 2026-10-08, type: event-registration, note: Carrier scorecard demo }',
    '  - { date: 2026-10-15, type: website-visit }',
    'signals:',
    '  - { type: procurement, date: 2026-09-20, summary: Contract up for renewal, first_touch: 2026-09-20T15:30:00Z }',
    'deals:',
    '  - id: pilot',
    '    amount_usd: 185000.5',
    '    win_loss:',
    '      decision_criteria: [Savings, Portal]',
    '',
    '# Notes for the team',
    'next_actions:',
    '  - Book a technical deep-dive',
    'crm_id: 0016g00000',
    '',
  ].join('\n');

  const cases: [string, string, 'normal' | 'changes' | 'declines'][] = [
    ['a generated account', account, 'normal'],
    ['one key out of order (fmt keeps the order)', account.replace('name: Bluewind Logistics 7\nsegment: cold-chain-pharma', 'segment: cold-chain-pharma\nname: Bluewind Logistics 7'), 'normal'],
    ['one quoting difference (quotes are kept)', account.replace('segment: cold-chain-pharma', "segment: 'cold-chain-pharma'"), 'normal'],
    ['a comment on its own line', account.replace('fit:\n', 'fit:\n  # given by hand\n'), 'normal'],
    ['blank lines between sections', account.replace('\nfit:', '\n\n\nfit:'), 'normal'],
    ['a key after extra spaces', account.replace('segment: cold', 'segment:   cold'), 'changes'],
    ['a flow map without padding', account.replace('technographics: { stack', 'technographics: {stack').replace('sap] }', 'sap]}'), 'changes'],
    ['a padded flow list', account.replace('[servicenow, sap]', '[ servicenow, sap ]'), 'changes'],
    ['a list under its key without indentation', account.replace('engagement:\n  - {', 'engagement:\n- {').replace('\n  - { date: 2026-10-15', '\n- { date: 2026-10-15'), 'declines'],
    ['an alignment that lines up with nothing', account.replace('  intent: 47', '  intent:    47'), 'changes'],
    ['a comment two spaces out', account.replace('next_actions:\n  - Book a technical deep-dive', 'next_actions:\n  - Book a technical deep-dive   # soon'), 'changes'],
    ['a comment at the wrong indentation', account.replace('fit:\n', 'fit:\n# given by hand\n'), 'declines'],
    ['a comment after the last key', `${account}# the end\n`, 'declines'],
    ['a comment on a key with a value below', account.replace('fit:\n', 'fit: # by hand\n'), 'declines'],
    ['a trailing blank line', `${account}\n`, 'declines'],
    ['an anchor and an alias', account.replace('segment: cold-chain-pharma', 'segment: &s cold-chain-pharma\nalso: *s'), 'declines'],
    ['a block scalar', account.replace('crm_id: 0016g00000', 'notes: >-\n  Wrapped by hand\n  over two lines'), 'declines'],
    ['an escape in double quotes', account.replace('segment: cold-chain-pharma', 'segment: "cold\\u002dchain"'), 'declines'],
    ['a duplicate key', account.replace('crm_id: 0016g00000', 'crm_id: 0016g00000\ncrm_id: again'), 'declines'],
    ['a duplicate key in a flow map', account.replace('{ date: 2026-10-15, type: website-visit }', '{ date: 2026-10-15, date: 2026-10-16 }'), 'declines'],
    ['a tab', account.replace('segment: cold', 'segment:\tcold'), 'declines'],
    ['CRLF line ends', account.replace(/\n/g, '\r\n'), 'declines'],
    ['trailing spaces', account.replace('segment: cold-chain-pharma', 'segment: cold-chain-pharma  '), 'declines'],
    ['a plain value with ": " in it', account.replace('segment: cold-chain-pharma', 'segment: cold: pharma'), 'declines'],
    ['a broken flow map', account.replace('sap] }', 'sap]'), 'declines'],
    ['"-" followed by a flow indicator in a list', account.replace('[servicenow, sap]', '[-]'), 'declines'],
    ['a key YAML reads as a boolean', account.replace('crm_id:', 'true:'), 'declines'],
    ['a nesting of four spaces', account.replace('fit:\n  intent: 47', 'fit:\n    intent: 47'), 'declines'],
    ['a list item with a nested list', account.replace('  - Book a technical deep-dive', '  - - nested'), 'declines'],
    ['a value on the next line', account.replace('crm_id: 0016g00000', 'crm_id:\n  0016g00000'), 'declines'],
  ];

  it.each(cases)('%s: agrees with the Document', (_name, yaml, expected) => {
    expectAgreement(yaml);
    const slow = normaliseWithDocument(yaml);
    if (expected === 'normal') {
      expect(slow).toEqual({ ok: true, text: yaml });
      expect(provablyNormal(yaml)).toBe(true);
    } else if (expected === 'changes') {
      expect(plainReprint(yaml)).toBeDefined();
      expect(provablyNormal(yaml)).toBe(false);
      expect(slow.ok && slow.text !== yaml).toBe(true);
    } else {
      expect(plainReprint(yaml)).toBeUndefined();
    }
  });
});

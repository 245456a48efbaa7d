/**
 * The language server's index re-analyses only what a change can affect (src/lsp/workspace-index.ts).
 * After every edit of a sequence that reaches each cross-file rule (a shared domain, a KPI
 * record named twice, a segment's criteria and budget share, an id that appears and goes, tier
 * capacity), every file's problems must equal those of an index built from scratch over the
 * same buffers, which analyses the whole workspace as `abx validate` does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceIndex } from '../../src/lsp/workspace-index.js';
import { exampleWorkspace } from '../helpers.js';

const OPTIONS = { asOf: '2026-11-24', today: () => '2026-11-30' };

describe('the workspace index, per change', () => {
  it('keeps every file\'s problems equal to a full analysis of the same buffers', async () => {
    const dir = exampleWorkspace();
    const disk = (path: string) => readFileSync(join(dir, path), 'utf8');
    const index = new WorkspaceIndex(dir, OPTIONS);
    await index.load();
    const buffers = new Map<string, string | undefined>();
    const edits: [string, (text: string) => string | undefined][] = [
      // Two accounts with one domain, then apart again.
      ['accounts/bluewater-pharma.md', (t) => t.replace('bluewaterpharma.example', 'arcadiahealth.example')],
      ['accounts/arcadia-health-logistics.md', (t) => t.replace('arcadiahealth.example', 'elsewhere.example')],
      ['accounts/bluewater-pharma.md', (t) => t.replace(/^domain: .*$/m, 'domain: https://www.elsewhere.example/')],
      // A KPI record named in two files.
      ['kpis/2026-q3.yaml', (t) => `${t}- { kpi: pipeline-velocity, period: 2026-10, value: 80 }\n`],
      // A segment's criteria (its accounts' scores) and budget share (every segment).
      ['segments/cold-chain-pharma.md', (t) => t.replace(/^criteria:\n(  .*\n)+/m, '').replace(/^budget_share: .*$/m, 'budget_share: 95')],
      // An account moved to another segment, then to one that does not exist yet, which then appears unsaved.
      ['accounts/helix-biologics.md', (t) => t.replace(/^segment: .*$/m, 'segment: industrial-manufacturing')],
      ['accounts/helix-biologics.md', (t) => t.replace(/^segment: .*$/m, 'segment: space')],
      ['segments/space.md', () => '---\nname: Space\npain_points: [a, b, c]\n---\n'],
      // A bet names an account that appears unsaved, then goes.
      ['bets/signal-desk-72h.md', (t) => t.replace(/^accounts: \[/m, 'accounts: [orbital, ')],
      ['accounts/orbital.md', () => '---\nname: Orbital\nsegment: space\nfit: { firmographic: 100, technographic: 100, intent: 100, engagement: 100 }\n---\n'],
      ['accounts/orbital.md', () => undefined],
      // A broken account (not scored), then mended; a proof point renamed away.
      ['accounts/northwind-logistics.md', (t) => t.replace('---\n', '---\n[broken\n')],
      ['accounts/northwind-logistics.md', (t) => t.replace('[broken\n', '')],
      ['collateral/helix-gdp-case-study.md', () => undefined],
      ['segments/space.md', () => undefined],
    ];
    for (const [path, edit] of edits) {
      const before = buffers.has(path) ? buffers.get(path) : (() => {
        try {
          return disk(path);
        } catch {
          return '';
        }
      })();
      const text = edit(before ?? '');
      buffers.set(path, text);
      await index.update(index.setBuffer(path, text));

      const fresh = new WorkspaceIndex(dir, OPTIONS);
      for (const [p, t] of buffers) if (t !== undefined) fresh.setBuffer(p, t);
      await fresh.load();
      const paths = new Set([...fresh.ids('accounts')].map((id) => `accounts/${id}.md`));
      for (const kind of ['segments', 'bets', 'journeys', 'messaging', 'collateral'] as const) for (const id of fresh.ids(kind)) paths.add(`${kind}/${id}.md`);
      for (const p of ['abx.config.yaml', 'plan.md', 'kpis/2026-q3.yaml', 'kpis/2026-10.yaml', path]) paths.add(p);
      for (const p of paths) expect(index.diagnostics(p), `${p} after editing ${path}`).toEqual(fresh.diagnostics(p));
    }
    // The edits reached the cross-file rules they were meant to.
    const rules = (p: string) => index.diagnostics(p).map((d) => d.rule);
    expect(rules('kpis/2026-q3.yaml')).toContain('duplicate-id');
    expect(rules('bets/signal-desk-72h.md')).toContain('unknown-reference');
  });
});

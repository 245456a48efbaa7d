/**
 * `validate` keeps each file's problems as text from the moment the file is finished (json,
 * stylish, sarif). The report must read exactly as the whole-report renderers print it: the config's
 * problems first (tier-capacity is known only after the last account), then every file by path,
 * although segments are finished last and a workspace file may share the config's name.
 */
import { describe, expect, it } from 'vitest';
import { plainChalk } from '../../src/cli/colour.js';
import type { Problem } from '../../src/core/problem.js';
import { renderStylish } from '../../src/format/validate/stylish.js';
import { makeWorkspace, runAbx } from '../helpers.js';

const account = (extra: string) =>
  `---\nname: A\nsegment: s1\nlinkedin: x\nfit: { firmographic: 90, technographic: 90, intent: 90, engagement: 90 }\n${extra}---\n`;

function workspace(): string {
  return makeWorkspace({
    // The kpi glob takes the config too: its problems as a KPI file join the config's own.
    'abx.config.yaml': 'version: 1\nunknown_top: 1\npaths:\n  kpis: "*.yaml"\n  bets: "zz/*.md"\nscoring:\n  fit_tier_capacity: [0, 500]\n',
    'segments/s1.md': '---\nname: S1\npain_points: [one]\nbudget_share: 70\n---\n',
    'segments/s2.md': '---\nname: S2\npain_points: [one, two]\nbudget_share: 40\n---\n',
    'accounts/b.md': account('signals:\n  - { type: policy, date: 2026-01-01, summary: x, source: y }\n'),
    'accounts/a.md': account(''),
    'accounts/c.md': '---\nname: C\n---\n',
    'zz/bet.md': '---\nname: Bet\nstatus: running\n---\n',
  });
}

type Json = Problem & { severity: 'error' | 'warning' };

describe('validate in pieces', () => {
  const ws = workspace();
  const args = ['--as-of', '2026-11-24', 'validate'];
  const json = runAbx([...args, '--format', 'json'], { cwd: ws });
  const report = JSON.parse(json.stdout) as { files: number; errors: number; warnings: number; problems: Json[] };

  it('lists the problems in the order of the whole report (github still renders it whole), and sarif in pieces too', () => {
    const github = runAbx([...args, '--format', 'github'], { cwd: ws }).stdout;
    const whole = [...github.matchAll(/^::(?:error|warning) file=([^,]*),line=(\d+),col=(\d+),.*title=abx\(([a-z0-9-]+)\)::/gm)].map((m) => `${m[1]}:${m[2]}:${m[3]} ${m[4]}`);
    expect(whole.length).toBeGreaterThan(10);
    expect(report.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`)).toEqual(whole);
    const sarif = JSON.parse(runAbx([...args, '--format', 'sarif'], { cwd: ws }).stdout);
    const results = sarif.runs[0].results.map((r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }) => {
      const where = r.locations[0]!.physicalLocation;
      return `${where.artifactLocation.uri}:${where.region.startLine}:${where.region.startColumn} ${r.ruleId}`;
    });
    expect(results).toEqual(whole);
    const files = [...new Set(report.problems.map((p) => p.file))];
    expect(files).toEqual(['abx.config.yaml', 'accounts/a.md', 'accounts/b.md', 'accounts/c.md', 'segments/s1.md', 'segments/s2.md', 'zz/bet.md']);
    expect(report.problems.map((p) => p.rule)).toContain('tier-capacity');
    expect(report.problems.map((p) => p.rule)).toContain('budget-share-sum');
    expect(json.code).toBe(1);
  });

  it('stylish is the whole-report renderer over the same problems', () => {
    const stylish = runAbx(args, { cwd: ws });
    expect(stylish.stdout).toBe(renderStylish(report.problems, { chalk: plainChalk, quiet: false, files: report.files }));
    expect(stylish.code).toBe(1);
  });

  it('narrows by rule and path as before, counting only what is shown', () => {
    const onlyUnknown = JSON.parse(runAbx([...args, '--format', 'json', '--rule', 'unknown-key'], { cwd: ws }).stdout);
    expect(onlyUnknown.problems.map((p: Json) => p.file)).toEqual(['abx.config.yaml', 'accounts/a.md', 'accounts/b.md']);
    expect([onlyUnknown.errors, onlyUnknown.warnings]).toEqual([0, 3]);
    const one = runAbx([...args, '--format', 'json', 'accounts/b.md'], { cwd: ws });
    const b = JSON.parse(one.stdout);
    expect(new Set(b.problems.map((p: Json) => p.file))).toEqual(new Set(['abx.config.yaml', 'accounts/b.md']));
    expect(b.files).toBe(1);
    const none = runAbx([...args, '--format', 'json', '--rule', 'pure-evidence'], { cwd: ws });
    expect(none.stdout).toBe('{\n  "files": 7,\n  "errors": 0,\n  "warnings": 0,\n  "problems": []\n}\n');
    expect(none.code).toBe(0);
  });
});

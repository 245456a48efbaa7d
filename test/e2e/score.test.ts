import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWorkspace, FIXTURES, makeWorkspace, runAbx, tempDir } from '../helpers.js';

const gitEnv = { GIT_AUTHOR_NAME: 'abx test', GIT_AUTHOR_EMAIL: 'test@abx.example', GIT_COMMITTER_NAME: 'abx test', GIT_COMMITTER_EMAIL: 'test@abx.example' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...gitEnv } });

describe('abx score', () => {
  it('gives the JSON of cli.md for the account of format.md', () => {
    const r = runAbx(['-C', join(FIXTURES, 'spec-example'), 'score', '--format', 'json', '--as-of', '2026-11-24']);
    expect(JSON.parse(r.stdout)).toEqual({
      asOf: '2026-11-24',
      accounts: [
        {
          id: 'acme-space',
          name: 'Acme Space Systems',
          segment: 'defense-primes',
          motion: 'decode',
          pure: { painful: 3, urgent: 2, recognized: 3, expensive: 2, total: 10, tier: 1, tierName: 'Hair-on-Fire' },
          fit: { firmographic: 75, technographic: 66.7, intent: 60, engagement: 51, score: 66, tier: 2, tierName: 'Scale', missing: [] },
          engagedStakeholders: 1,
          mqa: false,
        },
      ],
    });
    expect(r.code).toBe(0);
  });

  it('matches the hand-checked scores of the example workspace', () => {
    const dir = exampleWorkspace();
    const r = runAbx(['-C', dir, 'score', '--format', 'json', '--as-of', '2026-11-24']);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(join(FIXTURES, 'example-score.json'), 'utf8')));
    expect(r.code).toBe(0);
  });

  it('prints a table sorted by fit then PURE, with a summary of tiers', () => {
    const dir = exampleWorkspace();
    const r = runAbx(['-C', dir, 'score']);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('│') && !l.includes('Account'));
    expect(rows.map((l) => l.split('│')[1]?.trim())).toEqual([
      'vanguard-electronics', 'arcadia-health-logistics', 'northwind-logistics', 'cascade-freight-partners', 'helix-biologics',
      'ironbridge-automation', 'keystone-cold-storage', 'meridian-medical-supply', 'orchid-clinical-supply', 'pacific-rim-components',
      'stonegate-distribution', 'harborline-imports', 'bluewater-pharma', 'summit-tool-and-die',
    ]);
    expect(r.stdout).toContain('14 accounts · PURE T1 3, T2 3, T3 4, T4 2, T5 1, unscored 1 · Fit T1 4, T2 4, T3 6 · MQA 4');
    // Warnings are counted, not listed: the one overdue bet review.
    expect(r.stderr).toBe('1 warning (bet-review-overdue 1): abx validate --rule bet-review-overdue lists it.\n');
  });

  it('filters by segment and tier, and sorts by PURE or name', () => {
    const dir = exampleWorkspace();
    const ids = (...args: string[]) => (JSON.parse(runAbx(['-C', dir, 'score', '--format', 'json', ...args]).stdout) as { accounts: { id: string }[] }).accounts.map((a) => a.id);
    expect(ids('--tier', '1')).toEqual(['vanguard-electronics', 'northwind-logistics', 'helix-biologics']);
    expect(ids('--tier', 'fit:2', '--sort', 'pure')).toEqual(['helix-biologics', 'meridian-medical-supply', 'ironbridge-automation', 'keystone-cold-storage']);
    expect(ids('--segment', 'regional-3pl', '--sort', 'name')).toEqual(['cascade-freight-partners', 'harborline-imports', 'keystone-cold-storage', 'northwind-logistics', 'stonegate-distribution']);
    expect(ids('helix-biologics', 'summit-tool-and-die')).toEqual(['helix-biologics', 'summit-tool-and-die']);
    const bad = runAbx(['-C', dir, 'score', 'helix-biologicz']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('did you mean "helix-biologics"');
    expect(runAbx(['-C', dir, 'score', '--tier', 'fit:4']).code).toBe(2);
  });

  it('writes CSV with a stable header and RFC 4180 quoting', () => {
    const dir = makeWorkspace({ 'accounts/q.md': '---\nname: \'Quote "Co", Inc\'\nfit: { firmographic: 10, technographic: 20, intent: 30, engagement: 40 }\n---\n' });
    const r = runAbx(['-C', dir, 'score', '--format', 'csv']);
    expect(r.stdout).toBe(
      'id,name,segment,motion,painful,urgent,recognized,expensive,pure_total,pure_tier,pure_tier_name,firmographic,technographic,intent,engagement,fit_score,fit_tier,fit_tier_name,fit_missing,engaged_stakeholders,mqa\r\n' +
        'q,"Quote ""Co"", Inc",,,,,,,,,,10,20,30,40,21.5,3,Programmatic,,0,false\r\n',
    );
  });

  it('explains every component with its weight, contribution and source lines', () => {
    const r = runAbx(['-C', join(FIXTURES, 'spec-example'), 'score', '--explain', '--as-of', '2026-11-24']);
    expect(r.stdout).toContain('PURE 10/12 → Tier 1 Hair-on-Fire');
    expect(r.stdout).toMatch(/Painful\s+3\s+Launch slips cost them \$2M a month\s+accounts\/acme-space\.md:8/);
    expect(r.stdout).toMatch(/Firmographic\s+75\s+40%\s+30\s+computed: 3 of 4 segment criteria matched/);
    expect(r.stdout).toMatch(/✗ industry: Aerospace \(wanted SaaS, FinTech, Healthcare\)\s+accounts\/acme-space\.md:14/);
    expect(r.stdout).toMatch(/Technographic\s+66\.7\s+20%\s+≈13\.33\s/);
    expect(r.stdout).toMatch(/wanted: salesforce, snowflake, segment; matched: salesforce, snowflake\s+segments\/defense-primes\.md:10/);
    expect(r.stdout).toMatch(/Engagement\s+51\s+15%\s+7\.65\s+computed: 51 points from 2 activities/);
    // The parts are shown unrounded; the score is their sum rounded once.
    expect(r.stdout).toMatch(/ {4}sum\s+≈65\.98 {2}rounded once, half away from zero, to 66\n/);
    expect(r.stdout).toMatch(/2026-10-10 meeting-scheduled \+50\s+accounts\/acme-space\.md:18/);
    expect(r.stdout).toContain('1 engaged, 1 senior → not MQA');
    const json = JSON.parse(runAbx(['-C', join(FIXTURES, 'spec-example'), 'score', '--explain', '--format', 'json', '--as-of', '2026-11-24']).stdout);
    expect(json.accounts[0].explain.fit[3]).toMatchObject({ component: 'engagement', origin: 'computed', value: 51, weight: 15, contribution: 7.7, exactContribution: 7.65 });
    expect(json.accounts[0].explain.fit[3].sources[1]).toEqual({ text: '2026-10-10 meeting-scheduled +50', at: 'accounts/acme-space.md:18' });
  });

  it('scores what can be scored and exits 1 when a file has errors', () => {
    const dir = makeWorkspace({
      'accounts/ok.md': '---\nname: Ok\nfit: { firmographic: 90, technographic: 90, intent: 90, engagement: 90 }\n---\n',
      'accounts/half.md': '---\nname: Half\npure:\n  painful: { score: 3, evidence: x }\nfit: { firmographic: 50, technographic: 50, intent: 50, engagement: 50 }\n---\n',
    });
    const r = runAbx(['-C', dir, 'score', '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { accounts: { id: string; pure: unknown; fit: { score: number } }[] };
    expect(out.accounts.map((a) => [a.id, a.pure, a.fit.score])).toEqual([['ok', null, 90], ['half', null, 50]]);
    expect(r.stderr).toContain('accounts/half.md');
    expect(r.stderr).toMatch(/ 3:1\s+error\s+pure\.urgent is required\s+schema/);
  });
});

describe('abx score --write', () => {
  it('changes only generated blocks, and a second run changes nothing', () => {
    const dir = join(tempDir(), 'ws');
    cpSync(join(FIXTURES, 'spec-example'), dir, { recursive: true });
    // Both blocks: the fit block is opt-in.
    appendFileSync(join(dir, 'abx.config.yaml'), 'generated_blocks: [pure, fit]\n');
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'start');
    const path = join(dir, 'accounts', 'acme-space.md');
    const before = readFileSync(path, 'utf8');

    expect(runAbx(['-C', dir, 'score', '--write', '--as-of', '2026-11-24']).code).toBe(0);
    const once = readFileSync(path, 'utf8');
    expect(once.startsWith(before)).toBe(true);
    expect(once.slice(before.length)).toBe(
      [
        '',
        '<!-- abx:begin pure -->',
        '| Criterion | Score (0-3) | Evidence |',
        '|---|---|---|',
        '| Painful | 3 | Launch slips cost them $2M a month |',
        '| Urgent | 2 | RFP closes in Q3 |',
        '| Recognized | 3 | CTO asked publicly for vendors |',
        '| Expensive | 2 | Contract penalties at stake |',
        '| TOTAL | 10/12 | Tier: 1 (Hair-on-Fire) |',
        '<!-- abx:end pure -->',
        '',
        '<!-- abx:begin fit -->',
        '| Component | Value | Weight | Contribution | Source |',
        '|---|---|---|---|---|',
        '| Firmographic | 75 | 40% | 30 | 3 of 4 segment criteria matched |',
        '| Technographic | 66.7 | 20% | 13.3 | 2 of 3 technologies matched |',
        '| Intent | 60 | 25% | 15 | given as fit.intent |',
        '| Engagement | 51 | 15% | 7.7 | 51 points from 2 activities in the last 90 days (cap 100) |',
        '| FIT SCORE | 66 | | | Tier: 2 (Scale, 1:few) |',
        '<!-- abx:end fit -->',
        '',
      ].join('\n'),
    );
    git(dir, 'commit', '-qam', 'blocks');

    // Edit a score: only the block lines follow, comments and layout stay.
    writeFileSync(path, once.replace('urgent:     { score: 2,', 'urgent:     { score: 0,'));
    expect(runAbx(['-C', dir, 'validate', '--as-of', '2026-11-24']).stdout).toContain('table-drift');
    runAbx(['-C', dir, 'score', '--write', '--as-of', '2026-11-24']);
    const diff = git(dir, 'diff', '-U0').split('\n').filter((l) => /^[-+](?![-+])/.test(l));
    expect(diff).toEqual([
      '-  urgent:     { score: 2, evidence: RFP closes in Q3 }',
      '+  urgent:     { score: 0, evidence: RFP closes in Q3 }',
      '-| Urgent | 2 | RFP closes in Q3 |',
      '+| Urgent | 0 | RFP closes in Q3 |',
      '-| TOTAL | 10/12 | Tier: 1 (Hair-on-Fire) |',
      '+| TOTAL | 8/12 | Tier: 2 (Burning Platform) |',
    ]);
    const twice = readFileSync(path, 'utf8');
    runAbx(['-C', dir, 'score', '--write', '--as-of', '2026-11-24']);
    expect(readFileSync(path, 'utf8')).toBe(twice);
    expect(runAbx(['-C', dir, 'validate', '--as-of', '2026-11-24']).stdout).not.toContain('table-drift');
  });
});

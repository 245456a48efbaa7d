/** `abx list`, `abx show`, the shared account filters and ids given by a part of them. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleWorkspace, makeWorkspace, runAbx, tempDir } from '../helpers.js';

let example: string;
beforeAll(() => {
  example = exampleWorkspace();
});

const ids = (out: string) => (JSON.parse(out) as { accounts: { id: string }[] }).accounts.map((a) => a.id);

describe('abx list', () => {
  it('filters by owner (any case), motion, MQA and search, and says how many of all it shows', () => {
    const r = runAbx(['-C', example, 'list', '--format', 'json', '--owner', 'MAYA.CHEN@lanternline.example', '--sort', 'name']);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual(['cascade-freight-partners', 'harborline-imports', 'keystone-cold-storage', 'northwind-logistics', 'stonegate-distribution']);
    expect((JSON.parse(r.stdout) as { total: number }).total).toBe(14);
    expect(ids(runAbx(['-C', example, 'list', '--format', 'json', '--mqa']).stdout)).toEqual(['vanguard-electronics', 'arcadia-health-logistics', 'northwind-logistics', 'helix-biologics']);
    expect(ids(runAbx(['-C', example, 'list', '--format', 'json', '--search', 'HELIXBIO.example']).stdout)).toEqual(['helix-biologics']);
    const none = runAbx(['-C', example, 'list', '--search', 'zzz']);
    expect(none.stdout).toBe('No accounts match (0 of 14 accounts).\n');
  });

  it('refuses an owner, motion or segment no account has, with the nearest one', () => {
    const owner = runAbx(['-C', example, 'list', '--owner', 'maya.chen@lanternline.exampl']);
    expect(owner.code).toBe(2);
    expect(owner.stderr).toBe('abx: no account is owned by "maya.chen@lanternline.exampl" (did you mean "maya.chen@lanternline.example"?); owners: arjun.patel@lanternline.example, lucas.meyer@lanternline.example, maya.chen@lanternline.example\n');
    const motion = runAbx(['-C', example, 'list', '--motion', 'Engage']);
    expect(motion.code).toBe(2);
    expect(motion.stderr).toBe('abx: --motion "Engage" is not a motion (did you mean "engage"?); motions: detect, decode, engage, accelerate, expand\n');
    expect(runAbx(['-C', example, 'list', '--segment', 'regional-3p']).stderr).toContain('no segment "regional-3p" (did you mean "regional-3pl"?)');
  });

  it('shows an account without a segment or owner as such', () => {
    const dir = makeWorkspace({ 'accounts/loose.md': '---\nname: Loose End\n---\n' });
    const r = runAbx(['-C', dir, 'list', '--format', 'markdown']);
    expect(r.stdout).toBe('| Account | Segment | Owner | PURE tier | Fit tier | MQA | Next action |\n|---|---|---|---|---|---|---|\n| Loose End (`loose`) | *no segment* | *no owner* | unscored | 3 Programmatic (0) | no | — |\n');
  });
});

describe('filters on score, report and export', () => {
  it('narrow score, export and the tiers report alike', () => {
    expect(ids(runAbx(['-C', example, 'score', '--format', 'json', '--motion', 'expand']).stdout)).toEqual(['vanguard-electronics']);
    const csv = runAbx(['-C', example, 'export', '--search', 'vanguard']).stdout.trim().split('\r\n');
    expect(csv.length).toBe(2);
    expect(csv[1]?.startsWith('vanguard-electronics,')).toBe(true);
    const report = JSON.parse(runAbx(['-C', example, 'report', 'tiers', '--format', 'json', '--owner', 'lucas.meyer@lanternline.example']).stdout) as { tiers: { accounts: number } };
    expect(report.tiers.accounts).toBe(4);
  });
});

describe('ids by a part of them', () => {
  it('score takes a unique part of an id, name or domain and lists the candidates of an ambiguous one', () => {
    expect(ids(runAbx(['-C', example, 'score', 'helix', '--format', 'json']).stdout)).toEqual(['helix-biologics']);
    expect(ids(runAbx(['-C', example, 'score', 'Tool & Die', '--format', 'json']).stdout)).toEqual(['summit-tool-and-die']);
    const r = runAbx(['-C', example, 'score', 'logistics']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('abx: "logistics" matches 2 accounts: arcadia-health-logistics (Arcadia Health Logistics), northwind-logistics (Northwind Logistics); name one of them\n');
  });
});

describe('abx show', () => {
  it("prints the account's card with open signals' ages in days and its last commits", () => {
    const dir = makeWorkspace({
      'accounts/prairie-grain.md':
        '---\nname: Prairie Grain\nowner: Dana Ruiz\nbuying_committee:\n  - { name: Ann, title: CFO, role: economic-buyer, status: engaged, seniority: c-level, last_engaged: 2026-11-01 }\n  - { name: Bo, title: Ops, role: champion, status: engaged, last_engaged: 2026-01-01 }\nsignals:\n  - { type: procurement, date: 2026-11-20, summary: RFP out }\nnext_actions:\n  - Call Ann\n---\n',
    });
    const env = { GIT_AUTHOR_NAME: 'Dana Ruiz', GIT_AUTHOR_EMAIL: 'd@x.example', GIT_COMMITTER_NAME: 'Dana Ruiz', GIT_COMMITTER_EMAIL: 'd@x.example', GIT_AUTHOR_DATE: '2026-11-21T10:00:00Z', GIT_COMMITTER_DATE: '2026-11-21T10:00:00Z' };
    const git = (...args: string[]) => spawnSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8' });
    const before = runAbx(['-C', dir, '--as-of', '2026-11-24', 'show', 'prairie']);
    expect(before.stdout).toContain('Last changes\n  not in a git repository\n');
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'Add Prairie Grain');
    const r = runAbx(['-C', dir, '--as-of', '2026-11-24', 'show', 'prairie']);
    expect(r.code).toBe(0);
    const commit = git('rev-parse', '--short', 'HEAD').stdout.trim();
    expect(r.stdout).toBe(
      [
        'Prairie Grain (prairie-grain) · accounts/prairie-grain.md',
        'segment none assigned · owner Dana Ruiz · motion none',
        '',
        'PURE  unscored: add a pure block with the four criteria',
        'Fit   0 · tier 3 Programmatic (firmographic 0, technographic 0, intent 0, engagement 0; missing: firmographic, technographic, intent, engagement)',
        'MQA   no: 1 engaged stakeholder, 1 senior (needs 3 engaged, 1 senior, within 90 days)',
        '',
        'Buying committee',
        '  ● Ann, CFO — economic-buyer, c-level; engaged, last engaged 2026-11-01',
        '  ○ Bo, Ops — champion; engaged, but outside the window, last engaged 2026-01-01',
        '',
        'Open signals',
        '  2026-11-20  4 days open  procurement: RFP out',
        '',
        'Next actions',
        '  - Call Ann',
        '',
        'Last changes',
        `  ${commit}  2026-11-21  Dana Ruiz  Add Prairie Grain`,
        '',
      ].join('\n'),
    );
    const json = JSON.parse(runAbx(['-C', dir, '--as-of', '2026-11-24', 'show', 'prairie-grain', '--format', 'json']).stdout) as { openSignals: { ageDays: number }[]; committee: { engaged: boolean }[] };
    expect(json.openSignals[0]?.ageDays).toBe(4);
    expect(json.committee.map((m) => m.engaged)).toEqual([true, false]);
  });

  it('says which accounts an ambiguous part names', () => {
    const r = runAbx(['-C', example, 'show', 'logistics']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"logistics" matches 2 accounts');
  });
});

describe('abx init', () => {
  it('makes a first commit holding the files it wrote when it creates the repository', () => {
    const dir = tempDir();
    // abx runs git without GIT_* variables: the identity comes from the user's git config.
    writeFileSync(join(dir, '.gitconfig'), '[user]\n\tname = Dana Ruiz\n\temail = d@x.example\n');
    const r = runAbx(['init', `${dir}/ws`, '--yes'], { env: { HOME: dir, XDG_CONFIG_HOME: dir } });
    expect(r.stdout).toContain('Initialised a git repository (branch main) with a first commit.\n');
    const log = spawnSync('git', ['log', '--format=%s'], { cwd: `${dir}/ws`, encoding: 'utf8' });
    expect(log.stdout).toBe('Start the ABX workspace (abx init)\n');
    const status = spawnSync('git', ['status', '--porcelain'], { cwd: `${dir}/ws`, encoding: 'utf8' });
    expect(status.stdout).toBe('');
    const author = spawnSync('git', ['log', '--format=%an'], { cwd: `${dir}/ws`, encoding: 'utf8' });
    expect(author.stdout).toBe('Dana Ruiz\n');
  });
});

describe('quieter by default', () => {
  const dir = () =>
    makeWorkspace({
      'accounts/a.md': '---\nname: A\nsegment: nope\nbuying_committee:\n  - { name: Pat, title: VP Ops, role: technical buyer, status: engaged, seniority: VP }\n---\n',
      'accounts/b.md': '---\nname: B\nfit: { firmographic: 10 }\n---\n',
      'accounts/c.md': '---\nname: C\nfit: { firmographic: 10 }\n---\n',
    });

  it('repeats an enum value that is not allowed and names the nearest one, case first', () => {
    const r = runAbx(['-C', dir(), 'validate', '--rule', 'schema', '--format', 'json']);
    const messages = (JSON.parse(r.stdout) as { problems: { message: string }[] }).problems.map((p) => p.message);
    expect(messages).toEqual([
      'buying_committee[0].role must be one of: champion, influencer, blocker, decision-maker, economic-buyer, technical-buyer, not "technical buyer" (did you mean "technical-buyer"?)',
      'buying_committee[0].seniority must be one of: c-level, vp, director, manager, individual, not "VP" (did you mean "vp"?)',
    ]);
  });

  it('validate --rule and --errors-only narrow the problems and the exit status', () => {
    const d = dir();
    const all = JSON.parse(runAbx(['-C', d, 'validate', '--format', 'json']).stdout) as { problems: { rule: string; severity: string }[] };
    expect(new Set(all.problems.map((p) => p.rule))).toEqual(new Set(['schema', 'unknown-reference', 'fit-incomplete']));
    const errors = runAbx(['-C', d, 'validate', '--errors-only', '--format', 'json']);
    expect((JSON.parse(errors.stdout) as { problems: { severity: string }[] }).problems.every((p) => p.severity === 'error')).toBe(true);
    expect(errors.code).toBe(1);
    const warnings = runAbx(['-C', d, 'validate', '--rule', 'fit-incomplete', '--format', 'json']);
    expect(warnings.code).toBe(0);
    expect(new Set((JSON.parse(warnings.stdout) as { problems: { rule: string }[] }).problems.map((p) => p.rule))).toEqual(new Set(['fit-incomplete']));
    const bad = runAbx(['-C', d, 'validate', '--rule', 'fit-incomplet']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('abx: no rule "fit-incomplet" (did you mean "fit-incomplete"?): the rules are listed in docs/rules.md\n');
  });

  it('score ends with one line counting warnings by rule', () => {
    const d = makeWorkspace({ 'accounts/b.md': '---\nname: B\nfit: { firmographic: 10 }\n---\n', 'accounts/c.md': '---\nname: C\nfit: { firmographic: 10 }\n---\n', 'bets/x.md': '---\nname: X\nstatus: running\nstarted: 2026-01-01\nreview_by: 2026-02-01\nhypothesis: h\ntest: t\nsuccess_criteria: s\nkill_condition: k\nlearning_output: l\n---\n' });
    const r = runAbx(['-C', d, '--as-of', '2026-11-24', 'score']);
    expect(r.stderr).toBe('3 warnings (fit-incomplete 2, bet-review-overdue 1): abx validate --rule <id> lists them.\n');
  });
});

describe('--explain in words a marketer reads', () => {
  it('lists activities outside the window with 0 points, says "1 point", and ages open signals in days', () => {
    const dir = makeWorkspace({
      'accounts/a.md':
        '---\nname: A\nengagement:\n  - { date: 2026-11-20, type: website-visit }\n  - { date: 2026-01-05, type: demo-request }\nsignals:\n  - { type: policy, date: 2026-07-28, summary: New rule }\n---\n',
    });
    const r = runAbx(['-C', dir, '--as-of', '2026-11-24', 'score', 'a', '--explain']);
    expect(r.stdout).toContain('computed: 1 point from 1 activity in the last 90 days (cap 100)\n');
    expect(r.stdout).toMatch(/ {6}2026-11-20 website-visit \+1\s+accounts\/a\.md:4\n/);
    expect(r.stdout).toMatch(/ {6}2026-01-05 demo-request 0: outside the 90-day window\s+accounts\/a\.md:5\n/);
    const v = JSON.parse(runAbx(['-C', dir, '--as-of', '2026-11-24', 'validate', '--rule', 'signal-untouched', '--format', 'json']).stdout) as { problems: { message: string }[] };
    expect(v.problems.map((p) => p.message)).toEqual(['policy signal "New rule" from 2026-07-28 has had no first touch for 119 days (target: a first touch within 72 hours)']);
  });
});

describe('accounts without a segment', () => {
  it('abx new account says the segment is missing', () => {
    const dir = makeWorkspace({ 'segments/core.md': '---\nname: Core\n---\n' });
    const r = runAbx(['-C', dir, 'new', 'account', 'loose', '--name', 'Loose', '--painful', '0', '--urgent', '0', '--recognized', '0', '--expensive', '0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('! No segment: firmographic and technographic fit stay 0 until the account has one (segment: core).\n');
  });
});

describe('abx import --segment', () => {
  it('puts matched accounts into the segment too, as an update that --dry-run shows', () => {
    const dir = makeWorkspace({
      'segments/core.md': '---\nname: Core\n---\n',
      'accounts/acme.md': '---\nname: Acme\ndomain: acme.example\n---\n',
      'accounts/zeta.md': '---\nname: Zeta\ndomain: zeta.example\nsegment: core\n---\n',
      'companies.csv': 'Company name,Company Domain Name\nAcme,acme.example\nZeta,zeta.example\n',
    });
    const dry = runAbx(['-C', dir, 'import', 'companies.csv', '--segment', 'core', '--dry-run']);
    expect(dry.stdout).toBe('line 2: would be updated acme: segment\n');
    expect(dry.stderr).toBe('2 rows (HubSpot company export): 0 created, 1 updated, 1 unchanged, 0 skipped (dry run: nothing was written).\n');
    const r = runAbx(['-C', dir, 'import', 'companies.csv', '--segment', 'core']);
    expect(r.code).toBe(0);
    expect(ids(runAbx(['-C', dir, 'list', '--segment', 'core', '--format', 'json']).stdout)).toEqual(['acme', 'zeta']);
  });
});

describe('generated_blocks', () => {
  const account = '---\nname: Acme\nfit: { firmographic: 50, technographic: 50, intent: 50, engagement: 50 }\npure:\n  painful: { score: 1, evidence: e }\n  urgent: { score: 0 }\n  recognized: { score: 0 }\n  expensive: { score: 0 }\n---\n\n# Acme\n';
  it('writes only the pure block by default, and never checks a fit block the workspace did not opt into', () => {
    const dir = makeWorkspace({ 'accounts/acme.md': account });
    expect(runAbx(['-C', dir, 'score', '--write']).code).toBe(0);
    const text = readFileSync(join(dir, 'accounts/acme.md'), 'utf8');
    expect(text).toContain('<!-- abx:begin pure -->');
    expect(text).not.toContain('abx:begin fit');
    // A hand-kept fit block that no longer matches is the author's: no table-drift.
    writeFileSync(join(dir, 'accounts/acme.md'), `${text}\n<!-- abx:begin fit -->\n| old |\n<!-- abx:end fit -->\n`);
    expect(runAbx(['-C', dir, 'validate', '--rule', 'table-drift', '--format', 'json']).stdout).toContain('"problems": []');
  });

  it('writes and checks the fit block when the workspace opts in', () => {
    const dir = makeWorkspace({ 'abx.config.yaml': 'version: 1\ngenerated_blocks: [pure, fit]\n', 'accounts/acme.md': account });
    runAbx(['-C', dir, 'score', '--write']);
    expect(readFileSync(join(dir, 'accounts/acme.md'), 'utf8')).toContain('<!-- abx:begin fit -->');
    writeFileSync(join(dir, 'abx.config.yaml'), 'version: 1\ngenerated_blocks: [pure, fit]\nscoring:\n  weights: { firmographic: 10, technographic: 20, intent: 55, engagement: 15 }\n');
    // Opted in, the fit block follows the weights: changing one is drift until score --write.
    const drift = JSON.parse(runAbx(['-C', dir, 'validate', '--format', 'json']).stdout) as { problems: { rule: string }[] };
    expect(drift.problems.map((p) => p.rule)).toEqual(['table-drift']);
    // With the default, the same weight change leaves the files alone.
    writeFileSync(join(dir, 'abx.config.yaml'), 'version: 1\nscoring:\n  weights: { firmographic: 10, technographic: 20, intent: 55, engagement: 15 }\n');
    expect((JSON.parse(runAbx(['-C', dir, 'validate', '--format', 'json']).stdout) as { problems: unknown[] }).problems).toEqual([]);
    const bad = runAbx(['-C', makeWorkspace({ 'abx.config.yaml': 'version: 1\ngenerated_blocks: [pure, fitt]\n' }), 'validate']);
    expect(bad.stdout).toContain('must be one of: pure, fit, not "fitt" (did you mean "fit"?)');
  });
});

describe("init's examples", () => {
  it('are marked, left out of reports until edited, and counted in again once edited', () => {
    const dir = join(tempDir(), 'ws');
    expect(runAbx(['init', dir, '--yes']).code).toBe(0);
    expect(readFileSync(join(dir, 'bets/example-bet.md'), 'utf8').split('\n')[1]).toMatch(/^# abx:template [0-9a-f]{8}: an example from abx init; reports leave it out until you edit this file$/);
    const before = runAbx(['-C', dir, 'report', 'bets', '--format', 'json']);
    expect((JSON.parse(before.stdout) as { bets: { total: number } }).bets.total).toBe(0);
    expect(before.stderr).toContain('Left out 4 example files from abx init until edited: accounts/example-account.md, bets/example-bet.md, journeys/example-journey.md, segments/example-segment.md\n');
    writeFileSync(join(dir, 'bets/example-bet.md'), readFileSync(join(dir, 'bets/example-bet.md'), 'utf8').replace('name: Example bet', 'name: LinkedIn pilot'));
    const after = JSON.parse(runAbx(['-C', dir, 'report', 'bets', '--format', 'json']).stdout) as { bets: { total: number } };
    expect(after.bets.total).toBe(1);
  });
});

describe('abx import fills region from country', () => {
  it('through the built-in table and the config, keeping a region someone wrote', () => {
    const dir = makeWorkspace({
      'abx.config.yaml': 'version: 1\nimport:\n  regions: { Mexico: Latin America }\n',
      'accounts/kept.md': '---\nname: Kept\ndomain: kept.example\nfirmographics: { region: EMEA }\n---\n',
      'companies.csv': 'Company name,Company Domain Name,Country/Region\nKept,kept.example,Germany\nNew Co,new.example,Mexico\n',
    });
    const r = runAbx(['-C', dir, 'import', 'companies.csv']);
    expect(r.stdout).toBe('line 2: updated kept: firmographics.country\nline 3: created new-co (New Co)\n');
    expect(readFileSync(join(dir, 'accounts/kept.md'), 'utf8')).toContain('firmographics: { region: EMEA, country: Germany }');
    expect(readFileSync(join(dir, 'accounts/new-co.md'), 'utf8')).toContain('firmographics: { country: Mexico, region: Latin America }');
  });
});

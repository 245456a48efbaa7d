import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, makeWorkspace, NODE, runAbx } from '../helpers.js';

const segment = '---\nname: Defense primes\npain_points: [a, b, c]\n---\n';

describe('abx new (no terminal)', () => {
  it('creates an account from flags with its score tables, and the file validates and is formatted', () => {
    const ws = makeWorkspace({ 'segments/defense-primes.md': segment });
    const r = runAbx(['new', 'account', 'acme-space', '--name', 'Acme Space', '--segment', 'defense-primes', '--domain', 'https://www.acmespace.com', '--painful', '3', '--painful-evidence', 'Launch slips: $2M a month', '--urgent', '2', '--urgent-evidence', 'RFP in Q3', '--recognized', '1', '--recognized-evidence', 'Asked once', '--expensive', '0'], { cwd: ws });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('✔ Created accounts/acme-space.md (PURE 6/12, tier 3 Active Pain; fit 0, tier 3).\n');
    const text = readFileSync(join(ws, 'accounts/acme-space.md'), 'utf8');
    expect(text.startsWith('---\nname: Acme Space\ndomain: acmespace.com\nsegment: defense-primes\npure:\n  painful: { score: 3, evidence: "Launch slips: $2M a month" }\n')).toBe(true);
    expect(text).toContain('| TOTAL | 6/12 | Tier: 3 (Active Pain) |');
    expect(runAbx(['validate', '--format', 'json'], { cwd: ws }).code).toBe(0);
    expect(runAbx(['fmt', '--check'], { cwd: ws })).toMatchObject({ code: 0, stdout: '' });
  });

  it('names the missing flags instead of waiting for input', () => {
    const ws = makeWorkspace({});
    const r = runAbx(['new', 'account', 'acme', '--painful', '2'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('abx new account is not on a terminal, so it cannot ask: give --name, --painful-evidence, --urgent, --recognized, --expensive');
    expect(existsSync(join(ws, 'accounts/acme.md'))).toBe(false);
  });

  it('rejects bad ids and unknown segments with exit 2, and never overwrites', () => {
    const ws = makeWorkspace({ 'segments/defense-primes.md': segment, 'accounts/acme.md': '---\nname: Mine\n---\n' });
    expect(runAbx(['new', 'account', 'Acme_Space', '--name', 'A'], { cwd: ws })).toMatchObject({ code: 2 });
    expect(runAbx(['new', 'account', 'Acme_Space', '--name', 'A'], { cwd: ws }).stderr).toContain('"Acme_Space" is not a valid id: use lowercase letters, digits and single dashes, at most 200 characters (e.g. acme-space)');
    const seg = runAbx(['new', 'account', 'zeta', '--name', 'Z', '--segment', 'defence-primes'], { cwd: ws });
    expect(seg.code).toBe(2);
    expect(seg.stderr).toContain('no segment "defence-primes" (did you mean "defense-primes"?)');
    const again = runAbx(['new', 'account', 'acme', '--name', 'Other'], { cwd: ws });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('the account "acme" exists already (accounts/acme.md): abx new never overwrites a file');
    expect(readFileSync(join(ws, 'accounts/acme.md'), 'utf8')).toBe('---\nname: Mine\n---\n');
  });

  it('creates a bet, a segment and a journey that validate', () => {
    const ws = makeWorkspace({ 'segments/defense-primes.md': segment });
    expect(runAbx(['new', 'bet', 'linkedin-pilot', '--name', 'LinkedIn pilot', '--category', 'channel', '--hypothesis', 'h', '--test', 't', '--success-criteria', 's', '--kill-condition', 'k', '--learning-output', 'l'], { cwd: ws }).code).toBe(0);
    expect(runAbx(['new', 'segment', 'regional-3pl', '--name', 'Regional 3PL'], { cwd: ws }).code).toBe(0);
    expect(runAbx(['new', 'journey', 'coo', '--name', 'COO', '--segment', 'defense-primes', '--persona', 'COO'], { cwd: ws }).code).toBe(0);
    const v = JSON.parse(runAbx(['validate', '--format', 'json'], { cwd: ws }).stdout) as { errors: number; problems: { rule: string; file: string }[] };
    expect(v.errors).toBe(0);
    expect(v.problems.map((p) => `${p.file} ${p.rule}`)).toEqual(['segments/regional-3pl.md segment-top3-pain']);
  });

  it('refuses a running bet without dates, naming the flags, writing nothing', () => {
    const ws = makeWorkspace({});
    const r = runAbx(['new', 'bet', 'b', '--name', 'B', '--status', 'running', '--hypothesis', 'h', '--test', 't', '--success-criteria', 's', '--kill-condition', 'k', '--learning-output', 'l'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give --started, --review-by');
    expect(existsSync(join(ws, 'bets/b.md'))).toBe(false);
  });
});

describe('abx new on a pseudo-terminal', () => {
  // `script` gives the child a real terminal, so @inquirer/prompts runs as it would for a person.
  it.skipIf(!existsSync('/usr/bin/script'))('asks, then writes the account it was told', () => {
    const ws = makeWorkspace({});
    const keys = `sleep 1.5; printf 'Acme Space\\r'; sleep 0.5; printf 'acme.com\\r'; sleep 0.5; printf 'n\\r'; sleep 0.5; printf '\\r'; sleep 1`;
    const r = spawnSync('sh', ['-c', `(${keys}) | script -qec "${NODE} ${BIN} new account acme-space" /dev/null`], { cwd: ws, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stdout).toContain('Unscored: add the pure block when you have evidence.');
    expect(readFileSync(join(ws, 'accounts/acme-space.md'), 'utf8').startsWith('---\nname: Acme Space\ndomain: acme.com\n---\n\n# Acme Space\n')).toBe(true);
  }, 40_000);
});

describe('abx new: every status, every domain once, ids every system can hold', () => {
  const bet = ['--name', 'Pilot', '--hypothesis', 'h', '--test', 't', '--success-criteria', 's', '--kill-condition', 'k', '--learning-output', 'l'];

  it.each([
    ['running', ['--started', '2026-10-01', '--review-by', '2026-12-01'], 'started: 2026-10-01\nreview_by: 2026-12-01\n'],
    ['won', ['--result', 'Doubled replies'], 'result: Doubled replies\n'],
    ['killed', ['--result', 'No lift after 6 weeks'], 'result: No lift after 6 weeks\n'],
  ])('creates a %s bet from flags', (status, flags, written) => {
    const ws = makeWorkspace({});
    const r = runAbx(['new', 'bet', 'pilot', ...bet, '--status', status, ...flags, '--as-of', '2026-11-24'], { cwd: ws });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(ws, 'bets/pilot.md'), 'utf8')).toContain(`status: ${status}\n`);
    expect(readFileSync(join(ws, 'bets/pilot.md'), 'utf8')).toContain(written);
    expect(runAbx(['validate', '--as-of', '2026-11-24'], { cwd: ws }).code).toBe(0);
  });

  it('names the flags a status needs, and refuses a date that is not one', () => {
    const ws = makeWorkspace({});
    expect(runAbx(['new', 'bet', 'pilot', ...bet, '--status', 'running'], { cwd: ws })).toMatchObject({ code: 2, stderr: expect.stringContaining('give --started, --review-by (see abx new --help)') });
    expect(runAbx(['new', 'bet', 'pilot', ...bet, '--status', 'won'], { cwd: ws })).toMatchObject({ code: 2, stderr: expect.stringContaining('give --result (see abx new --help)') });
    expect(runAbx(['new', 'bet', 'pilot', ...bet, '--status', 'running', '--started', '2026-13-01', '--review-by', '2026-12-01'], { cwd: ws }).stderr).toContain('--started must be a date in the form YYYY-MM-DD, not "2026-13-01"');
    expect(existsSync(join(ws, 'bets/pilot.md'))).toBe(false);
  });

  it('refuses a domain another account has (after normalising)', () => {
    const ws = makeWorkspace({ 'accounts/mueller.md': '---\nname: Müller\ndomain: müller-logistik.de\n---\n' });
    const r = runAbx(['new', 'account', 'mueller-2', '--name', 'Mueller', '--domain', 'https://www.XN--MLLER-LOGISTIK-GSB.de/'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('abx: --domain xn--mller-logistik-gsb.de is already the domain of accounts/mueller.md: one company, one account (add to that file instead)\n');
    expect(existsSync(join(ws, 'accounts/mueller-2.md'))).toBe(false);
  });

  it('refuses Windows device names and states the length limit', () => {
    const ws = makeWorkspace({});
    for (const id of ['con', 'nul', 'aux', 'prn', 'com1', 'lpt9']) {
      const r = runAbx(['new', 'segment', id, '--name', 'X'], { cwd: ws });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`"${id}" is a device name on Windows, where ${id}.md cannot exist: choose another id (e.g. ${id}-segment)`);
    }
    expect(runAbx(['new', 'segment', 'console', '--name', 'X'], { cwd: ws }).code).toBe(0);
    const long = runAbx(['new', 'segment', 'a'.repeat(201), '--name', 'X'], { cwd: ws });
    expect(long).toMatchObject({ code: 2, stderr: 'abx: the id is 201 characters long: ids are at most 200 characters\n' });
  });
});

/**
 * Output that fits the terminal: each command runs in an 80-column pseudo-terminal (`script`
 * from util-linux gives it a real terminal; `stty cols 80` sets the width it reports), and no
 * line may be wider than 80 columns. Through a pipe nothing is cut.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BIN, exampleWorkspace, FIXTURES, runAbx } from '../helpers.js';

const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** What a person sees on a terminal `columns` wide, colour codes removed, one entry per line. */
function onTerminal(cwd: string, args: readonly string[], columns: number): string[] {
  const command = `stty cols ${columns} rows 60; ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}`;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, FORCE_COLOR: '1', NO_COLOR: '' } });
  // eslint-disable-next-line no-control-regex
  return r.stdout.replace(/\u001b\[[0-9;?]*[a-zA-Z]/g, '').split(/\r?\n/).map((l) => l.replace(/\r/g, ''));
}

const widest = (lines: readonly string[]) => lines.reduce((w, l) => Math.max(w, [...l].length), 0);

const COMMANDS = [
  ['score'],
  ['score', '--explain'],
  ['validate'],
  ['report', 'tiers'],
  ['report', 'kpis'],
  ['report', 'bets'],
  ['report', 'signals'],
  ['fmt', '--check'],
  ['import', join(FIXTURES, 'import', 'hubspot-companies.csv'), '--dry-run'],
];

describe.skipIf(!hasScript)('terminal width (pseudo-terminal via script)', () => {
  const ws = exampleWorkspace();
  // Long names, a long evidence text and a problem, so that every table has something to fit.
  runAbx(['new', 'segment', 'long', '--name', `Segment ${'with a very long name '.repeat(4)}`], { cwd: ws });

  it.each(COMMANDS.map((c) => [c.map((a) => a.replace(/^.*\//, '')).join(' '), c] as const))('abx %s: no line is wider than 80 columns', (_name, args) => {
    const lines = onTerminal(ws, [...args, '--as-of', '2026-11-24'], 80);
    expect(lines.join('\n').length).toBeGreaterThan(20);
    expect(widest(lines)).toBeLessThanOrEqual(80);
  });

  it('says which score columns it hid, and shows every column through a pipe', () => {
    const lines = onTerminal(ws, ['score', '--as-of', '2026-11-24'], 80);
    expect(lines.join(' ')).toMatch(/\(Engagement, Segment, Name, Engaged hidden to fit 80 columns: widen the terminal, or pipe the output for every column\)/);
    const piped = runAbx(['score', '--as-of', '2026-11-24'], { cwd: ws }).stdout.split('\n');
    expect(piped[1]).toMatch(/Account.*Name.*Segment.*PURE.*PURE tier.*Fit.*Fit tier.*Engagement.*Engaged.*MQA/);
    expect(widest(piped)).toBeGreaterThan(120);
  });

  it('score --explain prints evidence whole through a pipe and wraps it on a terminal', () => {
    const evidence = 'Lost two shipper contracts this year for lack of a tracking portal';
    expect(runAbx(['score', '--explain', 'northwind-logistics', '--as-of', '2026-11-24'], { cwd: ws }).stdout).toContain(evidence);
    const lines = onTerminal(ws, ['score', '--explain', 'northwind-logistics', '--as-of', '2026-11-24'], 80);
    expect(lines.join('\n')).not.toContain(evidence);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('Lost two shipper contracts');
    const wide = onTerminal(ws, ['score', '--explain', 'northwind-logistics', '--as-of', '2026-11-24'], 200);
    expect(wide.join('\n')).toContain(evidence);
  });
});

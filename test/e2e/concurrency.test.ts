/**
 * `abx score --write` replaces files atomically: a reader running at the same time (another
 * process reading in a loop, and abx validate) sees the old file or the new one, never part of
 * one. The account has a body of almost 1 MiB so that a non-atomic write would be caught mid-way.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, makeWorkspace, NODE, runAbx } from '../helpers.js';

const BODY = `\n# Big Account\n\n${'Notes on the account, kept long on purpose. '.repeat(20_000)}\n`;

function account(painful: number): string {
  return [
    '---',
    'name: Big Account',
    'pure:',
    `  painful:    { score: ${painful}, evidence: Lost shipments }`,
    '  urgent:     { score: 2, evidence: Audit in spring }',
    '  recognized: { score: 1, evidence: Said so }',
    '  expensive:  { score: 1, evidence: Penalties }',
    '---',
    BODY,
  ].join('\n');
}

const sha = (b: Buffer | string) => createHash('sha1').update(b).digest('hex');

/** The file as `abx score --write` leaves it, for a given source. */
function written(source: string): string {
  const dir = makeWorkspace({ 'accounts/big.md': source });
  const r = runAbx(['score', '--write', '--format', 'json'], { cwd: dir });
  if (r.code !== 0) throw new Error(`score --write failed: ${r.stderr}`);
  return readFileSync(join(dir, 'accounts', 'big.md'), 'utf8');
}

const READER = `
const { readFileSync, existsSync } = require('node:fs');
const { createHash } = require('node:crypto');
const [file, stop, allowed] = process.argv.slice(1);
const ok = new Set(allowed.split(','));
let reads = 0, bad = 0; const sizes = [];
while (!existsSync(stop)) {
  let bytes;
  try { bytes = readFileSync(file); } catch (e) { bad++; sizes.push(e.code); continue; }
  reads++;
  if (!ok.has(createHash('sha1').update(bytes).digest('hex'))) { bad++; if (sizes.length < 5) sizes.push(bytes.length); }
}
process.stdout.write(JSON.stringify({ reads, bad, sizes }));
`;

describe('concurrent writes and reads', () => {
  it('a reader never sees a half-written file while abx score --write runs', async () => {
    const versions = [account(3), account(2)];
    const complete = [...versions, ...versions.map(written)];
    expect(new Set(complete.map(sha)).size).toBe(4);
    expect(Buffer.byteLength(complete[2] ?? '')).toBeGreaterThan(800_000);

    const dir = makeWorkspace({ 'accounts/big.md': versions[0] ?? '' });
    const file = join(dir, 'accounts', 'big.md');
    const stop = join(dir, 'stop');
    const reader = spawn(process.execPath, ['-e', READER, file, stop, complete.map(sha).join(',')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    reader.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const done = new Promise<number>((resolve) => reader.on('close', (code) => resolve(code ?? -1)));

    const validateCodes: number[] = [];
    const validateOutputs: string[] = [];
    for (let round = 0; round < 8; round++) {
      // Swap in the other source (itself atomically), then let abx rewrite its blocks,
      // with an abx validate reading the workspace at the same time.
      const next = versions[round % 2] ?? '';
      writeFileSync(`${file}.swap`, next);
      renameSync(`${file}.swap`, file);
      const validate = spawn(NODE, [BIN, 'validate', '--format', 'json'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let vOut = '';
      validate.stdout.on('data', (d: Buffer) => (vOut += d.toString()));
      const vDone = new Promise<number>((resolve) => validate.on('close', (code) => resolve(code ?? -1)));
      const r = spawnSync(NODE, [BIN, 'score', '--write', '--format', 'json'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      validateCodes.push(await vDone);
      validateOutputs.push(vOut);
      expect(readFileSync(file, 'utf8')).toBe(complete[2 + (round % 2)]);
    }
    writeFileSync(stop, '');
    expect(await done).toBe(0);

    const result = JSON.parse(out) as { reads: number; bad: number; sizes: unknown[] };
    expect(result.reads).toBeGreaterThan(20);
    expect({ bad: result.bad, sizes: result.sizes }).toEqual({ bad: 0, sizes: [] });
    // abx validate saw a whole file each time: never a syntax error, only (at most) a stale block.
    for (const [i, text] of validateOutputs.entries()) {
      expect(validateCodes[i]).toBe(0);
      const report = JSON.parse(text) as { problems: { rule: string }[] };
      expect(report.problems.map((p) => p.rule).filter((r) => r !== 'table-drift' && r !== 'fit-incomplete' && r !== 'tier1-coverage')).toEqual([]);
    }
    // No temporary files left behind.
    expect(readdirSync(join(dir, 'accounts'))).toEqual(['big.md']);
  }, 120_000);
});

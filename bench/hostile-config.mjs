/**
 * `npm run bench:hostile`: how long `abx validate` takes on the example workspace with a hostile
 * custom schema (issue #20: `{"pattern": "^(a+)+$"}` backtracked for over a minute on 36 `a`s
 * and a `!`). The name that never matches doubles in length, so the slope shows: linear time
 * means the time barely moves (start-up and the rest of the workspace dominate). Medians of 5.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ABX = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'abx.js');
const dir = join(mkdtempSync(join(tmpdir(), 'abx-bench-hostile-')), 'ws');
const run = (args, cwd = dir) => spawnSync(process.execPath, [ABX, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
if (run(['init', 'ws', '--yes', '--example'], dirname(dir)).status !== 0) throw new Error('abx init --example failed');

const config = join(dir, 'abx.config.yaml');
const accounts = readdirSync(join(dir, 'accounts')).filter((f) => f.endsWith('.md'));
const target = join(dir, 'accounts', accounts[0]);
const original = readFileSync(target, 'utf8');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timed = (expectCode) => {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    const r = run(['validate']);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== expectCode) throw new Error(`unexpected result: ${r.status}\n${r.stdout}${r.stderr}`);
  }
  return `${median(times).toFixed(0)} ms`;
};

// The same workspace without the custom schema: what validate costs anyway.
const baseline = timed(0);
writeFileSync(config, `${readFileSync(config, 'utf8')}\nschemas:\n  accounts: hostile.json\n`);
const rows = [];
for (const length of [36, 72, 144, 1_000, 2_000, 4_000, 8_000, 16_000]) {
  writeFileSync(join(dir, 'hostile.json'), JSON.stringify({ properties: { name: { type: 'string', pattern: '^(a+)+$', maxLength: 20_000 } } }));
  writeFileSync(target, original.replace(/^name: .*$/m, `name: ${'a'.repeat(length)}!`));
  rows.push(`| ${length.toLocaleString('en-US')} | ${timed(1)} |`);
}
console.log(['| `a`s before the `!` | abx validate (example + hostile schema) |', '|---:|---:|', `| (no custom schema) | ${baseline} |`, ...rows].join('\n'));

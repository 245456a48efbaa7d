/**
 * Hostile inputs that once took quadratic time or worse (issue: a hostile pull request must not
 * slow CI down), each at doubling sizes: when a size doubles, a linear case's time about
 * doubles (slope ≈ 1 on a log-log scale), a quadratic case's quadruples (slope ≈ 2). Each run has
 * a 120 s cap. Part of `npm run bench`; `node bench/hostile.mjs` runs it alone (after `npm run
 * build`). Replaces the "Hostile inputs" section of bench/results.md.
 *   BENCH_HOSTILE=signals,aliases   only these cases
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ABX = join(HERE, '..', 'bin', 'abx.js');
const RESULTS = join(HERE, 'results.md');
const CAP_MS = 120_000;
const TIME = '/usr/bin/time';

const account = (body) => `---\nname: Big\n${body}---\n`;

/** name → [sizes, (dir, n) => args for abx after writing the workspace] */
const CASES = {
  signals: {
    what: 'signals without `first_touch` (one problem each), one account: `abx validate`',
    sizes: [1750, 3500, 7000, 14000],
    make(dir, n) {
      const lines = Array.from({ length: n }, (_, i) => `  - { type: intent-surge, date: 2026-01-${String((i % 28) + 1).padStart(2, '0')}, summary: s${i} }\n`).join('');
      write(dir, 'accounts/big.md', account(`signals:\n${lines}`));
      return ['validate', '--format', 'json'];
    },
  },
  committee: {
    what: 'buying-committee entries with a bad value each, one account: `abx validate`',
    sizes: [1000, 2000, 4000, 8000],
    make(dir, n) {
      const lines = Array.from({ length: n }, (_, i) => `  - name: P${i}\n    title: T\n    role: champion\n    status: nonsense\n    seniority: vp\n`).join('');
      write(dir, 'accounts/big.md', account(`buying_committee:\n${lines}`));
      return ['validate', '--format', 'json'];
    },
  },
  aliases: {
    what: 'a list of `- *e` aliases, no problems: `abx validate`',
    sizes: [15000, 30000, 60000, 120000],
    make(dir, n) {
      write(dir, 'accounts/big.md', account(`tags:\n  - &e x\n${'  - *e\n'.repeat(n)}`));
      return ['validate', '--format', 'json'];
    },
  },
  glob: {
    what: 'a config glob of k `**/` parts, one file 25 folders deep that does not match: `abx validate`',
    sizes: [3, 6, 12, 24],
    make(dir, k) {
      write(dir, 'abx.config.yaml', `version: 1\npaths:\n  accounts: accounts/${'**/'.repeat(k)}x*.md\n`);
      write(dir, `accounts/${Array.from({ length: 25 }, (_, i) => `d${i}`).join('/')}/y.md`, account(''));
      return ['validate', '--format', 'json'];
    },
  },
  mapping: {
    what: 'an import mapping file with one anchor and n entries: `abx import --dry-run`',
    sizes: [10000, 20000, 40000, 80000],
    make(dir, n) {
      const entries = Array.from({ length: n }, (_, i) => `Col${i}: firmographics.c${i}\n`).join('');
      write(dir, 'map.yaml', `Company: &anchor name\n${entries}`);
      write(dir, 'in.csv', 'Company\nAcme\n');
      return ['import', 'in.csv', '--from', 'map.yaml', '--dry-run'];
    },
  },
  flow: {
    what: '63-deep flow lines without aliases, up to 1 MiB: `abx validate`',
    sizes: [1000, 2000, 4000, 7800],
    make(dir, n) {
      const line = `  - ${'['.repeat(63)}1${']'.repeat(63)}\n`;
      write(dir, 'accounts/big.md', account(`tags:\n${line.repeat(n)}`));
      return ['validate', '--format', 'json'];
    },
  },
  revision: {
    what: 'n files of 0.5 MB committed, read back from git: `abx diff HEAD --head HEAD` (peak memory in brackets)',
    sizes: [64, 128, 256, 512],
    make(dir, n) {
      const pad = 'x'.repeat(512 * 1024);
      for (let i = 0; i < n; i++) write(dir, `accounts/a${i}.md`, `---\nname: A${i}\n---\n${i}${pad}\n`);
      const git = (...args) => spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
      git('init', '-q');
      git('add', '-A');
      git('commit', '-qm', 'bench');
      return ['diff', 'HEAD', '--head', 'HEAD', '--format', 'json'];
    },
  },
};

function write(dir, path, text) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

function run(name, n) {
  const dir = mkdtempSync(join(tmpdir(), `abx-hostile-${name}-`));
  try {
    write(dir, 'abx.config.yaml', 'version: 1\n');
    const args = CASES[name].make(dir, n);
    const rssFile = join(dir, '.rss');
    const [cmd, argv] = existsSync(TIME) ? [TIME, ['-f', '%M', '-o', rssFile, process.execPath, ABX, ...args]] : [process.execPath, [ABX, ...args]];
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, argv, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], timeout: CAP_MS, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const capped = r.signal === 'SIGTERM';
    const crashed = !capped && ![0, 1].includes(r.status ?? -1);
    const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : undefined;
    return { ms, capped, crashed, rss, note: crashed ? String(r.stderr).split('\n')[0]?.slice(0, 120) : '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cell(t, memory = false) {
  if (t.capped) return `> ${CAP_MS / 1000} s`;
  return `${(t.ms / 1000).toFixed(2)} s${memory && t.rss !== undefined ? ` (${Math.round(t.rss)} MB)` : ''}${t.crashed ? ' (failed)' : ''}`;
}

if (!existsSync(join(HERE, '..', 'dist', 'cli', 'main.js'))) {
  console.error('bench: dist/ is missing, run npm run build first');
  process.exit(2);
}
const only = process.env.BENCH_HOSTILE?.split(',');
const rows = [];
for (const [name, c] of Object.entries(CASES)) {
  if (only && !only.includes(name)) continue;
  const times = [];
  for (const n of c.sizes) {
    const t = run(name, n);
    times.push(t);
    console.error(`${name} ${n}: ${cell(t, true)}${t.crashed ? ` (exit: ${t.note})` : ''}`);
    if (t.capped) break;
  }
  const cells = c.sizes.map((n, i) => (times[i] ? cell(times[i], name === 'revision') : '—'));
  const last = times.length - 1;
  const slope = last > 0 && !times[last].capped ? Math.log2(times[last].ms / times[last - 1].ms) / Math.log2(c.sizes[last] / c.sizes[last - 1]) : NaN;
  rows.push(`| ${name} | ${c.what} | ${c.sizes.join(' / ')} | ${cells.join(' / ')} | ${Number.isNaN(slope) ? '—' : slope.toFixed(2)} |`);
}
const section = [
  '## Hostile inputs',
  '',
  'Each case at doubling sizes (`node bench/hostile.mjs`, wall time of one run including start-up of about 0.2 s).',
  'The slope is log(time ratio) / log(size ratio) of the last two sizes: 1 is linear, 2 quadratic.',
  '',
  '| case | input | sizes | times | slope |',
  '|---|---|---|---|---|',
  ...rows,
  '',
].join('\n');
const old = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
const at = old.indexOf('## Hostile inputs');
const next = at === -1 ? -1 : old.indexOf('\n## ', at + 1);
const updated = at === -1 ? `${old.replace(/\n*$/, '\n\n')}${section}` : `${old.slice(0, at)}${section}${next === -1 ? '' : old.slice(next + 1)}`;
writeFileSync(RESULTS, updated);
console.log(section);

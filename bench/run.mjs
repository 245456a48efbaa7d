/**
 * `npm run bench`: abx against the floor (read every file, parse its frontmatter with js-yaml)
 * and a peer (markdownlint-cli2) on seeded synthetic workspaces of 1,000, 10,000 and 50,000
 * accounts in two shapes (bench/generate.mjs: `clean`, and `warned` with about two warnings per
 * account), plus start-up time. Every contender runs in turn within each round (alternating, so
 * a slow moment of the machine hits all of them alike); the tables show medians. Peak memory is
 * the maximum resident set size reported by /usr/bin/time.
 *
 * Rows: validate, score, fmt --check, report all --format html and export --format jsonl against
 * the floor; diff HEAD with 100 account files changed against its own floor (bench/floor-diff.mjs:
 * the working tree read once plus the changed files read again from git); markdownlint-cli2.
 *
 * Writes bench/results.md (its own part; the warehouse and hostile sections are kept). Run
 * `npm run build` first (the script does). Options:
 *   BENCH_SIZES=1000,10000   only these sizes
 *   BENCH_SHAPES=warned      only these workspace shapes (clean, warned)
 *   BENCH_QUICK=1            fewer repetitions (a smoke run, not for the record)
 *   BENCH_PEER=0             without markdownlint-cli2 (it takes most of a full run)
 *   BENCH_WAREHOUSE=0        without the warehouse section (bench/warehouse.mjs)
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace, SHAPES } from './generate.mjs';
import { FLOOR_STAGES, PROFILED, profileCommand, stageTable, sumOf } from './profile.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..');
const WORK = join(HERE, 'work');
const ABX = join(REPO, 'bin', 'abx.js');
const FLOOR = join(HERE, 'floor.mjs');
const FLOOR_DIFF = join(HERE, 'floor-diff.mjs');
const MDL = join(REPO, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const TIME = '/usr/bin/time';
const NODE = process.execPath;
const quick = process.env.BENCH_QUICK === '1';
const peer = process.env.BENCH_PEER !== '0';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const SHAPE_LIST = (process.env.BENCH_SHAPES ?? SHAPES.join(',')).split(',');
for (const s of SHAPE_LIST) if (!SHAPES.includes(s)) throw new Error(`bench: unknown shape ${s} in BENCH_SHAPES (${SHAPES.join(', ')})`);
/** Repetitions per size: [abx and the floor, markdownlint-cli2]. The peer is slow, so fewer. */
const REPS = quick ? { 1000: [2, 1], 10000: [2, 1], 50000: [1, 1] } : { 1000: [7, 5], 10000: [5, 3], 50000: [3, 1] };
const STARTUP_REPS = quick ? 5 : 21;
/** Account files edited after the commit, for the diff row. */
const DIFF_CHANGED = 100;

if (!existsSync(join(REPO, 'dist', 'cli', 'main.js'))) {
  console.error('bench: dist/ is missing, run npm run build first');
  process.exit(2);
}
if (peer && !existsSync(MDL)) {
  console.error(`bench: markdownlint-cli2 is not installed (${MDL})`);
  process.exit(2);
}
const haveTime = existsSync(TIME);
const rssDir = mkdtempSync(join(tmpdir(), 'abx-bench-'));

/** Runs a command once: wall time in seconds, peak RSS in MiB (when /usr/bin/time is there), exit code. */
function measure(args, cwd, okCodes = [0, 1]) {
  const rssFile = join(rssDir, 'rss');
  const [cmd, argv] = haveTime ? [TIME, ['-f', '%M', '-o', rssFile, NODE, ...args]] : [NODE, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const code = r.status ?? -1;
  if (!okCodes.includes(code)) {
    throw new Error(`bench: ${args.join(' ')} in ${cwd} exited ${code}\n${String(r.stderr).slice(0, 2000)}`);
  }
  let rss;
  if (haveTime) {
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    rss = Number(lines[lines.length - 1]) / 1024;
  }
  return { seconds, rss, code };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs every contender once per round, in turn, and keeps every sample. */
function rounds(contenders, reps) {
  const samples = new Map(contenders.map((c) => [c.name, []]));
  const max = Math.max(...contenders.map((c) => c.reps ?? reps));
  for (let round = 0; round < max; round++) {
    // Rotate the order each round so no contender always runs first on a cold cache.
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]);
    for (const c of order) {
      if (round >= (c.reps ?? reps)) continue;
      samples.get(c.name).push(measure(c.args, c.cwd, c.okCodes));
    }
  }
  const out = {};
  for (const [name, runs] of samples) {
    out[name] = {
      seconds: median(runs.map((r) => r.seconds)),
      rss: runs[0].rss === undefined ? undefined : median(runs.map((r) => r.rss)),
      runs: runs.length,
      codes: [...new Set(runs.map((r) => r.code))],
    };
  }
  return out;
}

const log = (s) => process.stderr.write(`${s}\n`);
const started = Date.now();
const loads = [];
const noteLoad = () => loads.push(loadavg()[0]);
noteLoad();

// ---------------------------------------------------------------- workspaces
const git = (cwd, ...args) =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], { cwd, stdio: 'ignore' });

/**
 * A copy of the workspace made a git repository: everything committed, then DIFF_CHANGED account
 * files spread over the workspace edited (one PURE score moved), for `abx diff HEAD`.
 */
function gitWorkspace(src) {
  const dir = `${src}-git`;
  const stamp = `${readFileSync(join(src, '.bench-stamp'), 'utf8')} changed ${DIFF_CHANGED}`;
  const stampFile = join(dir, '.git', 'bench-stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return dir;
  rmSync(dir, { recursive: true, force: true });
  cpSync(src, dir, { recursive: true });
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'bench');
  const accounts = readdirSync(join(dir, 'accounts')).sort();
  const step = Math.max(1, Math.floor(accounts.length / DIFF_CHANGED));
  for (let i = 0; i < Math.min(DIFF_CHANGED, accounts.length); i++) {
    const path = join(dir, 'accounts', accounts[i * step]);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace(/score: (\d)/, (_, d) => `score: ${(Number(d) + 1) % 4}`));
  }
  writeFileSync(stampFile, stamp);
  return dir;
}

const workspaces = {};
for (const shape of SHAPE_LIST) {
  for (const n of SIZES) {
    const dir = join(WORK, `${shape === 'clean' ? 'a' : 'w'}${n / 1000}k`);
    log(`${shape} workspace of ${n} accounts: ${generateWorkspace(n, dir, undefined, shape) ? 'generated' : 'up to date'} (${dir})`);
    workspaces[`${shape} ${n}`] = { dir, git: gitWorkspace(dir) };
  }
}
// Outside the repository: abx init writes a workflow at the root of the git repository around it.
const example = join(rssDir, 'example');
execFileSync(NODE, [ABX, 'init', example, '--yes', '--example', '--force'], { stdio: 'ignore' });

const fileStats = (dir) => {
  const out = execFileSync('find', [join(dir, 'accounts'), '-name', '*.md', '-printf', '%s\n'], { encoding: 'utf8' });
  const sizes = out.trim().split('\n').map(Number);
  return { accounts: sizes.length, avgBytes: sizes.reduce((a, b) => a + b, 0) / sizes.length };
};

/** Errors and warnings abx finds in the workspace (one extra run, not timed). */
function problemCounts(dir) {
  const r = spawnSync(NODE, [ABX, 'validate', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const counts = { error: 0, warning: 0 };
  try {
    const parsed = JSON.parse(r.stdout);
    for (const p of parsed.problems ?? []) counts[p.severity] = (counts[p.severity] ?? 0) + 1;
  } catch {
    return undefined;
  }
  return counts;
}

// ---------------------------------------------------------------- sizes
/** The rows measured against the floor, by name: [label in the table, arguments, exit codes that are fine]. */
const ROWS = [
  ['validate', 'abx validate', ['validate']],
  ['score', 'abx score --format json', ['score', '--format', 'json'], [0]],
  ['fmt', 'abx fmt --check', ['fmt', '--check']],
  ['report', 'abx report all --format html', ['report', 'all', '--format', 'html'], [0]],
  ['export', 'abx export --format jsonl', ['export', '--format', 'jsonl'], [0]],
];
const results = {};
for (const shape of SHAPE_LIST) {
  for (const n of SIZES) {
    const { dir: cwd, git: gitDir } = workspaces[`${shape} ${n}`];
    const [reps, peerReps] = REPS[n] ?? [3, 1];
    noteLoad();
    log(`\n${shape}, ${n} accounts: ${reps} rounds${peer ? ` (markdownlint-cli2: ${peerReps})` : ''}, load average ${loadavg()[0].toFixed(1)}`);
    const r = rounds(
      [
        { name: 'floor', args: [FLOOR, '.'], cwd, okCodes: [0] },
        ...ROWS.map(([name, , args, okCodes]) => ({ name, args: [ABX, ...args], cwd, okCodes })),
        ...(peer ? [{ name: 'markdownlint-cli2', args: [MDL, '**/*.md'], cwd, reps: peerReps }] : []),
      ],
      reps,
    );
    Object.assign(
      r,
      rounds(
        [
          { name: 'floor-diff', args: [FLOOR_DIFF, '.', 'HEAD'], cwd: gitDir, okCodes: [0] },
          { name: 'diff', args: [ABX, 'diff', 'HEAD', '--format', 'json'], cwd: gitDir, okCodes: [0, 1] },
        ],
        reps,
      ),
    );
    for (const [name, x] of Object.entries(r)) log(`  ${name.padEnd(18)} ${x.seconds.toFixed(3)} s  ${x.rss?.toFixed(0) ?? '?'} MiB  (exit ${x.codes.join('/')}, ${x.runs} runs)`);
    r.stats = fileStats(cwd);
    r.problems = problemCounts(cwd);
    r.load = loadavg()[0];
    results[`${shape} ${n}`] = r;
  }
}

// ---------------------------------------------------------------- start-up
noteLoad();
log(`\nstart-up: ${STARTUP_REPS} rounds`);
const startup = rounds(
  [
    { name: 'node -e 0', args: ['-e', '0'], cwd: REPO, okCodes: [0] },
    { name: 'abx --version', args: [ABX, '--version'], cwd: REPO, okCodes: [0] },
    { name: 'abx validate (example)', args: [ABX, 'validate'], cwd: example },
  ],
  STARTUP_REPS,
);
for (const [name, r] of Object.entries(startup)) log(`  ${name.padEnd(24)} ${(r.seconds * 1000).toFixed(1)} ms`);

// ---------------------------------------------------------------- profiles
// Where the time goes (bench/profile.mjs): the commands with targets on the 10,000-account
// workspace (warned when measured), and validate on the example workspace.
const PROFILE_RUNS = quick ? 1 : 3;
const profiledShape = ['warned', 'clean'].find((shape) => workspaces[`${shape} 10000`]);
const profiles = [];
if (profiledShape) {
  log(`\nprofiles: ${profiledShape} 10,000 accounts, ${PROFILE_RUNS} runs each`);
  for (const [title, args] of PROFILED) profiles.push([title, profileCommand(args, workspaces[`${profiledShape} 10000`].dir, PROFILE_RUNS)]);
}
const EXAMPLE_RUNS = quick ? 5 : 20;
const exampleProfile = profileCommand(['validate'], example, EXAMPLE_RUNS);
rmSync(rssDir, { recursive: true, force: true });
noteLoad();

// ---------------------------------------------------------------- report
const s3 = (x) => x.toFixed(3);
const x2 = (x) => `${x.toFixed(2)}×`;
const mib = (x) => (x === undefined ? 'n/a' : `${x.toFixed(0)} MiB`);
const lines = [];
const machine = {
  cpus: availableParallelism(),
  model: cpus()[0]?.model ?? 'unknown',
  memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
  node: process.version,
};
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {
  // not a repository
}
const options = Object.entries(process.env).filter(([k]) => k.startsWith('BENCH_')).map(([k, v]) => `${k}=${v}`);
lines.push('# Benchmark results', '');
lines.push(`Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench\`${options.length ? ` (${options.join(' ')})` : ''}${quick ? ', BENCH_QUICK: too few runs for the record' : ''}, abx at ${commit} (plus the working tree).`);
lines.push(`Machine: ${machine.cpus} CPUs (nproc), ${machine.model}, ${machine.memory} memory, Node ${machine.node}, Linux.`);
lines.push(`Load average (1 minute) while the rows ran: ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)} on ${machine.cpus} CPUs${Math.max(...loads) > machine.cpus ? ': the machine was busy with other work, which slows every contender of a round alike but widens the spread' : ''}.`);
lines.push('');
lines.push('Workspaces: seeded synthetic accounts (bench/generate.mjs: PURE with evidence, fit, firmographics, engagement, buying committee, signals, next actions, half of them with a generated PURE block), 8 segments, one bet per 200 accounts (at least 5), a journey and a KPI file. Two shapes: **clean** (the odd warning), and **warned**, where accounts carry the warnings real workspaces have, about two more per account (`fit-incomplete`, `unknown-key`, `signal-untouched`, each in two accounts of three).');
lines.push('Every contender runs once per round, in turn; figures are medians. The floor (bench/floor.mjs) walks the workspace, reads every .md and .yaml file and parses its frontmatter with js-yaml, nothing more. markdownlint-cli2 0.22 lints the same markdown files with its default rules. Peak memory is the maximum resident set size (/usr/bin/time).');
lines.push(`\`abx diff HEAD\` runs on a copy of the workspace made a git repository, everything committed and then ${DIFF_CHANGED} account files edited (one PURE score each). Its floor (bench/floor-diff.mjs) is what any tool must read to compare the two revisions: every file of the working tree, read and parsed as by the floor, then \`git diff --name-only HEAD\` and the ${DIFF_CHANGED} changed files read again from git (\`git cat-file --batch\`) and parsed. Files whose blob is the same on both sides need no second read: with the config and segments unchanged their scores cannot differ.`);
lines.push('');
for (const shape of SHAPE_LIST) {
  lines.push(`### ${shape === 'clean' ? 'Clean' : 'Warned'} workspaces`, '');
  lines.push('| accounts (avg size, problems) | contender | median | × floor | per file | peak RSS | RSS × floor | runs |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const n of SIZES) {
    const r = results[`${shape} ${n}`];
    const files = r.stats.accounts;
    const p = r.problems ? `, ${r.problems.error.toLocaleString('en-US')} errors, ${r.problems.warning.toLocaleString('en-US')} warnings` : '';
    const head = `${n.toLocaleString('en-US')} (${(r.stats.avgBytes / 1024).toFixed(2)} KiB${p})`;
    const row = (label, c, floor) =>
      lines.push(`| ${head} | ${label} | ${s3(c.seconds)} s | ${x2(c.seconds / floor.seconds)} | ${((c.seconds * 1e6) / files).toFixed(0)} µs | ${mib(c.rss)} | ${c.rss && floor.rss ? x2(c.rss / floor.rss) : ''} | ${c.runs} |`);
    row('floor', r.floor, r.floor);
    for (const [name, label] of ROWS) row(label, r[name], r.floor);
    if (r['markdownlint-cli2']) row('markdownlint-cli2', r['markdownlint-cli2'], r.floor);
    row('floor of diff (bench/floor-diff.mjs)', r['floor-diff'], r['floor-diff']);
    row(`abx diff HEAD (${DIFF_CHANGED} changed), × the floor of diff`, r.diff, r['floor-diff']);
  }
  lines.push('');
  const at = (n) => results[`${shape} ${n}`];
  const scaling = (name) => (at(50000) && at(10000) ? at(50000)[name].seconds / at(10000)[name].seconds : undefined);
  lines.push('Scaling, 50,000 ÷ 10,000 accounts (5.0 is linear): ' + ['floor', 'validate', 'score', 'fmt'].map((n) => `${n} ${scaling(n)?.toFixed(2) ?? 'n/a'}`).join(', ') + '.');
  lines.push('');
}
lines.push('| start-up | median | × `node -e 0` |');
lines.push('|---|---|---|');
for (const [name, r] of Object.entries(startup)) lines.push(`| \`${name}\` | ${(r.seconds * 1000).toFixed(1)} ms | ${x2(r.seconds / startup['node -e 0'].seconds)} |`);
lines.push('');

// ---------------------------------------------------------------- targets
// The targets of issue #15, on every shape measured.
const t = [];
const check = (what, value, limit, fmt, cmp = '≤') => {
  if (value === undefined || Number.isNaN(value)) return t.push(`| ${what} | n/a | ${cmp} ${fmt(limit)} | not measured |`);
  const ok = cmp === '≤' ? value <= limit : value >= limit;
  t.push(`| ${what} | ${fmt(value)} | ${cmp} ${fmt(limit)} | ${ok ? 'holds' : '**misses**'} |`);
};
for (const shape of SHAPE_LIST) {
  const r10 = results[`${shape} 10000`];
  const r50 = results[`${shape} 50000`];
  const ratio = (r, name, floor = 'floor') => r && r[name] && r[name].seconds / r[floor].seconds;
  check(`${shape}: abx validate ÷ floor, 10k`, ratio(r10, 'validate'), 1.5, x2);
  check(`${shape}: abx score --format json ÷ floor, 10k`, ratio(r10, 'score'), 1.5, x2);
  check(`${shape}: peak RSS of abx validate ÷ floor's, 50k`, r50?.validate.rss && r50.validate.rss / r50.floor.rss, 2, x2);
  check(`${shape}: peak RSS of abx score ÷ floor's, 50k`, r50?.score.rss && r50.score.rss / r50.floor.rss, 2, x2);
  check(`${shape}: abx fmt --check ÷ floor, 10k`, ratio(r10, 'fmt'), 3, x2);
  check(`${shape}: abx diff HEAD (${DIFF_CHANGED} changed) ÷ floor of diff, 10k`, ratio(r10, 'diff', 'floor-diff'), 2.5, x2);
  check(`${shape}: abx report all --format html ÷ floor, 10k`, ratio(r10, 'report'), 2, x2);
  check(`${shape}: abx export --format jsonl ÷ floor, 10k`, ratio(r10, 'export'), 2, x2);
  check(`${shape}: markdownlint-cli2 ÷ abx validate, 10k`, r10?.['markdownlint-cli2'] && r10['markdownlint-cli2'].seconds / r10.validate.seconds, 10, x2, '≥');
}
check('`abx validate` (example) ÷ `node -e 0`', startup['abx validate (example)'].seconds / startup['node -e 0'].seconds, 2.5, x2);
check('`abx --version` ÷ `node -e 0`', startup['abx --version'].seconds / startup['node -e 0'].seconds, 1.2, x2);
lines.push('## Targets', '', 'The targets of issue #15, on each workspace shape.', '', '| target | measured | limit | |', '|---|---|---|---|', ...t, '');
lines.push(`Whole run: ${((Date.now() - started) / 1000).toFixed(0)} s.`, '');
const profileOf = (title) => profiles.find(([t]) => t === title)?.[1];
const msOf = (p, ...stages) => (p ? sumOf(p, stages).toFixed(0) : 'n/a');
const v = profileOf('abx validate');
const floor10 = profiledShape ? results[`${profiledShape} 10000`].floor.seconds : undefined;
lines.push('## Where the time goes', '');
if (profiledShape) {
  lines.push(
    `CPU profiles (\`node bench/profile.mjs\`: \`node --cpu-prof\`, the mean of ${PROFILE_RUNS} runs each) of the commands with targets on the ${profiledShape} 10,000-account workspace, and of \`abx validate\` on the example workspace (the mean of ${EXAMPLE_RUNS} runs).`,
    'A sample counts for the stage of the source module its code came from (the bundle keeps esbuild\'s `// src/...` markers); time inside Node (a `read`, a decode) counts for the code that asked for it, and everything under module loading or a module\'s top-level code for start-up. The profiler adds about 5% and starts after Node\'s own start-up (about 60 ms).',
    '',
    ...stageTable([...profiles, [`abx validate, example (${EXAMPLE_RUNS} runs)`, exampleProfile]]),
    '',
  );
}
lines.push(
  '**What cannot go lower, and why.**',
  '',
  `- **validate and score ÷ floor (≤ 1.5×).** abx does the floor's work (its walking, reading and js-yaml stages: ${msOf(v, ...FLOOR_STAGES)} ms of ${v ? sumOf(v).toFixed(0) : 'n/a'} ms in validate's profile) and then what the floor does not: what the spec asks of every file. ` +
    `At 1.5×${floor10 ? ` (${(floor10 * 1.5).toFixed(2)} s against the floor's ${floor10.toFixed(2)} s)` : ''} all of that would have to fit in about half the floor's time, and the profile puts no single stage near it: ` +
    `zod's schema checks and the unknown-key walk ${msOf(v, 'schema checks (zod, unknown keys)')} ms (format.md's messages, every key checked), scoring with exact fractions ${msOf(v, 'scoring (exact fractions)')} ms (scoring.md's rounding), rules ${msOf(v, 'rules (per kind, cross-file, generated blocks)')} ms, the parse prechecks ${msOf(v, 'parse prechecks (bounds, aliases, tree shape, number precision)')} ms (the bounds of docs/security.md and number-precision), the positions of the warnings ${msOf(v, 'positions of problems')} ms (line and column for each, without a Document), the loop around them ${msOf(v, 'analysis pipeline, config, reports')} ms, rendering ${msOf(v, 'rendering and writing output')} ms, start-up ${msOf(v, 'start-up (loading and compiling modules)')} ms and the collector ${msOf(v, 'garbage collection')} ms. ` +
    'Each stage was taken down where the profile pointed (below and in the log of issue #15); what is left is spread over all of them. Measured and dropped: a precompiled ajv validator in place of zod (45 ms against 109 ms for 10,000 parsed accounts, a tenth of the gap, and its messages are not the spec\'s); a second thread (on two cores half the files took 70% of the time: V8\'s collector and compiler threads already use the second core); a minified bundle (no change).',
  `- **fmt --check ÷ floor (≤ 3×).** fmt runs validate's analysis with the warnings counted, not located, and then shows every file to be in the normal layout: ${msOf(profileOf('abx fmt --check'), 'normal layout check (fmt)')} ms, without a \`yaml\` Document for files already normal (src/core/layout-fast.ts). It now decides each file as it is finished and holds no texts (AnalyzeInput.onFile), which took its peak memory at 50,000 accounts from 724 to 135 MiB. Its time is validate's, less the positions, plus the layout check: it follows validate.`,
  `- **report all --format html and export --format jsonl ÷ floor (≤ 2×).** Both run validate's analysis first (warnings counted, not located), so they follow validate. Their own part is small: building the twelve reports ${msOf(profileOf('abx report all --format html'), 'analysis pipeline, config, reports')} ms with the analysis (report keeps every record, so its collector takes ${msOf(profileOf('abx report all --format html'), 'garbage collection')} ms), rendering ${msOf(profileOf('abx report all --format html'), 'rendering and writing output')} ms; export renders ${msOf(profileOf('abx export --format jsonl'), 'rendering and writing output')} ms, and now takes each account's facts as the file is finished instead of keeping the records (641 → 332 MiB at 50,000 accounts).`,
  '- **markdownlint-cli2 ÷ validate (≥ 10×)** is the validate target seen from the other side: with markdownlint-cli2 at about 14× the floor, 10× needs validate at about 1.4× the floor.',
  `- **validate on the example ÷ \`node -e 0\` (≤ 2.5×).** Node's own start is about 60 ms of it. Of abx's part, start-up is ${exampleProfile ? sumOf(exampleProfile, ['start-up (loading and compiling modules)']).toFixed(0) : 'n/a'} ms: about 35 files of the bundle and their static imports (Node's ES module loader costs about 0.43 ms per module even for empty ones, measured with a chain of 31), compiling them, and zod building the kinds' schemas; the work on the 38 files runs cold, in the interpreter. Tried and measured on this machine: one file for the whole CLI, 255 ms against 175 ms (3.5 MB to compile); every command imported statically, 220 ms; a minified bundle, no change. Node 22 and later reuse the compiled code (module.enableCompileCache), which Node 20 cannot.`,
  '',
  'Issue #15, before and after, one paired run each on the warned 10,000-account workspace (the build of',
  'c29e502 against the build of c0c67ce, same machine, load under 1): `fmt --check` 34.62 s → 2.77 s; `diff HEAD` with 100',
  'files changed 7.13 s → 2.44 s (the same JSON); `validate --format json` 3.09 s → 2.22 s (median of three;',
  'peak RSS 137 → 116 MiB); `score --format json` 3.11 s → 2.08 s; `report all --format html` 3.58 s → 2.24 s;',
  '`export --format jsonl` 3.42 s → 2.11 s; `abx score` as a terminal table 22.0 s → 5.5 s (cli-table3\'s',
  'quadratic layout avoided, src/format/fit-width.ts); `validate` on the example workspace 0.25 s → 0.18 s.',
  'After c0c67ce: `fmt --check` decides each file as it is finished (warned, 50,000 accounts: 10.33 s, 724 MiB → 9.63 s, 135 MiB);',
  '`export` keeps each account\'s facts, not its record (warned, 50,000 accounts: 8.20 s, 641 MiB → 7.25 s, 332 MiB); child_process',
  'and crypto load on first use; plain domains skip the UTS #46 mapping.',
  '',
);

// This script's part of results.md is everything before the sections other scripts keep (warehouse, hostile inputs).
const RESULTS = join(HERE, 'results.md');
const old = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
const others = old.search(/^## (?:Warehouse|Hostile inputs)/m);
const report = lines.join('\n');
writeFileSync(RESULTS, others === -1 ? report : `${report}\n${old.slice(others)}`);
process.stdout.write(`\n${report}`);

// The warehouse row (issue #16): the view over 1,000,000 accounts in DuckDB; it replaces its own section of results.md.
if (process.env.BENCH_WAREHOUSE !== '0') execFileSync(NODE, [join(HERE, 'warehouse.mjs')], { stdio: 'inherit' });

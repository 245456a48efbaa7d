/**
 * Where a command's time goes: runs abx under `node --cpu-prof` on a benchmark workspace and sorts
 * the CPU samples into the pipeline's stages by the source file each sample's code came from (the
 * bundle keeps esbuild's `// src/...` markers, so a line of dist/ leads back to its module).
 *
 *   node bench/profile.mjs                     every profiled command on the warned 10,000-account workspace
 *   node bench/profile.mjs validate --format json
 *   PROFILE_WORKSPACE=bench/work/a10k node bench/profile.mjs score --format json
 *   PROFILE_RUNS=20 PROFILE_WORKSPACE=<small workspace> node bench/profile.mjs validate   (averaged)
 *
 * Prints a markdown table, a column per command; bench/run.mjs puts the same table in
 * bench/results.md ("Where the time goes"). Run `npm run build` first. PROFILE_TOP=n also lists
 * the n functions with the most samples of their own.
 * A sample goes to the stage of the innermost frame that is abx's or a dependency's code, so time
 * spent inside Node (a `read`, a `Buffer` decode) counts for the code that asked for it; samples
 * under module loading or a module's top-level code count as start-up.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const ABX = join(ROOT, 'bin', 'abx.js');

/** Stages in the order the tables list them; the first pattern that matches a module wins. */
const STAGES = [
  ['walking and reading files', /^src\/workspace\//],
  ['js-yaml parse (with abx\'s scalar resolvers and fast-path checks), frontmatter split', /^node_modules\/js-yaml\/|^src\/core\/frontmatter\.ts$|^src\/core\/yaml\/parse\.ts$/],
  ['parse prechecks (bounds, aliases, tree shape, number precision)', /^src\/core\/yaml\/(aliases|limits)\.ts$|^src\/core\/bounds\.ts$|^src\/core\/rules\/number-precision\.ts$|^src\/core\/schema-size\.ts$/],
  ['schema checks (zod, unknown keys)', /^node_modules\/zod\/|^src\/core\/check-schema\.ts$|^src\/core\/schemas\.ts$|^src\/core\/suggest\.ts$/],
  ['scoring (exact fractions)', /^src\/core\/scoring\//],
  ['rules (per kind, cross-file, generated blocks)', /^src\/core\/rules\/|^src\/core\/kinds\/|^src\/core\/blocks\.ts$/],
  ['positions of problems', /^src\/core\/yaml\/locate|^src\/core\/positions\.ts$/],
  ['normal layout check (fmt)', /^src\/core\/layout(-fast)?\.ts$/],
  ['yaml Document (positions, round trip)', /^node_modules\/yaml\/|^src\/core\/yaml\/lib\.ts$/],
  ['analysis pipeline, config, reports', /^src\/core\//],
  ['rendering and writing output', /^src\/format\/|^src\/cli\/(problem-text|output)\.ts$|^node_modules\/cli-table3\/|^node_modules\/chalk\//],
  ['command line', /^src\/cli\/|^node_modules\/commander\//],
];
const START_UP = 'start-up (loading and compiling modules)';
const GC = 'garbage collection';
const OTHER = 'V8 and Node, other';
const FS_NATIVES = new Set(['open', 'openFileHandle', 'read', 'readFileUtf8', 'close', 'fstat', 'lstat', 'stat', 'readdir', 'realpath', 'internalModuleStat']);

/** A dist file's lines → the source module each came from, from esbuild's `// path` markers. */
function moduleMap(url) {
  const lines = readFileSync(fileURLToPath(url), 'utf8').split('\n');
  const marks = [];
  lines.forEach((line, i) => {
    const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(line);
    if (m) marks.push([i, m[1]]);
  });
  return (line) => {
    let lo = 0;
    let hi = marks.length - 1;
    let found = 'dist (bundle glue)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid][0] <= line) (found = marks[mid][1]), (lo = mid + 1);
      else hi = mid - 1;
    }
    return found;
  };
}

function stageOf(module) {
  for (const [name, re] of STAGES) if (re.test(module)) return name;
  return OTHER;
}

/** Milliseconds per stage in one .cpuprofile. */
export function stagesOfProfile(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const maps = new Map();
  const moduleOf = (frame) => {
    const { url, lineNumber, functionName } = frame;
    if (url.startsWith('node:internal/modules/') || url.startsWith('node:internal/bootstrap/')) return 'start-up';
    if (!url.startsWith('file:') || !url.includes('/dist/')) return undefined;
    // A module's own top-level code runs once, as it loads.
    if (functionName === '' && lineNumber === 0) return 'start-up';
    if (!maps.has(url)) maps.set(url, moduleMap(url));
    return maps.get(url)(lineNumber);
  };
  const cache = new Map();
  const stageOfNode = (id) => {
    if (cache.has(id)) return cache.get(id);
    const chain = [];
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) chain.push(nodes.get(cur).callFrame);
    const modules = chain.map(moduleOf);
    const owner = modules.find((m) => m !== undefined);
    let stage;
    if (chain[0].functionName === '(garbage collector)') stage = GC;
    else if (modules.includes('start-up')) stage = START_UP;
    else if (owner !== undefined) stage = stageOf(owner);
    // Node's own code with no caller of ours: the callbacks of asynchronous reads.
    else if (chain.some((f) => f.url.startsWith('node:internal/fs') || f.url === 'node:fs') || FS_NATIVES.has(chain[0].functionName)) stage = STAGES[0][0];
    else stage = OTHER;
    cache.set(id, stage);
    return stage;
  };
  const ms = new Map();
  const top = new Map();
  profile.samples.forEach((id, i) => {
    const stage = stageOfNode(id);
    const t = (profile.timeDeltas[i] ?? 0) / 1000;
    ms.set(stage, (ms.get(stage) ?? 0) + t);
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const where = moduleOf({ url, lineNumber, functionName: functionName || '(anonymous)' }) ?? url;
    const fn = `${stage}: ${functionName || '(anonymous)'} ${where}`;
    top.set(fn, (top.get(fn) ?? 0) + t);
  });
  // PROFILE_TOP=n: the n functions with the most samples of their own, with their stage.
  const n = Number(process.env.PROFILE_TOP ?? 0);
  for (const [fn, t] of [...top].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${t.toFixed(0).padStart(6)} ms  ${fn}`);
  return ms;
}

/** The commands bench/run.mjs profiles: those with a target of issue #15, as its rows run them. */
export const PROFILED = [
  ['abx validate', ['validate']],
  ['abx score --format json', ['score', '--format', 'json']],
  ['abx fmt --check', ['fmt', '--check']],
  ['abx report all --format html', ['report', 'all', '--format', 'html']],
  ['abx export --format jsonl', ['export', '--format', 'jsonl']],
];

/** Stages of `runs` profiled runs, averaged (a short command's samples are too few in one). */
export function profileCommand(args, workspace, runs = 1) {
  const all = Array.from({ length: runs }, () => profileOnce(args, workspace));
  const stages = new Map();
  for (const r of all) for (const [s, ms] of r.stages) stages.set(s, (stages.get(s) ?? 0) + ms / runs);
  return { wall: all.reduce((a, r) => a + r.wall, 0) / runs, stages, runs };
}

function profileOnce(args, workspace) {
  const dir = mkdtempSync(join(tmpdir(), 'abx-profile-'));
  try {
    const started = process.hrtime.bigint();
    try {
      execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ABX, ...args], { cwd: workspace, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    } catch (error) {
      if (error.status !== 1) throw error; // 1 is "problems found", as on the warned workspace
    }
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    return { wall, stages: stagesOfProfile(JSON.parse(readFileSync(join(dir, file), 'utf8'))) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The floor's own work in a profile: what bench/floor.mjs also does (walk, read, parse with js-yaml). */
export const FLOOR_STAGES = [STAGES[0][0], STAGES[1][0]];

/** The milliseconds of the stages in a profile, summed. */
export const sumOf = (profile, names = [...profile.stages.keys()]) => names.reduce((a, n) => a + (profile.stages.get(n) ?? 0), 0);

/** One markdown table: a row per stage, a column per profiled command (CPU ms and share). */
export function stageTable(columns) {
  const order = [START_UP, ...STAGES.map(([n]) => n), GC, OTHER];
  const used = order.filter((s) => columns.some(([, p]) => (p.stages.get(s) ?? 0) >= 0.5));
  const cell = (p, s) => {
    const ms = p.stages.get(s) ?? 0;
    return ms < 0.5 ? '' : `${ms.toFixed(0)} ms (${((100 * ms) / sumOf(p)).toFixed(0)}%)`;
  };
  return [
    `| stage | ${columns.map(([title]) => title).join(' | ')} |`,
    `|---|${columns.map(() => '---|').join('')}`,
    ...used.map((s) => `| ${s} | ${columns.map(([, p]) => cell(p, s)).join(' | ')} |`),
    `| **all samples** | ${columns.map(([, p]) => `**${sumOf(p).toFixed(0)} ms**`).join(' | ')} |`,
    `| of which the floor's work (walking, reading, js-yaml) | ${columns.map(([, p]) => `${sumOf(p, FLOOR_STAGES).toFixed(0)} ms`).join(' | ')} |`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('bench/profile.mjs: run `npm run build` first');
  const workspace = process.env.PROFILE_WORKSPACE ?? join(HERE, 'work', 'w10k');
  if (!process.env.PROFILE_WORKSPACE) generateWorkspace(10_000, workspace, undefined, 'warned');
  const given = process.argv.slice(2);
  const runs = Number(process.env.PROFILE_RUNS ?? 1);
  const commands = given.length ? [[`abx ${given.join(' ')}`, given]] : PROFILED;
  console.log(stageTable(commands.map(([title, args]) => [title, profileCommand(args, workspace, runs)])).join('\n'));
}

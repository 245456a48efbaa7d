/**
 * `abx lsp` latency (issue #17): a 10,000-account workspace (bench/generate.mjs), the server
 * driven over stdio by a real LSP client as an editor drives it. Times, as medians:
 *   - start-up: spawn → initialize → the first diagnostics of an opened account (the index built);
 *   - one account edited: didChange → publishDiagnostics of that version (target: 50 ms), edits
 *     alternating between a clean text and one with two problems;
 *   - one segment edited: didChange → publishDiagnostics (its accounts and every other kind re-analysed).
 *
 * Replaces the "Language server" section of bench/results.md. Run `npm run build` first.
 *   BENCH_QUICK=1   fewer repetitions (a smoke run, not for the record)
 *   BENCH_LSP_ACCOUNTS=1000   another workspace size
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';
import { generateWorkspace } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..');
const ABX = join(REPO, 'bin', 'abx.js');
const RESULTS = join(HERE, 'results.md');
const quick = process.env.BENCH_QUICK === '1';
const ACCOUNTS = Number(process.env.BENCH_LSP_ACCOUNTS ?? 10000);
const REPS = quick ? { startup: 1, account: 15, segment: 2 } : { startup: 3, account: 60, segment: 5 };
const log = (s) => process.stderr.write(`${s}\n`);

if (!existsSync(join(REPO, 'dist', 'cli', 'main.js'))) {
  console.error('bench: dist/ is missing, run npm run build first');
  process.exit(2);
}
const dir = join(HERE, 'work', `a${ACCOUNTS / 1000}k`);
log(`workspace of ${ACCOUNTS} accounts: ${generateWorkspace(ACCOUNTS, dir) ? 'generated' : 'up to date'} (${dir})`);
const account = `accounts/${readdirSync(join(dir, 'accounts')).sort()[Math.floor(ACCOUNTS / 2)]}`;
const segment = `segments/${readdirSync(join(dir, 'segments')).sort()[0]}`;
const uri = (path) => pathToFileURL(join(dir, path)).href;

/** A server and a client; `edit(path, text)` resolves with the milliseconds to that version's diagnostics. */
async function start() {
  const t0 = performance.now();
  const child = spawn(process.execPath, [ABX, '--as-of', '2026-11-24', 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
  const c = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  const versions = new Map();
  c.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiting.get(p.uri);
    if (w && (p.version ?? 0) >= w.version) {
      waiting.delete(p.uri);
      w.resolve(performance.now());
    }
  });
  c.onRequest('client/registerCapability', () => null);
  c.listen();
  await c.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }], capabilities: {} });
  await c.sendNotification('initialized', {});
  const published = (path, version) => new Promise((resolve) => waiting.set(uri(path), { version, resolve }));
  const open = async (path) => {
    versions.set(path, 1);
    const done = published(path, 1);
    await c.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(path), languageId: 'markdown', version: 1, text: readFileSync(join(dir, path), 'utf8') } });
    return done;
  };
  const edit = async (path, text) => {
    const version = versions.get(path) + 1;
    versions.set(path, version);
    const done = published(path, version);
    const sent = performance.now();
    await c.sendNotification('textDocument/didChange', { textDocument: { uri: uri(path), version }, contentChanges: [{ text }] });
    return (await done) - sent;
  };
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await c.sendRequest('shutdown');
    await c.sendNotification('exit');
    await exited;
    c.dispose();
  };
  return { t0, open, edit, stop };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];
const ms = (x) => `${x.toFixed(1)} ms`;

const startups = [];
const accountTimes = [];
const segmentTimes = [];
for (let run = 0; run < REPS.startup; run++) {
  const s = await start();
  startups.push((await s.open(account)) - s.t0);
  await s.open(segment);
  const accountText = readFileSync(join(dir, account), 'utf8');
  const broken = accountText.replace(/^motion: .*$/m, 'motion: decod\nownr: someone');
  const per = Math.ceil(REPS.account / REPS.startup);
  for (let i = 0; i < per; i++) accountTimes.push(await s.edit(account, i % 2 === 0 ? broken : `${accountText}\nEdited ${i}.\n`));
  const segmentText = readFileSync(join(dir, segment), 'utf8');
  const perSegment = Math.ceil(REPS.segment / REPS.startup);
  for (let i = 0; i < perSegment; i++) segmentTimes.push(await s.edit(segment, `${segmentText}\nEdited ${i}.\n`));
  await s.stop();
  log(`run ${run + 1}: start-up ${ms(startups[run])}, account edits median ${ms(median(accountTimes))}`);
}

const rows = [
  `| start-up: spawn to the first diagnostics of an opened account (the workspace indexed) | ${ACCOUNTS.toLocaleString('en-US')} | ${startups.length} | ${ms(median(startups))} | ${ms(Math.max(...startups))} |`,
  `| one account edited: didChange → publishDiagnostics (target 50 ms) | ${ACCOUNTS.toLocaleString('en-US')} | ${accountTimes.length} | ${ms(median(accountTimes))} | ${ms(p90(accountTimes))} |`,
  `| one segment edited: its accounts and the other kinds re-analysed | ${ACCOUNTS.toLocaleString('en-US')} | ${segmentTimes.length} | ${ms(median(segmentTimes))} | ${ms(Math.max(...segmentTimes))} |`,
];
const section = [
  '## Language server',
  '',
  `\`node bench/lsp.mjs\`: \`abx lsp\` driven over stdio by an LSP client (vscode-languageserver-protocol), as an editor drives it,`,
  'on the generated workspace. An edit replaces the whole buffer; the time runs from sending didChange to receiving that',
  "version's publishDiagnostics. Account edits alternate between a clean text and one with a schema error and an unknown key.",
  '',
  '| what | accounts | runs | median | p90 / max |',
  '|---|---|---|---|---|',
  ...rows,
  '',
  'Before the index kept the ids of the file list between runs and re-analysed only the accounts of an edited segment',
  '(the same machine, a quick run of 15 account and 2 segment edits): one account 17.9 ms median (p90 62.9 ms), one segment 2.9 s.',
  'The machine is shared: start-up and the segment row move by a factor of two with its load.',
  '',
].join('\n');
if (!quick) {
  const old = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  const at = old.indexOf('## Language server');
  const next = at === -1 ? -1 : old.indexOf('\n## ', at + 1);
  writeFileSync(RESULTS, at === -1 ? `${old.replace(/\n*$/, '\n\n')}${section}` : `${old.slice(0, at)}${section}${next === -1 ? '' : old.slice(next + 1)}`);
}
console.log(section);

// `npm run screenshots`: the pictures of the HTML report in docs/images/ (report-*.png), taken in
// headless Chromium from the example workspace and from an empty one. A script rather than a
// test, because a test never writes into the repository. Chromium: Debian's chromium package,
// or the path in ABX_CHROMIUM.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(REPO, 'bin', 'abx.js');
const IMAGES = join(REPO, 'docs', 'images');
const CHROMIUM = process.env.ABX_CHROMIUM ?? '/usr/bin/chromium';

function abx(args) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`abx ${args.join(' ')} failed: ${r.stderr}`);
}

function htmlReport(dir) {
  abx(['-C', dir, 'report', 'all', '--format', 'html', '--out', 'report.html']);
  return pathToFileURL(join(dir, 'report.html')).href;
}

if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package or set ABX_CHROMIUM`);
const temp = mkdtempSync(join(tmpdir(), 'abx-screenshots-'));
const example = join(temp, 'example');
abx(['init', example, '--yes', '--example']);
const empty = join(temp, 'empty');
mkdirSync(empty);
writeFileSync(join(empty, 'abx.config.yaml'), 'version: 1\ncompany: Empty Co\nas_of: 2026-11-24\n');

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  mkdirSync(IMAGES, { recursive: true });
  await page.goto(htmlReport(empty), { waitUntil: 'load' });
  await page.screenshot({ path: join(IMAGES, 'report-empty.png'), fullPage: true });
  await page.goto(htmlReport(example), { waitUntil: 'load' });
  await page.screenshot({ path: join(IMAGES, 'report-all.png'), fullPage: true });
  for (const section of ['tiers', 'kpis', 'bets', 'signals']) {
    await page.locator(`#${section}`).screenshot({ path: join(IMAGES, `report-${section}.png`) });
  }
} finally {
  await browser.close();
}
for (const name of ['all', 'tiers', 'kpis', 'bets', 'signals', 'empty']) {
  const file = join(IMAGES, `report-${name}.png`);
  if (readFileSync(file).subarray(1, 4).toString() !== 'PNG' || statSync(file).size < 10_000) throw new Error(`${file} is not a screenshot`);
  console.log(`docs/images/report-${name}.png`);
}

/**
 * A real git repository in a temporary folder with a known history, for the diff, history and
 * score --at tests. Dates, names and contents are fixed, so commit ids are the same on every run.
 *
 *   main:    c1 "Add the workspace"        config (default weights), segment, alpha beta gamma delta
 *            c2 "Sharpen beta's pain"      beta PURE 6 → 8; the segment's key message changes
 *   feature: c3 "Weight intent higher"     config weights 40/20/25/15 → 30/20/35/15
 *            c4 "Add epsilon, drop delta"  epsilon added, delta removed, beta engagement 50 → 60
 *   working tree (uncommitted): alpha intent 70 → 80
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { runAbx, tempDir } from '../helpers.js';

const IDENTITY = { GIT_AUTHOR_NAME: 'Dana Ruiz', GIT_AUTHOR_EMAIL: 'dana@orbital.example', GIT_COMMITTER_NAME: 'Dana Ruiz', GIT_COMMITTER_EMAIL: 'dana@orbital.example' };

export function gitIn(dir: string, args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync('git', ['-c', 'user.name=Dana Ruiz', '-c', 'user.email=dana@orbital.example', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...IDENTITY, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, ...env },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

export function write(dir: string, files: Record<string, string | null>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    if (content === null) {
      rmSync(full, { force: true });
      continue;
    }
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

export function commit(dir: string, subject: string, date: string): string {
  gitIn(dir, ['add', '-A']);
  gitIn(dir, ['commit', '-q', '-m', subject], { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` });
  return gitIn(dir, ['rev-parse', 'HEAD']).trim();
}

export function config(weights?: string): string {
  return `version: 1\ncompany: Orbital Freight\nas_of: 2026-11-24\n${weights ? `scoring:\n  weights: ${weights}\n` : ''}`;
}

interface AccountSpec {
  name: string;
  pure: [number, number, number, number];
  fit: [number, number, number, number];
}

export function account({ name, pure, fit }: AccountSpec): string {
  const [p, u, r, e] = pure;
  const [f, t, i, g] = fit;
  const criterion = (score: number, what: string) => `{ score: ${score}${score > 0 ? `, evidence: ${what}` : ''} }`;
  return [
    '---',
    `name: ${name}`,
    'segment: logistics',
    'pure:',
    `  painful: ${criterion(p, 'Late shipments')}`,
    `  urgent: ${criterion(u, 'Contract renewal')}`,
    `  recognized: ${criterion(r, 'Asked for vendors')}`,
    `  expensive: ${criterion(e, 'Penalties')}`,
    `fit: { firmographic: ${f}, technographic: ${t}, intent: ${i}, engagement: ${g} }`,
    'buying_committee:',
    '  - { name: Ann Lee, title: COO, role: champion, status: engaged, seniority: c-level }',
    '  - { name: Bo Chen, title: CFO, role: economic-buyer, status: warm, seniority: c-level }',
    '---',
    '',
    `# ${name}`,
    '',
  ].join('\n');
}

export function segment(message: string): string {
  return `---\nname: Regional logistics\nkey_message: ${message}\npain_points: [Late shipments, Manual tracking, Rising costs]\n---\n\n# Regional logistics\n`;
}

export interface HistoryRepo {
  dir: string;
  c1: string;
  c2: string;
  c3: string;
  c4: string;
}

export function buildHistoryRepo(): HistoryRepo {
  const dir = tempDir('abx-git-');
  gitIn(dir, ['init', '-q', '-b', 'main']);
  write(dir, {
    'abx.config.yaml': config(),
    'segments/logistics.md': segment('Shipments you can see'),
    'accounts/alpha.md': account({ name: 'Alpha Freight', pure: [3, 3, 2, 2], fit: [90, 80, 70, 60] }),
    'accounts/beta.md': account({ name: 'Beta Cargo', pure: [2, 2, 1, 1], fit: [50, 50, 50, 50] }),
    'accounts/gamma.md': account({ name: 'Gamma Goods', pure: [1, 1, 1, 0], fit: [40, 60, 90, 40] }),
    'accounts/delta.md': account({ name: 'Delta Depots', pure: [2, 2, 2, 2], fit: [70, 70, 70, 70] }),
  });
  const c1 = commit(dir, 'Add the workspace', '2026-10-01');
  write(dir, {
    'accounts/beta.md': account({ name: 'Beta Cargo', pure: [3, 3, 1, 1], fit: [50, 50, 50, 50] }),
    'segments/logistics.md': segment('Every shipment, visible'),
  });
  const c2 = commit(dir, "Sharpen beta's pain", '2026-10-15');
  gitIn(dir, ['checkout', '-q', '-b', 'feature']);
  write(dir, { 'abx.config.yaml': config('{ firmographic: 30, technographic: 20, intent: 35, engagement: 15 }') });
  const c3 = commit(dir, 'Weight intent higher', '2026-11-01');
  write(dir, {
    'accounts/epsilon.md': account({ name: 'Epsilon Estates', pure: [0, 0, 0, 0], fit: [30, 30, 30, 30] }),
    'accounts/delta.md': null,
    'accounts/beta.md': account({ name: 'Beta Cargo', pure: [3, 3, 1, 1], fit: [50, 50, 50, 60] }),
  });
  const c4 = commit(dir, 'Add epsilon, drop delta', '2026-11-10');
  write(dir, { 'accounts/alpha.md': account({ name: 'Alpha Freight', pure: [3, 3, 2, 2], fit: [90, 80, 80, 60] }) });
  return { dir, c1, c2, c3, c4 };
}

/** `abx diff <args> --format json` in `dir`, which must succeed without a word on stderr. */
export function diffJson(dir: string, ...args: string[]) {
  const r = runAbx(['diff', ...args, '--format', 'json'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

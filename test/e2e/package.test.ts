/**
 * Distribution: `npm pack` holds what abx needs at run time and nothing else, and the tarball
 * installs offline (its one run-time dependency, yaml, is bundled; everything else is in dist/)
 * into an empty folder, where abx runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers.js';
import { packAbx } from './workflow-harness.js';

const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

describe('the npm package', () => {
  let tarball: string;
  beforeAll(() => {
    tarball = packAbx();
  });

  it('holds only run-time files: bin, dist, templates, package.json, README.md and the bundled yaml', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const tops = [...new Set(listing.map((p) => p.replace(/^package\//, '').replace(/^(node_modules\/yaml|[^/]+)(\/.*)?$/, '$1')))].sort();
    expect(tops).toEqual(['README.md', 'bin', 'dist', 'node_modules/yaml', 'package.json', 'templates']);
    expect(listing).toContain('package/dist/cli/main.js');
    expect(listing).toContain('package/templates/init/abx.config.yaml');
    // Sources and source maps stay out; the library's declarations (dist/types/*.d.ts) are what `types` names.
    const own = listing.filter((p) => !p.startsWith('package/node_modules/'));
    expect(own.filter((p) => /\.map$/.test(p) || (/\.ts$/.test(p) && !/\.d\.ts$/.test(p)))).toEqual([]);
    expect(own.filter((p) => /\.d\.ts$/.test(p) && !p.startsWith('package/dist/types/'))).toEqual([]);
    expect(listing).toContain('package/dist/types/index.d.ts');
  });

  it('installs offline into an empty folder and runs: --version, init --example, validate', () => {
    const dir = tempDir('abx-install-');
    const r = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const abx = join(dir, 'node_modules', '.bin', 'abx');
    const run = (args: string[], cwd = dir) => spawnSync(abx, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run(['--version']).stdout).toBe(`${VERSION}\n`);
    const init = run(['init', 'demo', '--example', '--yes']);
    expect([init.status, init.stderr]).toEqual([0, '']);
    const v = run(['-C', 'demo', 'validate', '--format', 'json']);
    expect(JSON.parse(v.stdout)).toMatchObject({ files: 38, errors: 0 }); // 36 (with messaging, collateral and plan.md) + investments/2026-q3.yaml and 2026-q4.yaml
    expect(v.status).toBe(0);
    expect(run(['score', '--as-of', '2026-11-24'], join(dir, 'demo')).status).toBe(0);
  });
});

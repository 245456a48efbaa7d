/**
 * The supported Node versions: .ci/run runs this suite once per version with ABX_TEST_NODE set
 * to that version's binary (and ABX_TEST_NODE_VERSION to the version it must report); the CLI
 * spawned by the tests must really run under it. The versions CI pins, `engines` and the README
 * must tell the same story.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runAbx, tempDir } from '../helpers.js';

describe('Node versions', () => {
  it('runs the CLI under the Node the suite was asked to use', () => {
    const expected = process.env.ABX_TEST_NODE ? process.env.ABX_TEST_NODE_VERSION : process.version;
    expect(expected, 'ABX_TEST_NODE_VERSION names the version ABX_TEST_NODE must be').toMatch(/^v\d+\.\d+\.\d+$/);
    // A preload script in the spawned process reports the version of the Node running the CLI.
    const probe = join(tempDir(), 'probe.cjs');
    writeFileSync(probe, 'process.stderr.write(`node ${process.version}\\n`);\n');
    const r = runAbx(['--version'], { env: { NODE_OPTIONS: `--require "${probe}"` } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`node ${expected}\n`);
  });

  it('pins in .ci/run one version of each major that engines and the README name', () => {
    const ci = /^CI_NODE_VERSIONS="([^"]*)"/m.exec(readFileSync(join(REPO, '.ci', 'run'), 'utf8'))?.[1]?.split(' ') ?? [];
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } };
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    // Node 20 is the default Node of CI's image (the run before the pinned ones).
    const majors = ['20', ...ci.map((v) => v.split('.')[0])];
    expect(majors).toEqual(['20', '22', '24']);
    expect(pkg.engines.node).toBe('^20.19.0 || ^22.12.0 || ^24.0.0');
    expect(readme).toContain('Supported Node.js versions: **20** (≥ 20.19), **22** (≥ 22.12) and **24**');
    for (const v of ci) expect(v).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

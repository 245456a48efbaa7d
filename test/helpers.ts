/** Shared by the end-to-end tests: run the built CLI as a child process on workspaces in temporary folders. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(REPO, 'bin', 'abx.js');
export const FIXTURES = join(REPO, 'test', 'fixtures');
/**
 * The Node the CLI runs under: ABX_TEST_NODE (a node binary; .ci/run sets it to run the
 * end-to-end suite on each supported Node version), else the Node running the tests.
 */
export const NODE = process.env.ABX_TEST_NODE || process.execPath;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runAbx(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): RunResult {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1', ...options.env };
  delete env.ABX_DEBUG;
  const r = spawnSync(NODE, [BIN, ...args], { cwd: options.cwd ?? REPO, env, input: options.input ?? '', encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'abx-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A workspace in a temporary folder from a map of path → content; a config is added unless given. */
export function makeWorkspace(files: Record<string, string>): string {
  const dir = tempDir();
  const all = { 'abx.config.yaml': 'version: 1\n', ...files };
  for (const [path, content] of Object.entries(all)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

/** A copy of test/fixtures/<name> in a temporary folder. */
export function copyFixture(name: string): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** The example workspace that `abx init --example` writes, in a temporary folder. */
export function exampleWorkspace(): string {
  const dir = join(tempDir(), 'example');
  const r = runAbx(['init', dir, '--yes', '--example']);
  if (r.code !== 0) throw new Error(`abx init --example failed: ${r.stderr}`);
  return dir;
}

/**
 * editors/vscode: bundled with esbuild and packaged with @vscode/vsce into a .vsix in a temporary
 * folder (never published, never written into the repository); the archive's manifest and files
 * are read back. Also which abx the extension runs.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findAbx } from '../../editors/vscode/src/find-abx.js';
import { NODE, REPO, tempDir } from '../helpers.js';

/** The entries of a zip archive (a .vsix), by name. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = archive.readUInt16LE(at + 10);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30);
    const comment = archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

describe('editors/vscode', () => {
  it('bundles and packages into a .vsix that starts abx lsp for markdown and YAML', () => {
    const dir = tempDir('abx-vscode-');
    const ext = join(dir, 'extension');
    cpSync(join(REPO, 'editors', 'vscode'), ext, { recursive: true, filter: (src) => !/[\\/](dist|node_modules)$/.test(src) });
    const env = { ...process.env, ABX_NODE_MODULES: join(REPO, 'node_modules') };
    const build = spawnSync(NODE, ['build.mjs'], { cwd: ext, env, encoding: 'utf8', timeout: 120_000 });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);

    const vsix = join(dir, 'abx.vsix');
    const vsce = join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
    const pack = spawnSync(NODE, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: ext, env, encoding: 'utf8', timeout: 300_000, input: '' });
    expect(pack.status, pack.stderr + pack.stdout).toBe(0);

    const files = unzip(readFileSync(vsix));
    expect([...files.keys()].sort()).toEqual(['[Content_Types].xml', 'extension.vsixmanifest', 'extension/LICENSE.txt', 'extension/dist/extension.js', 'extension/package.json', 'extension/readme.md']);
    const manifest = JSON.parse((files.get('extension/package.json') as Buffer).toString('utf8'));
    expect(manifest).toMatchObject({
      name: 'abx-vscode',
      publisher: 'abx',
      main: './dist/extension.js',
      engines: { vscode: '^1.82.0' },
      activationEvents: ['workspaceContains:**/abx.config.yaml'],
      // It runs code from the workspace (its node_modules/.bin/abx): never in Restricted Mode.
      capabilities: { untrustedWorkspaces: { supported: false }, virtualWorkspaces: false },
    });
    expect(Object.keys(manifest.contributes.configuration.properties)).toEqual(['abx.path', 'abx.trace.server']);
    const xml = (files.get('extension.vsixmanifest') as Buffer).toString('utf8');
    expect(xml).toContain('<Identity Language="en-US" Id="abx-vscode" Version="0.1.0" Publisher="abx"');
    // The language client is bundled; the editor API is the editor's.
    const bundle = (files.get('extension/dist/extension.js') as Buffer).toString('utf8');
    expect(bundle).toContain('require("vscode")');
    expect(bundle).not.toMatch(/require\("vscode-languageclient/);
    expect(bundle).toContain('"lsp"');
  }, 600_000);

  it('runs the abx.path setting, else the workspace\'s node_modules/.bin/abx, else abx on the PATH', () => {
    const dir = tempDir('abx-find-');
    const workspace = join(dir, 'repo');
    const onPath = join(dir, 'bin');
    for (const d of [join(workspace, 'node_modules', '.bin'), onPath]) mkdirSync(d, { recursive: true });
    const executable = (path: string) => {
      writeFileSync(path, '#!/bin/sh\n');
      chmodSync(path, 0o755);
      return path;
    };
    const pathVariable = ['/nonexistent', onPath].join(delimiter);
    expect(findAbx(workspace, '', pathVariable, 'linux')).toBeUndefined();
    const global = executable(join(onPath, 'abx'));
    expect(findAbx(workspace, '', pathVariable, 'linux')).toBe(global);
    const local = executable(join(workspace, 'node_modules', '.bin', 'abx'));
    expect(findAbx(workspace, '', pathVariable, 'linux')).toBe(local);
    expect(findAbx(workspace, '  /opt/abx/bin/abx ', pathVariable, 'linux')).toBe('/opt/abx/bin/abx');
    const cmd = executable(join(workspace, 'node_modules', '.bin', 'abx.cmd'));
    expect(findAbx(workspace, '', pathVariable, 'win32')).toBe(cmd);
    expect(findAbx(undefined, '', undefined, 'linux')).toBeUndefined();
  });
});

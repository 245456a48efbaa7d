/**
 * A half-typed file never breaks `abx lsp`: every prefix of every fixture file (each distinct
 * text once), typed into a buffer, gets its diagnostics published and an answer (a result, never
 * an error) to every request the server offers, at the end of the prefix and at its start.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleWorkspace, FIXTURES } from '../helpers.js';
import { LspClient } from './lsp-client.js';

/** Workspace files of the fixture workspaces (rules/<rule>/<case>/<path>, spec-example/<path>), each text once, by the path it has in its workspace. */
function fixtureFiles(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(md|yaml)$/.test(name)) {
        const text = readFileSync(full, 'utf8');
        const hash = createHash('sha256').update(text).digest('hex');
        if (seen.has(hash)) continue;
        seen.add(hash);
        const parts = relative(FIXTURES, full).split(sep);
        out.push({ path: (parts[0] === 'rules' ? parts.slice(3) : parts.slice(1)).join('/'), text });
      }
    }
  };
  walk(join(FIXTURES, 'rules'));
  walk(join(FIXTURES, 'spec-example'));
  return out;
}

/** Positions at the end of the text and at its start. */
function positions(text: string) {
  const lines = text.split('\n');
  return [
    { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length },
    { line: 0, character: 0 },
  ];
}

describe('abx lsp on half-typed files', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = new LspClient(exampleWorkspace(), ['--as-of', '2026-11-24']);
    await client.initialize();
  });
  afterAll(() => client.kill());

  const files = fixtureFiles();
  it('walks the fixture files', () => {
    expect(files.length).toBeGreaterThan(90);
  });

  it.each(files.map((f, i) => [i, f.path, f] as const))('%i %s: every prefix', async (_i, path, { text }) => {
    const c = client;
    await c.open(path, '');
    let answered = 0;
    for (let end = 1; end <= text.length; end++) {
      const prefix = text.slice(0, end);
      const version = end + 1;
      const published = c.next(path, version);
      c.change(path, prefix);
      const requests: Promise<unknown>[] = [];
      for (const position of positions(prefix)) {
        requests.push(c.request('textDocument/completion', path, { position }));
        requests.push(c.request('textDocument/hover', path, { position }));
        requests.push(c.request('textDocument/definition', path, { position }));
        requests.push(c.request('textDocument/codeAction', path, { range: { start: position, end: position }, context: { diagnostics: [] } }));
      }
      const [diagnostics] = await Promise.all([published, ...requests]);
      expect(Array.isArray(diagnostics)).toBe(true);
      answered++;
    }
    expect(answered).toBe(text.length);
    // An answer is not enough: no handler may have failed and fallen back to an empty one.
    expect(c.logs).toEqual([]);
    expect(c.stderr).toBe('');
    c.close(path);
  }, 600_000);
});

/**
 * `abx lsp` over stdio with a real LSP client: the problems `abx validate` reports, as the
 * buffers are (unsaved text wins), refreshed across files; go to definition; quick fixes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleWorkspace, makeWorkspace, runAbx } from '../helpers.js';
import { LspClient } from './lsp-client.js';

const AS_OF = ['--as-of', '2026-11-24'];
let client: LspClient | undefined;
afterEach(() => {
  client?.kill();
  client = undefined;
});

async function start(dir: string, args: string[] = AS_OF, init: Parameters<LspClient['initialize']>[0] = {}): Promise<LspClient> {
  client = new LspClient(dir, args);
  await client.initialize(init);
  return client;
}

/** A diagnostic as validate's JSON has it: 1-based start, rule, severity, message. */
const asProblem = (file: string, d: { range: { start: { line: number; character: number } }; severity?: number; code?: string | number; message: string }) => ({
  file,
  line: d.range.start.line + 1,
  column: d.range.start.character + 1,
  severity: d.severity === 1 ? 'error' : 'warning',
  rule: d.code,
  message: d.message,
});

const ACCOUNT = `---
name: Acme Space
segment: space
motion: decode
pure:
  painful: { score: 3, evidence: Launch slips }
  urgent: { score: 2, evidence: RFP in Q3 }
  recognized: { score: 1, evidence: Asked once }
  expensive: { score: 0 }
fit: { firmographic: 80, technographic: 60, intent: 20, engagement: 10 }
---

Notes.
`;
const SEGMENT = `---
name: Space
personas:
  - { title: CTO, cares_about: Uptime }
---
`;

describe('abx lsp', () => {
  it('publishes, for every file of the example workspace, exactly the problems abx validate reports', async () => {
    const dir = exampleWorkspace();
    // Problems of several rules, in a file of its own.
    writeFileSync(join(dir, 'accounts', 'broken.md'), '---\nname: Broken\nsegmnt: x\nsegment: nowhere\nmotion: decod\npure: { painful: { score: 5 } }\n---\n');
    const validate = JSON.parse(runAbx(['-C', dir, ...AS_OF, 'validate', '--format', 'json']).stdout) as { problems: { file: string }[] };
    const c = await start(dir);
    const seen: unknown[] = [];
    const files = (readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(sep).join('/')).filter((f) => /\.(md|yaml)$/.test(f) && !f.startsWith('.'));
    expect(files.length).toBe(41);
    for (const file of files.sort()) {
      const diagnostics = await c.open(file);
      seen.push(...diagnostics.map((d) => asProblem(file, d)));
    }
    expect(validate.problems.length).toBeGreaterThan(4);
    expect(seen).toEqual(validate.problems);
    expect(await c.stop()).toBe(0);
  });

  it('lets an unsaved buffer win over the file on disk, and clears when the buffer is fixed', async () => {
    const dir = makeWorkspace({ 'segments/space.md': SEGMENT, 'accounts/acme.md': ACCOUNT });
    const c = await start(dir);
    expect(await c.open('accounts/acme.md')).toEqual([]);
    let next = c.next('accounts/acme.md');
    c.change('accounts/acme.md', ACCOUNT.replace('motion: decode', 'motion: decod\nownr: Dana'));
    const diagnostics = await next;
    expect(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity, d.code, d.message])).toEqual([
      [3, 0, 3, 13, 1, 'schema', 'motion must be one of: detect, decode, engage, accelerate, expand, not "decod" (did you mean "decode"?)'],
      [4, 0, 4, 10, 2, 'unknown-key', 'unknown key "ownr" (did you mean "owner"?)'],
    ]);
    // The file on disk is untouched, and validate still finds it clean.
    expect(readFileSync(join(dir, 'accounts/acme.md'), 'utf8')).toBe(ACCOUNT);
    expect(runAbx(['-C', dir, ...AS_OF, 'validate']).code).toBe(0);
    next = c.next('accounts/acme.md');
    c.change('accounts/acme.md', ACCOUNT);
    expect(await next).toEqual([]);
    expect(await c.stop()).toBe(0);
  });
});

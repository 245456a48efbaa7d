/**
 * `abx lsp` over stdio with a real LSP client: the problems `abx validate` reports, as the
 * buffers are (unsaved text wins), refreshed across files; go to definition; quick fixes.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture, exampleWorkspace, makeWorkspace, runAbx, tempDir } from '../helpers.js';
import { HOSTILE_ACCOUNTS } from './hostile-texts.js';
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
    // Keystrokes as editors send them: ranges of the buffer replaced.
    next = c.next('accounts/acme.md');
    c.edit('accounts/acme.md', { start: { line: 3, character: 14 }, end: { line: 3, character: 14 } }, 'x');
    expect((await next).map((d) => d.message)).toEqual(['motion must be one of: detect, decode, engage, accelerate, expand, not "decodex" (did you mean "decode"?)']);
    next = c.next('accounts/acme.md');
    c.edit('accounts/acme.md', { start: { line: 3, character: 14 }, end: { line: 3, character: 15 } }, '');
    expect(await next).toEqual([]);
    expect(await c.stop()).toBe(0);
  });

  it('refreshes the other open files: a segment buffer that takes the budget past 100%, a new unsaved segment, a renamed segment file', async () => {
    const core = '---\nname: Core\npain_points: [a, b, c]\nbudget_share: 40\n---\n';
    const edge = '---\nname: Edge\npain_points: [a, b, c]\nbudget_share: 50\n---\n';
    const dir = makeWorkspace({ 'segments/core.md': core, 'segments/edge.md': edge, 'segments/space.md': SEGMENT, 'accounts/acme.md': ACCOUNT.replace('segment: space', 'segment: orbit') });
    const c = await start(dir);
    expect(await c.open('segments/edge.md')).toEqual([]);
    expect(await c.open('segments/core.md')).toEqual([]);
    const unknown = ['unknown-reference', 'segment "orbit" names no segment file'];
    expect((await c.open('accounts/acme.md')).map((d) => [d.code, d.message])).toEqual([unknown]);

    // The sum passes 100% in edge.md, the second segment in path order, as abx validate reports it.
    let next = c.next('segments/edge.md');
    c.change('segments/core.md', core.replace('40', '60'));
    expect((await next).map((d) => [d.range.start.line, d.code, d.message])).toEqual([
      [3, 'budget-share-sum', "the segments' budget shares add up to 110%, more than 100% (core 60, edge 50)"],
    ]);

    // A buffer for a segment that is not on disk yet gives its id to the workspace; closing it takes it away.
    next = c.next('accounts/acme.md');
    void c.open('segments/orbit.md', SEGMENT);
    expect(await next).toEqual([]);
    next = c.next('accounts/acme.md');
    c.close('segments/orbit.md');
    expect((await next).map((d) => [d.code, d.message])).toEqual([unknown]);

    // A file renamed on disk, as the editor's file watcher reports it.
    next = c.next('accounts/acme.md');
    renameSync(join(dir, 'segments/space.md'), join(dir, 'segments/orbit.md'));
    c.watched([{ path: 'segments/space.md', type: 3 }, { path: 'segments/orbit.md', type: 1 }]);
    expect(await next).toEqual([]);
    expect(await c.stop()).toBe(0);
  });

  it('re-scores the accounts of a segment whose buffer changes, as validate scores them once saved', async () => {
    const dir = copyFixture('rules/fit-incomplete/pass');
    const account = `accounts/${readdirSync(join(dir, 'accounts'))[0] ?? ''}`;
    const segment = `segments/${readdirSync(join(dir, 'segments'))[0] ?? ''}`;
    const c = await start(dir);
    expect(await c.open(account)).toEqual([]);
    await c.open(segment);
    const text = readFileSync(join(dir, segment), 'utf8').replace(/criteria:\n(  .*\n)+/, '');
    const next = c.next(account);
    c.change(segment, text);
    const diagnostics = (await next).map((d) => asProblem(account, d));
    writeFileSync(join(dir, segment), text);
    const validate = JSON.parse(runAbx(['-C', dir, 'validate', '--format', 'json']).stdout) as { problems: { file: string; rule: string }[] };
    expect(diagnostics).toEqual(validate.problems.filter((p) => p.file === account));
    expect(diagnostics.map((d) => d.rule)).toEqual(['fit-incomplete']);
    expect(await c.stop()).toBe(0);
  });

  it('follows a config buffer: rule severities, and an invalid config shown on the config alone', async () => {
    const dir = makeWorkspace({ 'segments/space.md': SEGMENT, 'accounts/acme.md': ACCOUNT.replace('motion: decode', 'motion: decode\nownr: Dana') });
    const c = await start(dir);
    expect((await c.open('accounts/acme.md')).map((d) => [d.code, d.severity])).toEqual([['unknown-key', 2]]);
    expect(await c.open('abx.config.yaml')).toEqual([]);
    let next = c.next('accounts/acme.md');
    c.change('abx.config.yaml', 'version: 1\nrules:\n  unknown-key: error\n');
    expect((await next).map((d) => [d.code, d.severity])).toEqual([['unknown-key', 1]]);

    next = c.next('accounts/acme.md');
    const config = c.next('abx.config.yaml', 3);
    c.change('abx.config.yaml', 'version: 1\nrules:\n  unknown-key: loud\n');
    expect(await next).toEqual([]);
    const expected = JSON.parse(runAbx(['validate', '--format', 'json'], { cwd: makeWorkspace({ 'abx.config.yaml': 'version: 1\nrules:\n  unknown-key: loud\n' }) }).stdout) as { problems: unknown[] };
    expect((await config).map((d) => asProblem('abx.config.yaml', d))).toEqual(expected.problems);
    expect(expected.problems.length).toBe(1);
    expect(await c.stop()).toBe(0);
  });

  it('completes ids from the index (unsaved buffers included) and enum values, and hovers with the current score', async () => {
    const dir = makeWorkspace({ 'segments/space.md': SEGMENT, 'accounts/acme.md': ACCOUNT.replace('motion: decode', 'motion: ') });
    const c = await start(dir);
    await c.open('accounts/acme.md');
    await c.open('segments/orbit.md', SEGMENT);
    type Item = { label: string; detail?: string; textEdit?: { newText: string } };
    const labels = (items: Item[]) => items.map((i) => [i.label, i.detail ?? '']);
    expect(labels(await c.request<Item[]>('textDocument/completion', 'accounts/acme.md', { position: { line: 2, character: 9 } }))).toEqual([
      ['orbit', 'segments/orbit.md'],
      ['space', 'segments/space.md'],
    ]);
    expect((await c.request<Item[]>('textDocument/completion', 'accounts/acme.md', { position: { line: 3, character: 8 } })).map((i) => i.label)).toEqual(['detect', 'decode', 'engage', 'accelerate', 'expand']);
    const pure = await c.request<{ contents: { value: string } }>('textDocument/hover', 'accounts/acme.md', { position: { line: 4, character: 1 } });
    expect(pure.contents.value).toContain('**PURE 6/12 → Tier 3 Active Pain**');
    // The hover follows the buffer: a higher score, unsaved.
    const next = c.next('accounts/acme.md');
    c.change('accounts/acme.md', ACCOUNT.replace('expensive: { score: 0 }', 'expensive: { score: 3, evidence: Fines }'));
    await next;
    const after = await c.request<{ contents: { value: string } }>('textDocument/hover', 'accounts/acme.md', { position: { line: 4, character: 1 } });
    expect(after.contents.value).toContain('**PURE 9/12 →');
    expect(await c.stop()).toBe(0);
  });

  it('goes to the definition of a segment, an account named in a bet, and a collateral proof point', async () => {
    const dir = exampleWorkspace();
    const c = await start(dir);
    const at = async (path: string, needle: string, offset = 1) => {
      const text = readFileSync(join(dir, path), 'utf8');
      const index = text.indexOf(needle);
      expect(index).toBeGreaterThan(0);
      const before = text.slice(0, index + offset);
      const line = before.split('\n').length - 1;
      const character = before.length - before.lastIndexOf('\n') - 1;
      return c.request<{ uri: string } | null>('textDocument/definition', path, { position: { line, character } });
    };
    await c.open('accounts/bluewater-pharma.md');
    expect(await at('accounts/bluewater-pharma.md', 'cold-chain-pharma', 3)).toEqual({ uri: c.uri('segments/cold-chain-pharma.md'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    // On a key, or on a value that names nothing, there is nowhere to go.
    expect(await at('accounts/bluewater-pharma.md', 'segment:', 2)).toBe(null);
    expect(await at('accounts/bluewater-pharma.md', 'Bluewater', 2)).toBe(null);
    const bet = 'bets/cold-chain-compliance-messaging.md';
    const betText = readFileSync(join(dir, bet), 'utf8');
    const account = /accounts: \[([a-z0-9-]+)/.exec(betText)?.[1] ?? '';
    expect(account).not.toBe('');
    expect((await at(bet, `[${account}`, 2))?.uri).toBe(c.uri(`accounts/${account}.md`));
    const messaging = (readdirSync(join(dir, 'messaging')) as string[])[0] ?? '';
    const proof = /proof_points: \[([a-z0-9-]+)/.exec(readFileSync(join(dir, 'messaging', messaging), 'utf8'))?.[1] ?? '';
    expect(proof).not.toBe('');
    expect((await at(`messaging/${messaging}`, `[${proof}`, 2))?.uri).toBe(c.uri(`collateral/${proof}.md`));
    // A segment as the key of a capability's benefits.
    expect((await at(`messaging/${messaging}`, 'regional-3pl:', 2))?.uri).toBe(c.uri('segments/regional-3pl.md'));
    expect(await c.stop()).toBe(0);
  });

  it('offers the did-you-mean of unknown-key and a refreshed generated block as edits, and writes nothing', async () => {
    const dir = copyFixture('rules/table-drift/fail');
    const path = readdirSync(join(dir, 'accounts')).map((f) => `accounts/${f}`)[0] ?? '';
    const disk = readFileSync(join(dir, path), 'utf8');
    const c = await start(dir);
    const text = disk.replace('motion: engage', 'motion: engage\nsegmnt: x');
    await c.open(path);
    const next = c.next(path);
    c.change(path, text);
    const diagnostics = await next;
    expect(diagnostics.map((d) => d.code)).toEqual(['unknown-key', 'table-drift']);
    const actions = await c.request<{ title: string; kind: string; edit: { changes: Record<string, TextEdit[]> } }[]>('textDocument/codeAction', path, {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics },
    });
    expect(actions.map((a) => [a.title, a.kind])).toEqual([
      ['Rename to "segment"', 'quickfix'],
      ['Refresh the generated blocks (as abx score --write would)', 'quickfix'],
    ]);
    const [rename, refresh] = actions.map((a) => a.edit.changes[c.uri(path)] ?? []);
    expect(rename).toEqual([{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 6 } }, newText: 'segment' }]);
    // The refreshed text is what abx fmt writes for the same file.
    const fmtDir = copyFixture('rules/table-drift/fail');
    writeFileSync(join(fmtDir, path), text);
    expect(runAbx(['-C', fmtDir, ...AS_OF, 'fmt', path]).code).toBe(0);
    expect(applyEdits(text, refresh ?? [])).toBe(readFileSync(join(fmtDir, path), 'utf8'));
    expect(readFileSync(join(dir, path), 'utf8')).toBe(disk);
    expect(await c.stop()).toBe(0);
  });

  it('finds a workspace in a subfolder of the editor folder from the first file opened there', async () => {
    const repo = makeWorkspace({});
    const dir = join(repo, 'gtm', 'strategy');
    mkdirSync(join(dir, 'accounts'), { recursive: true });
    renameSync(join(repo, 'abx.config.yaml'), join(dir, 'abx.config.yaml'));
    writeFileSync(join(dir, 'accounts', 'acme.md'), ACCOUNT);
    const c = await start(repo);
    expect((await c.open('gtm/strategy/accounts/acme.md')).map((d) => [d.code, d.message])).toEqual([['unknown-reference', 'segment "space" names no segment file']]);
    expect(await c.stop()).toBe(0);
  });

  it('serves the workspace abx -C names rather than the editor folder', async () => {
    const editor = makeWorkspace({ 'accounts/acme.md': ACCOUNT });
    const named = makeWorkspace({ 'segments/space.md': SEGMENT, 'accounts/acme.md': ACCOUNT.replace('motion: decode', 'motion: decod') });
    const c = await start(editor, ['-C', named, ...AS_OF]);
    const path = relative(editor, join(named, 'accounts', 'acme.md'));
    expect((await c.open(path)).map((d) => d.code)).toEqual(['schema']);
    expect(await c.stop()).toBe(0);
  });

  it('keeps to the bounds and the confinement of the CLI: a link out of the workspace, a buffer over 1 MiB; it writes nothing', async () => {
    const outside = makeWorkspace({ 'secret.md': ACCOUNT });
    const dir = makeWorkspace({ 'segments/space.md': SEGMENT, 'accounts/acme.md': ACCOUNT });
    symlinkSync(join(outside, 'secret.md'), join(dir, 'accounts', 'linked.md'));
    const before = snapshot(dir);
    const validate = JSON.parse(runAbx(['-C', dir, ...AS_OF, 'validate', '--format', 'json']).stdout) as { problems: { file: string }[] };
    const c = await start(dir);
    // The buffer the editor shows is the linked file's text; abx still does not read through the link.
    const linked = await c.open('accounts/linked.md', ACCOUNT);
    expect(linked.map((d) => asProblem('accounts/linked.md', d))).toEqual(validate.problems.filter((p) => p.file === 'accounts/linked.md'));
    expect(linked.map((d) => d.code)).toEqual(['file-unreadable']);
    const big = await c.open('accounts/big.md', `${ACCOUNT}${'x'.repeat(1024 * 1024)}\n`);
    expect(big.map((d) => [d.code, d.message])).toEqual([['file-unreadable', 'the file is 1.0 MiB, larger than the 1 MiB limit']]);
    // A file outside the workspace is nobody's business here.
    expect(await c.request('textDocument/definition', '../outside.md', { position: { line: 0, character: 0 } })).toBe(null);
    expect(await c.stop()).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports hostile buffers as abx validate reports the same files, and answers every request on them', async () => {
    const files: Record<string, string> = {
      ...HOSTILE_ACCOUNTS,
      'accounts/proto-in-value.md': '---\nname: Proto\nsegment: { __proto__: x }\n---\n',
      'accounts/huge.md': `---\nname: ${'x'.repeat(2 * 1024 * 1024)}\n---\n`,
      'bets/wrong-types.md': '---\nname: [1, 2]\nstatus: { a: 1 }\naccounts: 42\nsegments: [[x], { y: 1 }]\n---\n',
      'abx.config.yaml': 'version: 1\npaths: { accounts: "accounts/**/*.md" }\n',
    };
    const dir = makeWorkspace(files);
    const validate = JSON.parse(runAbx(['-C', dir, ...AS_OF, 'validate', '--format', 'json']).stdout) as { problems: { file: string }[] };
    const c = await start(dir);
    for (const [path, text] of Object.entries(files)) {
      const diagnostics = await c.open(path, text);
      expect(diagnostics.map((d) => asProblem(path, d)), path).toEqual(validate.problems.filter((p) => p.file === path));
      const lines = text.split('\n');
      for (const position of [{ line: 0, character: 0 }, { line: 1, character: 3 }, { line: 1, character: 10_000 }, { line: lines.length - 1, character: 0 }]) {
        await c.request('textDocument/completion', path, { position });
        await c.request('textDocument/hover', path, { position });
        await c.request('textDocument/definition', path, { position });
        await c.request('textDocument/codeAction', path, { range: { start: position, end: position }, context: { diagnostics } });
      }
    }
    expect(c.logs).toEqual([]);
    expect(existsSync('/tmp/abx-pwned')).toBe(false);
    expect(await c.stop()).toBe(0);
  });

  it('answers without a workspace, and publishes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.md'), '---\nname: x\n---\n');
    const c = await start(dir);
    c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: c.uri('notes.md'), languageId: 'markdown', version: 1, text: 'x' } });
    expect(await c.request('textDocument/definition', 'notes.md', { position: { line: 0, character: 0 } })).toBe(null);
    expect(await c.request('textDocument/codeAction', 'notes.md', { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })).toEqual([]);
    expect(c.published).toEqual([]);
    expect(await c.stop()).toBe(0);
  });
});

/** Every path under a folder with its size and modification time. */
function snapshot(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort().map((p) => {
    const s = lstatSync(join(dir, p));
    return `${p} ${s.size} ${s.mtimeMs}`;
  });
}

interface TextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const offset = (p: { line: number; character: number }) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

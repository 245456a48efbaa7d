/** `abx mcp` driven the way an assistant drives it: the SDK's own client, over stdio, on real workspaces. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, exampleWorkspace, runAbx, tempDir } from '../helpers.js';
import { buildHistoryRepo } from './diff-repo.js';

interface Result {
  isError?: boolean;
  content: { type: string; text: string }[];
}

async function connect(cwd: string, args: string[] = []): Promise<Client> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1' };
  delete env.ABX_DEBUG;
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', ...args], cwd, env, stderr: 'pipe' });
  const client = new Client({ name: 'abx-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

const call = async (client: Client, name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as Result;
const texts = (r: Result) => r.content.map((c) => c.text);
const json = (r: Result) => JSON.parse(r.content[0]?.text ?? '') as Record<string, unknown>;

/** A server on a fresh example workspace, for the tests of one describe block. */
function exampleServer(): { ws: string; client: Client } {
  const s = { ws: '', client: undefined as unknown as Client };
  beforeAll(async () => {
    s.ws = exampleWorkspace();
    s.client = await connect(s.ws);
  });
  afterAll(() => s.client.close());
  return s;
}

describe('abx mcp: what it offers, and results equal to the CLI', () => {
  const s = exampleServer();

  it('lists its tools, prompts and resources', async () => {
    expect((await s.client.listTools()).tools.map((t) => t.name)).toEqual(['validate', 'score', 'report', 'diff', 'review', 'create', 'update']);
    expect((await s.client.listPrompts()).prompts.map((p) => p.name)).toEqual(['score-account-pure', 'capability-translation-matrix', 'testable-bets', 'journey-map', 'battle-card', 'bet-board']);
    const uris = (await s.client.listResources()).resources.map((r) => r.uri);
    for (const uri of [
      'abx://method/format.md',
      'abx://method/rules.md',
      'abx://method/scoring.md',
      'abx://templates/accounts/example-account.md',
      'abx://schema/account',
      'abx://schema/config',
      'abx://workspace/abx.config.yaml',
      'abx://workspace/accounts/northwind-logistics.md',
      'abx://workspace/kpis/2026-10.yaml',
    ]) expect(uris).toContain(uri);
  });

  it('describes tool inputs with JSON Schemas', async () => {
    const score = (await s.client.listTools()).tools.find((t) => t.name === 'score');
    expect(Object.keys(score?.inputSchema.properties ?? {})).toEqual(['ids', 'segment', 'tier', 'explain']);
    const create = (await s.client.listTools()).tools.find((t) => t.name === 'create');
    expect(create?.inputSchema.required).toEqual(['kind', 'id', 'fields']);
    expect((create?.inputSchema.properties?.kind as { enum: string[] }).enum).toEqual(['segment', 'account', 'bet', 'journey', 'messaging', 'collateral', 'plan']);
    expect(create?.outputSchema?.required).toEqual(['file', 'created', 'warnings', 'problems']);
    expect(score?.outputSchema?.required).toEqual(['asOf', 'accounts']);
  });

  it('gives each result as structured content too, equal to its text', async () => {
    for (const [name, args] of [['validate', {}], ['score', { explain: true }], ['report', { name: 'all' }]] as const) {
      const r = (await s.client.callTool({ name, arguments: args })) as Result & { structuredContent: unknown };
      expect(r.structuredContent, name).toEqual(json(r));
    }
  });

  it('validate, score, score with explain and report answer exactly what the CLI prints as JSON', async () => {
    expect(texts(await call(s.client, 'validate'))).toEqual([runAbx(['validate', '--format', 'json'], { cwd: s.ws }).stdout]);
    expect(texts(await call(s.client, 'validate', { paths: ['accounts/'] }))).toEqual([runAbx(['validate', 'accounts', '--format', 'json'], { cwd: s.ws }).stdout]);
    expect(texts(await call(s.client, 'score'))).toEqual([runAbx(['score', '--format', 'json'], { cwd: s.ws }).stdout]);
    const explained = await call(s.client, 'score', { ids: ['northwind-logistics'], explain: true });
    expect(texts(explained)).toEqual([runAbx(['score', 'northwind-logistics', '--explain', '--format', 'json'], { cwd: s.ws }).stdout]);
    expect((json(explained).accounts as { explain: { file: string } }[])[0]?.explain.file).toBe('accounts/northwind-logistics.md');
    expect(texts(await call(s.client, 'score', { tier: 'fit:1', segment: 'regional-3pl' }))).toEqual([
      runAbx(['score', '--tier', 'fit:1', '--segment', 'regional-3pl', '--format', 'json'], { cwd: s.ws }).stdout,
    ]);
    expect(texts(await call(s.client, 'report', { name: 'all' }))).toEqual([runAbx(['report', 'all', '--format', 'json'], { cwd: s.ws }).stdout]);
    const review = await call(s.client, 'review', { cadence: 'monthly' });
    expect(texts(review)[0]).toBe(runAbx(['review', 'monthly', '--format', 'json'], { cwd: s.ws }).stdout);
    expect(json(review)).toMatchObject({ cadence: 'monthly' });
  });

  it('a mistake is a tool error with the CLI\'s message, and the server carries on', async () => {
    // "northwind-logistic" is a unique part of an id, which names the account (abx score, #21): a typo is not.
    const r = await call(s.client, 'score', { ids: ['northwind-logistix'] });
    expect(r).toEqual({ isError: true, content: [{ type: 'text', text: 'abx: no account "northwind-logistix" (did you mean \"northwind-logistics\"?)\n' }] });
    expect((await call(s.client, 'report', { name: 'nope' })).isError).toBe(true);
    expect((await call(s.client, 'diff', { base: '--output=/tmp/x' })).content[0]?.text).toBe('abx: base "--output=/tmp/x" is not a revision');
    expect((await call(s.client, 'validate')).isError).toBeUndefined();
  });

  it('serves the method, templates, schemas and workspace files as resources', async () => {
    const read = async (uri: string) => ((await s.client.readResource({ uri })).contents[0] as { text: string }).text;
    expect(await read('abx://method/scoring.md')).toBe(readFileSync(join(BIN, '../../docs/scoring.md'), 'utf8'));
    expect(await read('abx://workspace/accounts/northwind-logistics.md')).toBe(readFileSync(join(s.ws, 'accounts/northwind-logistics.md'), 'utf8'));
    expect(JSON.parse(await read('abx://schema/account'))).toEqual(JSON.parse(runAbx(['schema', 'account']).stdout));
    expect(await read('abx://templates/bets/example-bet.md')).toBe(readFileSync(join(BIN, '../../templates/init/bets/example-bet.md'), 'utf8'));
  });

  it('gives a prompt per method use that names the tools and forbids invented evidence', async () => {
    const p = await s.client.getPrompt({ name: 'score-account-pure', arguments: { company: 'Acme Space', context: 'Their launch slipped twice.' } });
    const text = (p.messages[0]?.content as { text: string }).text;
    expect(text).toContain('Apply the PURE framework to Acme Space, based on this context:\n\nTheir launch slipped twice.');
    expect(text).toContain('Never invent a fact');
    expect(text).toContain('call create with kind "account"');
  });
});

const NEW_ACCOUNT = {
  name: 'Acme Space',
  domain: 'acme-space.example',
  segment: 'regional-3pl',
  pure: {
    painful: { score: 2, evidence: 'Two launches slipped for lack of tracking' },
    urgent: { score: 1, evidence: 'Board review in Q2' },
    recognized: { score: 1, evidence: 'Asked about tracking once' },
    expensive: { score: 0 },
  },
};

describe('abx mcp: create and update', () => {
  const s = exampleServer();

  it('creates an account that validates: written with its score blocks, and its score returned', async () => {
    const r = await call(s.client, 'create', { kind: 'account', id: 'acme-space', fields: NEW_ACCOUNT, body: 'Acme builds small launchers.\n' });
    expect(r.isError).toBeUndefined();
    const result = json(r);
    expect(result.file).toBe('accounts/acme-space.md');
    expect(result.created).toBe(true);
    expect((result.score as { pure: { total: number; tier: number } }).pure).toMatchObject({ total: 4, tier: 3 });
    const text = readFileSync(join(s.ws, 'accounts/acme-space.md'), 'utf8');
    expect(text.startsWith('---\nname: Acme Space\ndomain: acme-space.example\nsegment: regional-3pl\npure:\n  painful:\n    score: 2\n')).toBe(true);
    expect(text).toContain('---\n\nAcme builds small launchers.\n\n<!-- abx:begin pure -->');
    const cli = JSON.parse(runAbx(['score', 'acme-space', '--format', 'json'], { cwd: s.ws }).stdout) as { accounts: unknown[] };
    expect(cli.accounts[0]).toEqual(result.score);
    expect(runAbx(['validate', 'accounts/acme-space.md', '--format', 'json'], { cwd: s.ws }).stdout).toContain('"errors": 0');
  });

  it('refuses an account that would not validate, with the problems, and writes nothing', async () => {
    const r = await call(s.client, 'create', { kind: 'account', id: 'broken-co', fields: { name: 'Broken Co', segment: 'no-such-segment', pure: { painful: { score: 7 } } } });
    expect(r.isError).toBe(true);
    expect(r.content[0]?.text).toBe('abx: the account would not validate, so nothing was written');
    const report = JSON.parse(r.content[1]?.text ?? '') as { errors: number; problems: { rule: string; message: string; line: number }[] };
    expect(report.problems.filter((p) => p.rule === 'unknown-reference').map((p) => p.message)).toEqual(['segment "no-such-segment" names no segment file']);
    expect(report.problems.some((p) => p.rule === 'schema' && p.message === 'pure.painful.score must be an integer from 0 to 3')).toBe(true);
    expect(existsSync(join(s.ws, 'accounts/broken-co.md'))).toBe(false);
  });

  it('never replaces a file, and refuses kinds and ids it cannot write', async () => {
    const before = readFileSync(join(s.ws, 'accounts/northwind-logistics.md'), 'utf8');
    const r = await call(s.client, 'create', { kind: 'account', id: 'northwind-logistics', fields: NEW_ACCOUNT });
    expect(texts(r)).toEqual(['abx: the account "northwind-logistics" exists already (accounts/northwind-logistics.md): create never replaces a file; use update']);
    expect(readFileSync(join(s.ws, 'accounts/northwind-logistics.md'), 'utf8')).toBe(before);
    expect((await call(s.client, 'create', { kind: 'account', id: '../escape', fields: NEW_ACCOUNT })).content[0]?.text).toBe(
      'abx: "../escape" is not a valid id: use lowercase letters, digits and single dashes',
    );
    expect((await call(s.client, 'create', { kind: 'kpi', id: 'x', fields: {} })).isError).toBe(true);
  });

  it('two creates of one id sent at once: one is written, the other refused', async () => {
    const both = await Promise.all([1, 2].map(() => call(s.client, 'create', { kind: 'account', id: 'twice', fields: { name: 'Twice' } })));
    expect(both.map((r) => r.isError === true).sort()).toEqual([false, true]);
    expect(both.find((r) => r.isError)?.content[0]?.text).toBe('abx: the account "twice" exists already (accounts/twice.md): create never replaces a file; use update');
    expect(readFileSync(join(s.ws, 'accounts/twice.md'), 'utf8').startsWith('---\nname: Twice\n---\n\n# Twice\n\n<!-- abx:begin pure -->')).toBe(true);
  });

  it('updates fields keeping comments, key order, layout and the body; generated blocks follow', async () => {
    const file = join(s.ws, 'accounts/northwind-logistics.md');
    const before = readFileSync(file, 'utf8');
    const r = await call(s.client, 'update', { kind: 'account', id: 'northwind-logistics', set: { 'pure.urgent.score': 1, owner: 'dana@lanternline.example', firmographics: { employees: 1900 } } });
    expect(r.isError).toBeUndefined();
    expect(json(r)).toMatchObject({ file: 'accounts/northwind-logistics.md', created: false, warnings: 0, problems: [] });
    const after = readFileSync(file, 'utf8');
    const frontmatter = (t: string) => t.slice(0, t.indexOf('\n---\n'));
    expect(frontmatter(after)).toBe(
      frontmatter(before)
        .replace('owner: maya.chen@lanternline.example', 'owner: dana@lanternline.example')
        .replace('urgent:     { score: 3,', 'urgent:     { score: 1,')
        .replace('employees: 1800,', 'employees: 1900,'),
    );
    expect(after).toContain('intent: 84 # Bombora surge on "shipment visibility" plus the RFP');
    expect(after).toContain('| Urgent | 1 | Largest shipper renewal');
  });

  it('refuses an update that would add an error, and one it cannot make in place', async () => {
    const file = join(s.ws, 'accounts/northwind-logistics.md');
    const before = readFileSync(file, 'utf8');
    const bad = await call(s.client, 'update', { kind: 'account', id: 'northwind-logistics', set: { pure: { urgent: { score: 9 } } } });
    expect(bad.isError).toBe(true);
    expect(bad.content[1]?.text).toContain('"message": "pure.urgent.score must be an integer from 0 to 3"');
    const list = await call(s.client, 'update', { kind: 'account', id: 'northwind-logistics', set: { buying_committee: [{ name: 'X' }] } });
    expect(texts(list)).toEqual(['abx: buying_committee: update sets text, numbers, true/false and lists of those; a list of maps is edited in the file itself']);
    const missing = await call(s.client, 'update', { kind: 'bet', id: 'no-such-bet', set: { status: 'won' } });
    expect(texts(missing)).toEqual(['abx: no bet "no-such-bet": create it first']);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('abx mcp: diff', () => {
  it('answers what abx diff --format json prints, for the default base and for named revisions', async () => {
    const repo = buildHistoryRepo();
    const client = await connect(repo.dir);
    try {
      expect(texts(await call(client, 'diff'))).toEqual([runAbx(['diff', '--format', 'json'], { cwd: repo.dir }).stdout]);
      const named = await call(client, 'diff', { base: repo.c1, head: repo.c4 });
      expect(texts(named)).toEqual([runAbx(['diff', repo.c1, '--head', repo.c4, '--format', 'json'], { cwd: repo.dir }).stdout]);
      expect(named.content[0]?.text).toContain('"epsilon"');
      expect((await call(client, 'diff', { base: 'no-such-rev' })).isError).toBe(true);
    } finally {
      await client.close();
    }
  });
});

describe('abx mcp: the end of input', () => {
  it('answers every request a client wrote before closing stdin, then exits 0 with nothing else on stdout', () => {
    const ws = exampleWorkspace();
    const messages = [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'pipe', version: '1' } } },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'score', arguments: {} } },
    ];
    const r = runAbx(['mcp'], { cwd: ws, input: messages.map((m) => `${JSON.stringify(m)}\n`).join('') });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: number; result: { content?: { text: string }[] } });
    expect(lines.map((l) => l.id)).toEqual([1, 2]);
    expect(lines[1]?.result.content?.[0]?.text).toBe(runAbx(['score', '--format', 'json'], { cwd: ws }).stdout);
  });
});

describe('abx mcp: the workspace boundary', () => {
  it('refuses traversal, absolute paths and links, and writes nothing outside', async () => {
    const ws = exampleWorkspace();
    const outside = tempDir('abx-outside-');
    writeFileSync(join(outside, 'secret.md'), '---\nname: Secret\n---\n');
    symlinkSync(join(outside, 'secret.md'), join(ws, 'accounts/linked.md'));
    mkdirSync(join(outside, 'bets'));
    const wsBets = join(ws, 'journeys');
    symlinkSync(join(outside, 'bets'), join(wsBets, 'sub'));
    const client = await connect(ws);
    try {
      for (const p of ['../outside', '/etc', 'accounts/../../x', 'accounts\\x.md', 'journeys/sub']) {
        const r = await call(client, 'validate', { paths: [p] });
        expect(r.isError, p).toBe(true);
        expect(r.content[0]?.text, p).toMatch(/^abx: refused: /);
      }
      await expect(client.readResource({ uri: 'abx://workspace/..%2F..%2Fetc%2Fpasswd' })).rejects.toThrow(/climbs out/);
      await expect(client.readResource({ uri: 'abx://workspace/accounts/linked.md' })).rejects.toThrow(/symbolic link/);
      await expect(client.readResource({ uri: 'abx://workspace/.git/config' })).rejects.toThrow(/not a workspace file/);
      const update = await call(client, 'update', { kind: 'account', id: 'linked', set: { name: 'Owned' } });
      expect(update.content[0]?.text).toMatch(/^abx: "accounts\/linked.md" passes through a symbolic link/);
      expect(readFileSync(join(outside, 'secret.md'), 'utf8')).toBe('---\nname: Secret\n---\n');
    } finally {
      await client.close();
    }
  });

  it('refuses writes with a folder of a kind linked out of the workspace', async () => {
    const ws = exampleWorkspace();
    const outside = tempDir('abx-outside-');
    writeFileSync(join(ws, 'abx.config.yaml'), `${readFileSync(join(ws, 'abx.config.yaml'), 'utf8')}\npaths:\n  bets: linked/*.md\n`);
    symlinkSync(outside, join(ws, 'linked'));
    const client = await connect(ws);
    try {
      const r = await call(client, 'create', { kind: 'bet', id: 'escape', fields: { name: 'Escape' } });
      expect(r.isError).toBe(true);
      // Refused by the path boundary (or, where the config's paths are confined, by the config check).
      expect(r.content[0]?.text).toMatch(/symbolic link|outside the workspace/);
      expect(existsSync(join(outside, 'escape.md'))).toBe(false);
    } finally {
      await client.close();
    }
  });

  it('an invalid config is a tool error naming its problems, and validate returns them as JSON', async () => {
    const ws = exampleWorkspace();
    writeFileSync(join(ws, 'abx.config.yaml'), 'version: 7\n');
    const client = await connect(ws);
    try {
      const score = await call(client, 'score');
      expect(score.isError).toBe(true);
      expect(score.content[0]?.text).toContain('abx: abx.config.yaml is invalid: fix the problems above');
      const validate = await call(client, 'validate');
      expect(validate.isError).toBe(true);
      expect(texts(validate)).toEqual([runAbx(['validate', '--format', 'json'], { cwd: ws }).stdout]);
    } finally {
      await client.close();
    }
  });

  it('--read-only refuses every write', async () => {
    const ws = exampleWorkspace();
    const client = await connect(ws, ['--read-only']);
    try {
      const r = await call(client, 'create', { kind: 'account', id: 'acme-space', fields: NEW_ACCOUNT });
      expect(texts(r)).toEqual(['abx: the server runs with --read-only: nothing is written']);
      expect(r.isError).toBe(true);
      expect((await call(client, 'update', { kind: 'account', id: 'northwind-logistics', set: { owner: 'x' } })).isError).toBe(true);
      expect(existsSync(join(ws, 'accounts/acme-space.md'))).toBe(false);
      expect((await call(client, 'score', { ids: ['northwind-logistics'] })).isError).toBeUndefined();
    } finally {
      await client.close();
    }
  });
});

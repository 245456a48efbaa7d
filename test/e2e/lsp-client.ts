/**
 * A real LSP client for the end-to-end tests: starts the built `abx lsp` as a child process and
 * speaks the protocol to it over stdio (vscode-languageserver-protocol), as an editor does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type Diagnostic } from 'vscode-languageserver-protocol/node.js';
import { BIN, NODE } from '../helpers.js';

export class LspClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  private readonly versions = new Map<string, number>();
  /** Every publishDiagnostics, in order. */
  readonly published: { uri: string; version?: number; diagnostics: Diagnostic[] }[] = [];
  private waiters: { uri: string; version: number; resolve: (d: Diagnostic[]) => void }[] = [];
  stderr = '';
  /** What the server logged to the client (window/logMessage): a handler that failed says so here. */
  readonly logs: string[] = [];

  constructor(
    readonly dir: string,
    args: string[] = [],
  ) {
    const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1' };
    delete env.ABX_DEBUG;
    this.child = spawn(NODE, [BIN, ...args, 'lsp', '--stdio'], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (b: Buffer) => (this.stderr += b.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      this.published.push(p);
      const ready = this.waiters.filter((w) => w.uri === p.uri && (p.version ?? 0) >= w.version);
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(p.diagnostics);
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/configuration', () => []);
    this.connection.listen();
  }

  uri(path: string): string {
    return pathToFileURL(join(this.dir, path)).href;
  }

  async initialize(options: { rootDir?: string | null; watch?: boolean } = {}) {
    const root = options.rootDir === undefined ? this.dir : options.rootDir;
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: root === null ? null : pathToFileURL(root).href,
      workspaceFolders: root === null ? null : [{ uri: pathToFileURL(root).href, name: 'ws' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: options.watch ?? true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /**
   * The next diagnostics published for a path (register before the action that causes them),
   * for at least `version` of its buffer when given.
   */
  next(path: string, version = 0, timeoutMs = 15_000): Promise<Diagnostic[]> {
    const uri = this.uri(path);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${path} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, version, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });
  }

  /** Opens a file of the workspace (its text on disk unless given) and waits for its diagnostics. */
  open(path: string, text?: string): Promise<Diagnostic[]> {
    const next = this.next(path);
    this.versions.set(path, 1);
    const languageId = path.endsWith('.md') ? 'markdown' : 'yaml';
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(path), languageId, version: 1, text: text ?? readFileSync(join(this.dir, path), 'utf8') } });
    return next;
  }

  /** Replaces a buffer's whole text (unsaved). */
  change(path: string, text: string): void {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(path), version }, contentChanges: [{ text }] });
  }

  /** An incremental change, as editors send them: `text` replaces a range of the buffer. */
  edit(path: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): void {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(path), version }, contentChanges: [{ range, text }] });
  }

  close(path: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(path) } });
  }

  watched(changes: { path: string; type: 1 | 2 | 3 }[]): void {
    void this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map((c) => ({ uri: this.uri(c.path), type: c.type })) });
  }

  request<R>(method: string, path: string, params: Record<string, unknown>): Promise<R> {
    return this.connection.sendRequest(method, { textDocument: { uri: this.uri(path) }, ...params }) as Promise<R>;
  }

  /** shutdown, exit, and the server's exit status. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.child.kill();
  }
}

/**
 * `abx lsp`: the adapter between the Language Server Protocol and the workspace index. It keeps
 * the open documents (an unsaved buffer wins over the file on disk), batches changes, asks the
 * index to re-analyse what they touch and publishes the problems of the open documents. Request
 * handlers are pure functions over an `EditorDocument` and the index's `WorkspaceFacts`; any
 * failure in one is answered with an empty result, never a crash.
 */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findRoot } from '../workspace/root.js';
import { codeActions } from './actions.js';
import { completions } from './complete.js';
import { definition } from './definition.js';
import { hover } from './hover.js';
import { toDiagnostic } from './diagnostics.js';
import type { EditorDocument } from './facts.js';
import { WorkspaceIndex, type Affected } from './workspace-index.js';

export interface ServeOptions {
  /** Where the CLI was started: the workspace is looked for here when the client names no folder with one. */
  cwd: string;
  /** `abx -C <dir> lsp`: the folder named wins over the client's. */
  named?: string;
  asOf?: string;
  today: () => string;
  version: string;
}

export function serve(options: ServeOptions): Promise<void> {
  // stdout carries the protocol: a stray console.log would corrupt it.
  console.log = console.error;
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  const server = new Server(connection, options);
  server.listen();
  return new Promise((resolve) => {
    connection.onExit(() => resolve());
    process.stdin.on('close', () => resolve());
  });
}

class Server {
  private readonly documents = new TextDocuments(TextDocument);
  private index: WorkspaceIndex | undefined;
  private ready: Promise<void> | undefined;
  private candidates: string[] = [];
  private watch = false;
  private readonly dirty = new Set<string>();
  private affected: Affected = new Set();
  private scheduled = false;
  private flushing: Promise<void> = Promise.resolve();
  private readonly published = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly options: ServeOptions,
  ) {}

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => {
      if (this.watch) void c.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] }).catch(() => undefined);
      const root = this.candidates.map((d) => findRoot(d)).find((r) => r !== undefined);
      if (root) this.open(root);
    });
    this.documents.onDidChangeContent((e) => this.touched(e.document.uri));
    this.documents.onDidClose((e) => {
      this.touched(e.document.uri);
      this.published.delete(e.document.uri);
      void c.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    c.onDidChangeWatchedFiles((params) => {
      const index = this.index;
      if (!index) return;
      for (const change of params.changes) {
        const path = this.pathOf(change.uri);
        if (path !== undefined) this.merge(index.diskChanged(path, change.type === FileChangeType.Deleted));
      }
      this.schedule();
    });
    c.onCompletion((params) =>
      this.answer([], () => {
        const at = this.documentAt(params.textDocument.uri);
        return at ? completions(at.doc, params.position, at.index) : [];
      }),
    );
    c.onHover((params) =>
      this.answer(null, () => {
        const at = this.documentAt(params.textDocument.uri);
        return at ? hover(at.doc, params.position, at.index) : null;
      }),
    );
    c.onDefinition((params) =>
      this.answer(null, () => {
        const at = this.documentAt(params.textDocument.uri);
        const found = at && definition(at.doc, params.position, at.index);
        if (!found || !at) return null;
        return { uri: pathToFileURL(join(at.index.root, found.path)).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
      }),
    );
    c.onCodeAction((params) =>
      this.answer([], () => {
        const at = this.documentAt(params.textDocument.uri);
        return at ? codeActions(at.doc, params.textDocument.uri, params.context.diagnostics, at.index) : [];
      }),
    );
    c.onShutdown(() => undefined);
    this.documents.listen(c);
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const uris = [...(params.workspaceFolders ?? []).map((f) => f.uri), ...(params.rootUri ? [params.rootUri] : [])];
    const named = this.options.named === undefined ? [] : [this.options.named];
    this.candidates = [...named, ...uris.flatMap((u) => (u.startsWith('file:') ? [fileURLToPath(u)] : [])), ...(params.rootPath ? [params.rootPath] : []), this.options.cwd];
    this.watch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        // Markdown has no quick suggestions by default in VS Code: after `key: `, `[`, `, ` and `- `, completion opens by itself.
        completionProvider: { triggerCharacters: [':', ' ', '[', ',', '-'] },
        hoverProvider: true,
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
      },
      serverInfo: { name: 'abx', version: this.options.version },
    };
  }

  /** Builds the index of the workspace at `root`, then publishes the problems of what is open. */
  private open(root: string): void {
    const index = new WorkspaceIndex(root, { asOf: this.options.asOf, today: this.options.today });
    this.index = index;
    for (const d of this.documents.all()) {
      const path = this.pathOf(d.uri);
      if (path !== undefined) index.setBuffer(path, d.getText());
    }
    this.dirty.clear();
    this.ready = index.load().then(
      () => this.publish('all', new Set()),
      (err: unknown) => this.failed(err),
    );
  }

  private touched(uri: string): void {
    if (!this.index) {
      // No workspace yet: a file opened inside one names it (a workspace in a subfolder of the editor's folder).
      const file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
      const root = file ? findRoot(dirname(file)) : undefined;
      if (root) this.open(root);
      return;
    }
    this.dirty.add(uri);
    this.schedule();
  }

  private merge(more: Affected): void {
    const a = this.affected;
    if (a === 'config' || more === 'config') this.affected = 'config';
    else if (a === 'all' || more === 'all') this.affected = 'all';
    else for (const p of more) a.add(p);
  }

  /**
   * Changes that arrive together (a burst of keystrokes, a branch switch) are analysed once, and
   * one analysis at a time: a config reload awaits, and the index must not change under it.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.flushing = this.flushing.then(() => this.flush()).catch((err: unknown) => this.failed(err));
    });
  }

  private async flush(): Promise<void> {
    await this.ready;
    this.scheduled = false;
    const index = this.index;
    if (!index) return;
    const uris = [...this.dirty];
    this.dirty.clear();
    for (const uri of uris) {
      const path = this.pathOf(uri);
      if (path !== undefined) this.merge(index.setBuffer(path, this.documents.get(uri)?.getText()));
    }
    const affected = this.affected;
    this.affected = new Set();
    this.publish(await index.update(affected), new Set(uris));
  }

  /** Problems of the open documents the analysis may have changed (and of those just edited, always). */
  private publish(changed: Set<string> | 'all', always: Set<string>): void {
    const index = this.index;
    if (!index) return;
    for (const d of this.documents.all()) {
      const path = this.pathOf(d.uri);
      if (path === undefined) continue;
      if (changed !== 'all' && !changed.has(path) && !always.has(d.uri) && path !== 'abx.config.yaml') continue;
      const text = d.getText();
      const diagnostics = index.diagnostics(path).map((p) => toDiagnostic(p, text));
      const key = JSON.stringify(diagnostics);
      if (!always.has(d.uri) && this.published.get(d.uri) === key) continue;
      this.published.set(d.uri, key);
      void this.connection.sendDiagnostics({ uri: d.uri, version: d.version, diagnostics });
    }
  }

  /** The workspace-relative path of a file: URI, or undefined outside the workspace (or its .git). */
  private pathOf(uri: string): string | undefined {
    const index = this.index;
    if (!index || !uri.startsWith('file:')) return undefined;
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    for (const root of [index.root, index.realRoot]) {
      const rel = relative(root, file);
      if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
    }
    const real = realpathOrUndefined(file);
    const rel = real === undefined ? undefined : relative(index.realRoot, real);
    return rel !== undefined && rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : undefined;
  }

  /** The document a request is about, as the handlers see it: the buffer as the client has it now. */
  private documentAt(uri: string): { doc: EditorDocument; index: WorkspaceIndex } | undefined {
    const index = this.index;
    const path = this.pathOf(uri);
    if (!index || path === undefined) return undefined;
    const open = this.documents.get(uri);
    const doc = index.document(path);
    return { doc: open ? { ...doc, text: open.getText() } : doc, index };
  }

  private async answer<T>(fallback: T, handler: () => T): Promise<T> {
    await this.ready;
    try {
      return handler();
    } catch (err) {
      this.failed(err);
      return fallback;
    }
  }

  /** A failure is the client's to see in its log; the server goes on. */
  private failed(err: unknown): void {
    this.connection.console.error(`abx lsp: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

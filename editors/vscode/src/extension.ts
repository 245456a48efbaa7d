/**
 * Starts `abx lsp` for an abx workspace: the workspace's own abx (node_modules/.bin), else the
 * one on the PATH, unless the `abx.path` setting names one. Everything else (diagnostics,
 * completion, hover, definitions, code actions) is the server's.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { commands, window, workspace, type ExtensionContext, type WorkspaceFolder } from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { findAbx } from './find-abx';

let client: LanguageClient | undefined;

const WINDOWS = process.platform === 'win32';

/** The first workspace folder that is an abx workspace (has abx.config.yaml), else the first. */
function abxFolder(): WorkspaceFolder | undefined {
  const folders = workspace.workspaceFolders ?? [];
  return folders.find((f) => f.uri.scheme === 'file' && existsSync(join(f.uri.fsPath, 'abx.config.yaml'))) ?? folders[0];
}

async function start(context: ExtensionContext): Promise<void> {
  const folder = abxFolder();
  const cwd = folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
  const command = findAbx(cwd, workspace.getConfiguration('abx').get<string>('path', ''), process.env.PATH);
  if (!command) {
    void window.showErrorMessage('abx was not found: install it in the workspace (npm install --save-dev abx), put it on the PATH, or set "abx.path".');
    return;
  }
  // A .cmd shim only runs through the shell on Windows, where a path with spaces must be quoted.
  const shell = WINDOWS && /\.cmd$/i.test(command);
  const run = { command: shell ? `"${command}"` : command, args: ['lsp'], options: { cwd, shell } };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    // Markdown for the kinds' frontmatter; YAML for abx.config.yaml and KPI files wherever the
    // config's paths put them: the server answers only for files of the workspace's kinds. The
    // server registers its own file watcher, so files changed on disk need nothing here.
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'yaml' },
    ],
    ...(folder ? { workspaceFolder: folder } : {}),
  };
  client = new LanguageClient('abx', 'abx', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function activate(context: ExtensionContext): Promise<void> {
  context.subscriptions.push(
    commands.registerCommand('abx.restartServer', async () => {
      await client?.dispose();
      client = undefined;
      await start(context);
    }),
    workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('abx.path')) await commands.executeCommand('abx.restartServer');
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

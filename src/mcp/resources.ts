/**
 * The resources: every workspace file and the config (read through the path boundary, never
 * through a link), the method (format, rules and scoring, bundled into the server so they are
 * there wherever abx is installed), each kind's annotated template and its JSON Schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { packageRoot } from '../cli/package-root.js';
import { kindJsonSchema, SCHEMA_KINDS } from '../core/json-schema.js';
import { defaultPaths, KIND_DEFS, type Kind } from '../core/kinds/index.js';
import { listWorkspaceFiles, readSourceFile, realRootOf } from '../workspace/files.js';
import { loadConfigText } from '../workspace/load.js';
import { CONFIG_FILE } from '../workspace/root.js';
import formatDoc from '../../docs/format.md';
import rulesDoc from '../../docs/rules.md';
import scoringDoc from '../../docs/scoring.md';
import { confine } from './paths.js';
import type { ServerSetting } from './run.js';

const METHOD: Record<string, { text: string; description: string }> = {
  'format.md': { text: formatDoc, description: 'The file format: every kind, every field, what is required' },
  'rules.md': { text: rulesDoc, description: 'Every rule abx checks, its id, severity and how to fix it' },
  'scoring.md': { text: scoringDoc, description: 'How PURE, fit, engagement, the buying committee and MQA are scored' },
};

/** The config's paths, or the defaults when the config cannot be read (its problems are validate's to report). */
function workspacePaths(root: string): Record<Kind, string> {
  const source = readSourceFile(root, realRootOf(root), { path: CONFIG_FILE, kind: 'kpis' });
  return loadConfigText(source.text, source.unreadable).config?.paths ?? defaultPaths();
}

function mimeOf(path: string): string {
  return /\.ya?ml$/i.test(path) ? 'application/yaml' : 'text/markdown';
}

/** A workspace file's text, when the path is the config or a file some kind's glob matches. */
export function readWorkspaceResource(root: string, rel: string): string {
  const place = confine(root, rel);
  // A workspace file is one the CLI itself would read: listed by the kinds' globs (which skip
  // .git and node_modules), or the config.
  const listed = place.rel === CONFIG_FILE ? { path: CONFIG_FILE, kind: 'kpis' as Kind } : listWorkspaceFiles(root, workspacePaths(root)).find((f) => f.path === place.rel);
  if (!listed) throw new Error(`${JSON.stringify(rel)} is not a workspace file: resources are the config and the files of the kinds' folders`);
  const source = readSourceFile(root, realRootOf(root), listed);
  if (source.text === undefined) throw new Error(`${place.rel}: ${source.unreadable ?? 'cannot be read'}`);
  return source.text;
}

export function registerResources(server: McpServer, setting: ServerSetting): void {
  const { root } = setting;
  server.registerResource(
    'workspace file',
    new ResourceTemplate('abx://workspace/{+path}', {
      list: () => ({
        resources: [{ path: CONFIG_FILE }, ...listWorkspaceFiles(root, workspacePaths(root))].map((f) => ({
          uri: `abx://workspace/${f.path.split('/').map(encodeURIComponent).join('/')}`,
          name: f.path,
          mimeType: mimeOf(f.path),
        })),
      }),
    }),
    { description: 'A file of the workspace: abx.config.yaml, or a segment, account, bet, journey or KPI file', mimeType: 'text/markdown' },
    (uri, variables) => {
      const raw = Array.isArray(variables.path) ? variables.path.join('/') : String(variables.path ?? '');
      const rel = raw.split('/').map((p) => decodeURIComponent(p)).join('/');
      return { contents: [{ uri: uri.href, mimeType: mimeOf(rel), text: readWorkspaceResource(root, rel) }] };
    },
  );

  for (const [name, doc] of Object.entries(METHOD)) {
    server.registerResource(`method: ${name}`, `abx://method/${name}`, { description: doc.description, mimeType: 'text/markdown' }, (uri) => ({
      contents: [{ uri: uri.href, mimeType: 'text/markdown', text: doc.text }],
    }));
  }

  const templates = join(packageRoot(), 'templates', 'init');
  for (const def of KIND_DEFS) {
    let files: string[];
    try {
      files = readdirSync(join(templates, def.kind)).filter((f) => f.endsWith('.md'));
    } catch {
      continue;
    }
    for (const file of files) {
      server.registerResource(`template: ${def.singular}`, `abx://templates/${def.kind}/${file}`, { description: `An annotated ${def.singular} file: every field, explained`, mimeType: 'text/markdown' }, (uri) => ({
        contents: [{ uri: uri.href, mimeType: 'text/markdown', text: readFileSync(join(templates, def.kind, file), 'utf8') }],
      }));
    }
  }

  for (const kind of SCHEMA_KINDS) {
    server.registerResource(`schema: ${kind}`, `abx://schema/${kind}`, { description: `The JSON Schema of ${kind === 'config' ? 'abx.config.yaml' : `a ${kind}'s frontmatter`}`, mimeType: 'application/schema+json' }, (uri) => ({
      contents: [{ uri: uri.href, mimeType: 'application/schema+json', text: `${JSON.stringify(kindJsonSchema(kind), null, 2)}\n` }],
    }));
  }
}

// Bundles src/extension.ts and vscode-languageclient into dist/extension.js (vscode itself is
// the editor's). Uses the abx repository's node_modules, or ABX_NODE_MODULES when the folder is
// copied elsewhere: `node build.mjs`, then `vsce package` (npm run package does both).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const modules = process.env.ABX_NODE_MODULES ?? join(here, '..', '..', 'node_modules');
const esbuild = createRequire(join(modules, 'noop.js'))('esbuild');

esbuild.buildSync({
  absWorkingDir: here,
  entryPoints: ['src/extension.ts'],
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  nodePaths: [modules],
  outfile: 'dist/extension.js',
  logLevel: 'warning',
});

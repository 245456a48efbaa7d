// Builds dist/ as an ES module bundle: one file per entry and per lazily loaded command, instead
// of a hundred small modules for Node to find, read and link at every start (about 50 ms of
// `abx validate` on a small workspace). Type-checking is `npm run typecheck` (tsc).
import { rmSync } from 'node:fs';
import * as esbuild from 'esbuild';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await esbuild.build({
  entryPoints: ['src/cli/main.ts', 'src/cli/version.ts'],
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  // Loaded at run time, and only when needed (src/core/yaml/lib.ts).
  external: ['yaml'],
  // abx mcp serves the method's documents (docs/format.md, rules.md, scoring.md) from the bundle.
  loader: { '.md': 'text' },
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies call require() for Node's own modules; give them one in the bundle.
  banner: { js: "import { createRequire as __abxCreateRequire } from 'node:module'; const require = __abxCreateRequire(import.meta.url);" },
});

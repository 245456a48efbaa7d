// Builds dist/ as an ES module bundle: one file per entry and per lazily loaded command, instead
// of a hundred small modules for Node to find, read and link at every start (about 50 ms of
// `abx validate` on a small workspace). Type-checking is `npm run typecheck` (tsc).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

// dist/types is kept: tsc rewrites it incrementally (about a second when nothing changed, not ten).
const dist = new URL('../dist/', import.meta.url);
for (const entry of existsSync(dist) ? readdirSync(dist) : []) if (entry !== 'types') rmSync(new URL(entry, dist), { recursive: true, force: true });
/**
 * commander requires child_process when it loads, for subcommands that are separate programs,
 * which abx has none of; loading it (with net, dgram and streams) was about 3 ms of every start.
 * Its require gets an object that loads the module on first use instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => process.getBuiltinModule('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

await esbuild.build({
  entryPoints: ['src/cli/main.ts', 'src/cli/version.ts', 'src/index.ts'],
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
  plugins: [lazyChildProcess],
  // CommonJS dependencies call require() for Node's own modules; give them one in the bundle.
  banner: { js: "import { createRequire as __abxCreateRequire } from 'node:module'; const require = __abxCreateRequire(import.meta.url);" },
});

// The library's type declarations (src/index.ts and what it names), for `types` in package.json.
const buildInfo = new URL('../node_modules/.cache/abx-types.tsbuildinfo', import.meta.url);
if (!existsSync(new URL('types/index.d.ts', dist))) rmSync(buildInfo, { force: true });
execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.types.json'], { stdio: 'inherit' });

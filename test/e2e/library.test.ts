/**
 * abx as a library, the way a user gets it: `npm pack`, the tarball installed into an empty
 * project, `import { loadWorkspace, analyze, scoreAccount } from 'abx'` run by Node and
 * type-checked by tsc against the declarations the package ships.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { exampleWorkspace, REPO, runAbx, tempDir } from '../helpers.js';

const npm = (args: string[], cwd: string) => {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
};

let project = '';
let workspace = '';

beforeAll(() => {
  const packs = tempDir('abx-pack-');
  // dist/ is built by `npm test`; --ignore-scripts keeps npm pack from building into the repository again.
  const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', packs], REPO)) as { filename: string; files: { path: string }[] }[];
  if (!packed) throw new Error('npm pack gave no tarball');
  expect(packed.files.map((f) => f.path)).toContain('dist/types/index.d.ts');
  project = tempDir('abx-consumer-');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', join(packs, packed.filename), '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', '--omit=dev'], project);
  workspace = exampleWorkspace();
}, 300_000);

const CONSUMER = `import { analyze, configOf, loadWorkspace, scoreAccount, warehouseSql } from 'abx';

const ws = await loadWorkspace(process.argv[2], { asOf: '2026-11-24' });
const one = scoreAccount(
  { name: 'Acme', pure: { painful: { score: 3 }, urgent: { score: 3 }, recognized: { score: 2 }, expensive: { score: 2 } }, fit: { firmographic: 80, technographic: 55, intent: 62.5, engagement: 40 } },
  { id: 'acme', asOf: '2026-11-24' },
);
const fromText = analyze({ asOf: '2026-11-24', config: configOf({ version: 1 }), files: [{ path: 'accounts/beta.md', kind: 'accounts', text: '---\\nname: Beta\\nfit: { intent: 100 }\\n---\\n' }] });
const sql = warehouseSql(ws, { dialect: 'postgres' });
console.log(JSON.stringify({ asOf: ws.asOf, scores: ws.scores, one, beta: fromText.scores.get('beta')?.fit.score, problems: fromText.problems.map((p) => p.rule), view: sql.includes('CREATE OR REPLACE VIEW abx_scores') }));
`;

describe('abx as a library from the packed tarball', () => {
  test('imports and scores exactly as the CLI does', () => {
    writeFileSync(join(project, 'consumer.mjs'), CONSUMER);
    const r = spawnSync(process.execPath, ['consumer.mjs', workspace], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { asOf: string; scores: unknown[]; one: { fit: { score: number; tier: number }; pure: { total: number; tier: number } }; beta: number; problems: string[]; view: boolean };
    const cli = JSON.parse(runAbx(['-C', workspace, 'score', '--format', 'json', '--sort', 'name']).stdout) as { asOf: string; accounts: { id: string }[] };
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(out.asOf).toBe(cli.asOf);
    expect([...(out.scores as { id: string }[])].sort(byId)).toEqual([...cli.accounts].sort(byId));
    // 0.4·80 + 0.2·55 + 0.25·62.5 + 0.15·40 = 64.625 → 64.6, tier 2; PURE 10 → tier 1.
    expect(out.one.fit).toMatchObject({ score: 64.6, tier: 2 });
    expect(out.one.pure).toMatchObject({ total: 10, tier: 1 });
    expect(out.beta).toBe(25);
    expect(out.problems).toEqual(['fit-incomplete']);
    expect(out.view).toBe(true);
  });

  test('its declarations type-check a TypeScript consumer, and catch a wrong call', () => {
    // The expect-error fails the check if the declarations ever degrade to any.
    writeFileSync(join(project, 'consumer.ts'), `${CONSUMER}\n// @ts-expect-error a tier is a number\nconst tier: string = one.fit.tier;\nvoid tier;\n`);
    writeFileSync(join(project, 'wrong.ts'), "import { scoreAccount } from 'abx';\nscoreAccount({ name: 'x' }, { id: 'x' });\n");
    const tsconfig = (file: string) => ({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(REPO, 'node_modules', '@types')] },
      files: [file],
    });
    const tsc = (file: string) => {
      writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig(file)));
      return spawnSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
    };
    const good = tsc('consumer.ts');
    expect(good.stdout + good.stderr).toBe('');
    expect(good.status).toBe(0);
    const bad = tsc('wrong.ts');
    expect(bad.stdout).toContain("Property 'asOf' is missing");
  }, 180_000);

  test('the package names its entry and declarations', () => {
    const pkg = JSON.parse(readFileSync(join(project, 'node_modules', 'abx', 'package.json'), 'utf8')) as { exports: unknown; types: string };
    expect(pkg.exports).toEqual({ '.': { types: './dist/types/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' });
    expect(pkg.types).toBe('./dist/types/index.d.ts');
  });
});

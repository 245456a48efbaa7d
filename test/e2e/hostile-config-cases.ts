/**
 * Hostile pull requests that change the config (issue #20), as data: each is the files a pull
 * request commits on top of a clean workspace, and what each command of the generated workflow
 * (`abx validate --format github`, `abx diff <base> --format markdown`) must end with. A runner
 * plants SECRET in a folder outside the repository (OUTSIDE_FILES, at `{OUTSIDE}`) and in the
 * repository's .git/config (where actions/checkout keeps its token), and checks that it never
 * reaches any output. test/e2e/hostile-config.test.ts is one runner; the workflow harness can be another.
 */

export const SECRET = 'ABX-SECRET-5f0c1e9d';

/** The folder outside the workspace, as the runner lays it out. */
export const OUTSIDE_FILES: Record<string, string> = {
  'stolen.md': `---\nname: ${SECRET}\n${SECRET}: 1\nsegment: logistics\n---\n\n# ${SECRET}\n`,
  'kpis.yaml': `- { kpi: ${SECRET}, period: 2026-10, value: 1 }\n`,
  'leak.json': JSON.stringify({ required: [SECRET], properties: { [SECRET]: { const: SECRET } } }),
};

export interface Outcome {
  /** The exit status. */
  code: number;
  /** Found in stdout + stderr: the clear error. */
  says?: RegExp;
}

export interface HostileConfigCase {
  name: string;
  /** Path → text, or a symbolic link; `{OUTSIDE}` in either stands for the outside folder's absolute path. */
  files: Record<string, string | { link: string }>;
  expect: { validate: Outcome; diff: Outcome };
}

/** The clean workspace's config with `extra` appended (the base side has the same config without it). */
export const BASE_CONFIG = 'version: 1\ncompany: Orbital Freight\nas_of: 2026-11-24\n';
const config = (extra: string) => `${BASE_CONFIG}${extra}`;

const refused = (says: RegExp): HostileConfigCase['expect'] => ({ validate: { code: 2, says }, diff: { code: 2, says } });
const LEAVES = /leaves the workspace through "\.\."/;
const ABSOLUTE = /is an absolute path: paths in the config are relative/;
const LINK = /symbolic link that leads outside the workspace/;
const GIT = /reaches into \.git: abx never reads git's own files/;

/** An account whose name runs `^(a+)+$` into catastrophic backtracking in JavaScript's own engine. */
const REDOS_ACCOUNT = `---\nname: ${'a'.repeat(36)}!\nsegment: logistics\n---\n\n# Redos\n`;

export const HOSTILE_CONFIG_CASES: HostileConfigCase[] = [
  { name: 'a kind glob with ..', files: { 'abx.config.yaml': config('paths:\n  accounts: "../outside/*.md"\n') }, expect: refused(LEAVES) },
  { name: 'a kind glob with .. inside braces', files: { 'abx.config.yaml': config('paths:\n  accounts: "{accounts,../outside}/*.md"\n') }, expect: refused(LEAVES) },
  { name: 'a kind glob with .. after a wildcard', files: { 'abx.config.yaml': config('paths:\n  accounts: "accounts/*/../../../outside/*.md"\n') }, expect: refused(LEAVES) },
  { name: 'an absolute kind glob', files: { 'abx.config.yaml': config('paths:\n  accounts: "{OUTSIDE}/*.md"\n') }, expect: refused(ABSOLUTE) },
  { name: 'a kind glob with a backslash', files: { 'abx.config.yaml': config('paths:\n  accounts: "..\\\\outside\\\\*.md"\n') }, expect: refused(/contains a backslash/) },
  { name: 'a kind folder that is a link outside', files: { lnk: { link: '{OUTSIDE}' }, 'abx.config.yaml': config('paths:\n  accounts: "lnk/*.md"\n') }, expect: refused(LINK) },
  { name: 'a kind folder below a link outside', files: { 'sub/up': { link: '{OUTSIDE}/..' }, 'abx.config.yaml': config('paths:\n  accounts: "sub/up/outside/**/*.md"\n') }, expect: refused(LINK) },
  { name: 'a kind glob into .git', files: { 'abx.config.yaml': config('paths:\n  kpis: ".git/config"\n') }, expect: refused(GIT) },
  { name: 'a kind glob into .git by another case', files: { 'abx.config.yaml': config('paths:\n  kpis: "{.GIT,kpis}/*"\n') }, expect: refused(GIT) },
  { name: 'a kind folder that is a link into .git', files: { gl: { link: '.git' }, 'abx.config.yaml': config('paths:\n  kpis: "gl/*"\n') }, expect: refused(/the folder "gl" is reached through a symbolic link into \.git/) },
  {
    name: 'a kind file that is a link to .git/config',
    files: { 'kpis/token.yaml': { link: '../.git/config' } },
    // Only the file is refused (the rest is validated); links stored in git are not followed at the base.
    expect: { validate: { code: 1, says: /kpis\/token\.yaml.*the file is a symbolic link into \.git: abx never reads git's own files/ }, diff: { code: 0 } },
  },
  { name: 'a schema file with ..', files: { 'abx.config.yaml': config('schemas:\n  accounts: ../outside/leak.json\n') }, expect: refused(LEAVES) },
  { name: 'an absolute schema file', files: { 'abx.config.yaml': config('schemas:\n  accounts: "{OUTSIDE}/leak.json"\n') }, expect: refused(ABSOLUTE) },
  { name: 'a schema file that is a link outside', files: { 'leak.json': { link: '{OUTSIDE}/leak.json' }, 'abx.config.yaml': config('schemas:\n  accounts: leak.json\n') }, expect: refused(LINK) },
  { name: 'a schema file below a link outside', files: { 'sub/up': { link: '{OUTSIDE}' }, 'abx.config.yaml': config('schemas:\n  accounts: sub/up/leak.json\n') }, expect: refused(LINK) },
  { name: 'a schema file that is a link into .git', files: { 's.json': { link: '.git/config' }, 'abx.config.yaml': config('schemas:\n  accounts: s.json\n') }, expect: refused(/"s\.json" is reached through a symbolic link into \.git/) },
  { name: 'a schema file in .git', files: { 'abx.config.yaml': config('schemas:\n  accounts: .git/config\n') }, expect: refused(GIT) },
  {
    name: 'a schema that refers to a file outside',
    files: { 'schema.json': JSON.stringify({ $ref: 'file://{OUTSIDE}/leak.json' }), 'abx.config.yaml': config('schemas:\n  accounts: schema.json\n') },
    expect: refused(/schemas\.accounts: schema\.json cannot be used: its \$ref "file:\/\/[^"]*\/leak\.json" \(at \/\$ref\) does not point inside the file/),
  },
  {
    name: 'a backtracking pattern (^(a+)+$) in a custom schema',
    files: {
      'schema.json': JSON.stringify({ properties: { name: { type: 'string', pattern: '^(a+)+$', maxLength: 100 } } }),
      'accounts/redos.md': REDOS_ACCOUNT,
      'abx.config.yaml': config('schemas:\n  accounts: schema.json\n'),
    },
    // The pattern runs in linear time: validate reports the mismatch; diff scores both sides.
    expect: { validate: { code: 1, says: /name must match pattern "\^\(a\+\)\+\$"/ }, diff: { code: 0, says: /redos/ } },
  },
  {
    name: 'a lookahead pattern in a custom schema',
    files: { 'schema.json': JSON.stringify({ properties: { name: { type: 'string', pattern: '^(?=a)a+$', maxLength: 100 } } }), 'abx.config.yaml': config('schemas:\n  accounts: schema.json\n') },
    expect: refused(/is not supported .*linear-time engine \(RE2\), without lookaround or backreferences/),
  },
  {
    name: 'a pattern too large to run',
    files: { 'schema.json': JSON.stringify({ properties: { name: { type: 'string', pattern: '[\\s\\S]{1000}'.repeat(3), maxLength: 20000 } } }), 'abx.config.yaml': config('schemas:\n  accounts: schema.json\n') },
    expect: refused(/is too large \(3002 instructions compiled, the limit is 2000\)/),
  },
  {
    name: 'a pattern without maxLength',
    files: { 'schema.json': JSON.stringify({ properties: { name: { type: 'string', pattern: '^(a|a)*$' } } }), 'abx.config.yaml': config('schemas:\n  accounts: schema.json\n') },
    expect: refused(/is not a safe JSON Schema: \/properties\/name must have required property 'maxLength'/),
  },
  {
    name: 'a recursive custom schema (exponential in the depth of the data)',
    files: {
      'schema.json': JSON.stringify({
        definitions: { a: { anyOf: [{ allOf: [{ properties: { x: { $ref: '#/definitions/a' } } }, { required: ['y'] }] }, { allOf: [{ properties: { x: { $ref: '#/definitions/a' } } }, { required: ['z'] }] }] } },
        properties: { x: { $ref: '#/definitions/a' } },
      }),
      'accounts/deep.md': `---\nname: Deep\nsegment: logistics\nx: ${'{x: '.repeat(40)}1${'}'.repeat(40)}\n---\n`,
      'abx.config.yaml': config('schemas:\n  accounts: schema.json\n'),
    },
    expect: refused(/schema\.json cannot be used: it refers to itself \(at \/definitions\/a\/anyOf\/0\/allOf\/0\/properties\/x\/\$ref\)/),
  },
  {
    name: 'definitions that each refer twice to the next',
    files: {
      'schema.json': JSON.stringify({
        definitions: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`d${i}`, i === 39 ? { type: 'string', maxLength: 10 } : { anyOf: [{ $ref: `#/definitions/d${i + 1}` }, { $ref: `#/definitions/d${i + 1}` }] }])),
        properties: { name: { $ref: '#/definitions/d0' } },
      }),
      'abx.config.yaml': config('schemas:\n  accounts: schema.json\n'),
    },
    expect: refused(/schema\.json cannot be used: it is too large with every \$ref written out \(more than 10,000 schemas\)/),
  },
  { name: 'a window of a million days', files: { 'abx.config.yaml': config('scoring:\n  engagement:\n    window_days: 1000000\n') }, expect: refused(/window_days must be a whole number of days from 1 to 3650 \(ten years\)/) },
  { name: 'a glob with many ** parts', files: { 'abx.config.yaml': config(`paths:\n  accounts: "accounts/${'**/'.repeat(12)}*.md"\n`) }, expect: refused(/has 12 "\*\*" parts: at most 4 are allowed/) },
  { name: 'a glob thousands of characters long', files: { 'abx.config.yaml': config(`paths:\n  accounts: "${'a/'.repeat(2000)}*.md"\n`) }, expect: refused(/paths\.accounts must be at most 256 characters/) },
  {
    name: 'a rules map of thousands of entries',
    files: { 'abx.config.yaml': config(`rules:\n${Array.from({ length: 5000 }, (_, i) => `  r${i}: bogus\n`).join('')}`) },
    expect: refused(/rules has 5,000 entries: at most 200 are allowed/),
  },
  {
    name: 'a journey of thousands of stages',
    files: { 'abx.config.yaml': config(`journey:\n  stages: [${Array.from({ length: 5000 }, (_, i) => `s${i}`).join(', ')}]\n`) },
    expect: refused(/journey\.stages has 5,000 entries: at most 200 are allowed/),
  },
];

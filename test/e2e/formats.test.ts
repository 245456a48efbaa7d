/** `abx validate --format github|sarif|junit` end to end, on a workspace with an error and warnings. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { FIXTURES, makeWorkspace, runAbx } from '../helpers.js';

const files = {
  'abx.config.yaml': 'version: 1\nas_of: 2026-11-24\n',
  'accounts/acme.md': [
    '---',
    'name: Acme',
    'pure:',
    '  painful: { score: 3, evidence: Launch slips }',
    '  urgent: { score: 5, evidence: RFP }',
    '  recognized: { score: 3, evidence: "CTO: asked, publicly" }',
    '  expensive: { score: 2, evidence: Penalties }',
    'fitt: 3',
    '---',
    '',
  ].join('\n'),
  'segments/ok.md': '---\nname: OK\npain_points: [a, b, c]\n---\n',
};

describe('validate --format github', () => {
  it('prints a command per problem, escaped, and the full summary; exit 1 on errors', () => {
    const dir = makeWorkspace(files);
    const r = runAbx(['validate', '--format', 'github'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '::warning file=accounts/acme.md,line=2,col=1,endLine=9,endColumn=1,title=abx(fit-incomplete)::fit components firmographic, technographic, intent, engagement are neither given nor computable and count as 0',
      '::error file=accounts/acme.md,line=5,col=13,endLine=5,endColumn=21,title=abx(schema)::pure.urgent.score must be an integer from 0 to 3',
      '::warning file=accounts/acme.md,line=8,col=1,endLine=8,endColumn=8,title=abx(unknown-key)::unknown key "fitt" (did you mean "fit"?)',
    ]);
    expect(lines[3]).toMatch(/^::stop-commands::abx-[0-9a-f]{32}$/);
    const token = lines[3]?.slice('::stop-commands::'.length);
    expect(lines.slice(4)).toEqual([
      'abx: 1 error and 2 warnings in 2 files',
      '  accounts/acme.md:2:1  warning  fit components firmographic, technographic, intent, engagement are neither given nor computable and count as 0  (fit-incomplete)',
      '  accounts/acme.md:5:13  error  pure.urgent.score must be an integer from 0 to 3  (schema)',
      '  accounts/acme.md:8:1  warning  unknown key "fitt" (did you mean "fit"?)  (unknown-key)',
      `::${token}::`,
      '',
    ]);
    expect(r.stderr).toBe('');
  });

  it('escapes a newline and :: in a value echoed into a message', () => {
    const dir = makeWorkspace({ 'abx.config.yaml': 'version: 1\nas_of: 2026-11-24\n', 'bets/b.md': '---\nname: B\nstatus: "running\\n::error::owned"\n---\n' });
    const r = runAbx(['validate', '--format', 'github'], { cwd: dir });
    const commands = r.stdout.split('\n').filter((l) => l.startsWith('::error') || l.startsWith('::warning'));
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) expect(c.slice(2).includes('\n')).toBe(false);
    expect(r.stdout).not.toMatch(/^::error::owned/m);
  });
});

describe('validate --format sarif', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    const dir = makeWorkspace(files);
    const r = runAbx(['validate', '--format', 'sarif'], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const ajv = new Ajv({ strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].results.map((x: any) => [x.ruleId, x.level, x.locations[0].physicalLocation.region.startLine])).toEqual([
      ['fit-incomplete', 'warning', 2],
      ['schema', 'error', 5],
      ['unknown-key', 'warning', 8],
    ]);
    expect(log.runs[0].artifacts).toEqual([{ location: { uri: 'accounts/acme.md', uriBaseId: '%SRCROOT%' } }, { location: { uri: 'segments/ok.md', uriBaseId: '%SRCROOT%' } }]);
  });
});

describe('validate --format junit', () => {
  it('parses as XML, one testsuite per file', () => {
    const dir = makeWorkspace(files);
    const r = runAbx(['validate', '--format', 'junit'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(r.stdout);
    expect(doc.testsuites['@tests']).toBe('4');
    expect(doc.testsuites['@failures']).toBe('1');
    expect(doc.testsuites.testsuite.map((s: any) => [s['@name'], s['@tests'], s['@failures']])).toEqual([
      ['accounts/acme.md', '3', '1'],
      ['segments/ok.md', '1', '0'],
    ]);
  });
});

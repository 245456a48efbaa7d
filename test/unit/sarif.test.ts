/**
 * The SARIF output against the official SARIF 2.1.0 JSON Schema (OASIS, sarif-spec
 * Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json, kept verbatim in
 * test/fixtures). ajv has no built-in formats, so the three the schema uses are added here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { RULES, type Problem } from '../../src/core/problem.js';
import { pieces, renderSarif } from '../../src/format/validate/sarif.js';
import { FIXTURES } from '../helpers.js';

const schema = JSON.parse(readFileSync(join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && URL.canParse(s));
ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'https://base.example/') && !/[\s]/.test(s));
ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
const validate = ajv.compile(schema);

const chalk = new Chalk({ level: 0 });
const problems: Problem[] = [
  { file: 'accounts/acme space.md', line: 9, column: 17, endLine: 9, endColumn: 18, severity: 'error', rule: 'schema', message: 'pure.urgent.score must be an integer from 0 to 3' },
  { file: 'accounts/acme space.md', line: 0, column: 0, severity: 'warning', rule: 'table-drift', message: '' },
  { file: 'segments/ß.md', line: 3, column: 1, severity: 'warning', rule: 'segment-top3-pain', message: 'lists 2 pain points, not 3' },
];
const render = (p: Problem[]) => JSON.parse(renderSarif({ problems: p, files: ['accounts/acme space.md', 'segments/ß.md'], chalk, quiet: false, version: '0.1.0' })) as any;

describe('sarif', () => {
  it('is valid against the official SARIF 2.1.0 schema', () => {
    const log = render(problems);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate(render([]))).toBe(true);
  });

  it('is checked by a schema that does reject what GitHub rejects', () => {
    const broken = render(problems);
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    delete broken.runs[0].results[1].message;
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/runs/0/results/0/locations/0/physicalLocation/region/startLine', '/runs/0/results/1']));
  });

  it('describes every rule once, from the RULES registry', () => {
    const rules = render(problems).runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(Object.keys(RULES));
    const schemaRule = rules.find((r: { id: string }) => r.id === 'schema');
    expect(schemaRule).toEqual({
      id: 'schema',
      name: 'Schema',
      shortDescription: { text: RULES.schema.summary },
      fullDescription: { text: RULES.schema.summary },
      help: { text: `${RULES.schema.summary} This rule guards how abx reads the file and cannot be switched off.`, markdown: `${RULES.schema.summary}\n\nThis rule guards how abx reads the file and cannot be switched off.` },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['abx'] },
    });
    const drift = rules.find((r: { id: string }) => r.id === 'table-drift');
    expect(drift.help.text).toContain('rules: { table-drift: error | warn | off }');
    expect(drift.defaultConfiguration).toEqual({ level: 'warning' });
  });

  it('gives every result a region from line 1 and a message text', () => {
    const [first, second, third] = render(problems).runs[0].results;
    expect(first).toEqual({
      ruleId: 'schema',
      ruleIndex: Object.keys(RULES).indexOf('schema'),
      level: 'error',
      message: { text: 'pure.urgent.score must be an integer from 0 to 3' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'accounts/acme%20space.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 9, startColumn: 17, endLine: 9, endColumn: 18 } } }],
    });
    expect(second.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
    expect(second.message.text).toBe(RULES['table-drift'].summary.replace(/`/g, ''));
    expect(third.locations[0].physicalLocation.artifactLocation.uri).toBe('segments/%C3%9F.md');
  });
});

describe('sarif in pieces', () => {
  it('puts together exactly what renderSarif prints: no problems, one file, several files', () => {
    const style = { chalk, quiet: false, version: '0.1.0' };
    const files = ['accounts/acme space.md', 'segments/ß.md'];
    const sorted = [...problems, { ...problems[0]!, file: 'segments/ß.md', message: 'a "quoted"\nline' }];
    for (const list of [[], problems.slice(0, 1), problems.slice(0, 2), sorted]) {
      const p = pieces(style);
      const byFile = [...new Set(list.map((x) => x.file))].map((f) => p.file(list.filter((x) => x.file === f)));
      const errors = list.filter((x) => x.severity === 'error').length;
      const [head, tail] = p.frame({ errors, warnings: list.length - errors }, files);
      expect(`${head}${byFile.join(p.between)}${tail}`).toBe(renderSarif({ problems: list, files, chalk, quiet: false, version: '0.1.0' }));
    }
  });
});

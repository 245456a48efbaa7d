import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editFrontmatter, EditError } from '../../src/workspace/edit.js';
import { yamlScalar } from '../../src/core/templates.js';
import { parseYaml } from '../../src/core/yaml/parse.js';

describe('editFrontmatter', () => {
  const file = [
    '---',
    '# Owned by the ops team',
    'name: Acme        # display name',
    'domain: acme.com',
    "firmographics: { industry: 'SaaS', employees: 10 }   # from the CRM",
    'technographics:',
    '  stack:',
    '    - salesforce',
    'fit:',
    '  intent: 40',
    'x-custom: &anchor keep me',
    '# trailing note',
    '---',
    '',
    '# Acme',
    '',
  ].join('\n');

  it('changes the values and nothing else', () => {
    const out = editFrontmatter(file, [
      { path: ['firmographics', 'employees'], value: 1200 },
      { path: ['name'], value: 'Acme: Rockets' },
      { path: ['firmographics', 'country'], value: 'Germany' },
      { path: ['owner'], value: 'dana' },
      { path: ['fit', 'engagement'], value: 5 },
      { path: ['technographics', 'stack'], value: ['snowflake', 'hubspot'] },
    ]);
    expect(out).toBe(
      [
        '---',
        '# Owned by the ops team',
        'name: "Acme: Rockets"        # display name',
        'domain: acme.com',
        "firmographics: { industry: 'SaaS', employees: 1200, country: Germany }   # from the CRM",
        'technographics:',
        '  stack: [snowflake, hubspot]',
        'fit:',
        '  intent: 40',
        '  engagement: 5',
        'x-custom: &anchor keep me',
        'owner: dana',
        '# trailing note',
        '---',
        '',
        '# Acme',
        '',
      ].join('\n'),
    );
  });

  it('keeps CRLF line ends and a byte-order mark', () => {
    const crlf = `\uFEFF${file.replace(/\n/g, '\r\n')}`;
    const out = editFrontmatter(crlf, [{ path: ['firmographics', 'region'], value: 'Europe' }, { path: ['tags'], value: ['a'] }]);
    expect(out.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(out).toContain("employees: 10, region: Europe }   # from the CRM\r\n");
    expect(out).toContain('x-custom: &anchor keep me\r\ntags: [a]\r\n# trailing note\r\n');
  });

  it('adds a missing map as one flow map', () => {
    const out = editFrontmatter('---\nname: A\n---\n', [{ path: ['firmographics', 'industry'], value: 'Retail' }, { path: ['firmographics', 'employees'], value: 5 }]);
    expect(out).toBe('---\nname: A\nfirmographics: { industry: Retail, employees: 5 }\n---\n');
  });

  it('refuses to edit through an anchor or into a value that is not a map', () => {
    expect(() => editFrontmatter(file, [{ path: ['x-custom'], value: 'other' }])).toThrow(EditError);
    expect(() => editFrontmatter('---\nfirmographics: flat\n---\n', [{ path: ['firmographics', 'industry'], value: 'x' }])).toThrow('firmographics is not a map, so firmographics.industry cannot be set');
    expect(() => editFrontmatter('---\nname: [\n---\n', [{ path: ['name'], value: 'x' }])).toThrow(/does not parse/);
  });

  it('fills a key written without a value', () => {
    expect(editFrontmatter('---\nname: A\nowner:\n---\n', [{ path: ['owner'], value: 'me' }])).toBe('---\nname: A\nowner: me\n---\n');
  });
});

describe('yamlScalar', () => {
  it('writes plain text plain and quotes what YAML would read otherwise', () => {
    expect(yamlScalar('Acme Space')).toBe('Acme Space');
    expect(yamlScalar('true')).toBe('"true"');
    expect(yamlScalar('0x1F')).toBe('"0x1F"');
    expect(yamlScalar('a: b')).toBe('"a: b"');
    expect(yamlScalar('x, y', true)).toBe('"x, y"');
    expect(yamlScalar('x, y', false)).toBe('x, y');
    expect(yamlScalar('# not a comment')).toBe('"# not a comment"');
  });
  it('reads back as the same text, in block and flow context', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        const block = parseYaml(`k: ${yamlScalar(s)}\n`);
        const flow = parseYaml(`k: { v: ${yamlScalar(s, true)} }\n`);
        expect(block).toEqual({ ok: true, data: { k: s } });
        expect(flow).toEqual({ ok: true, data: { k: { v: s } } });
      }),
      { numRuns: 500 },
    );
  });
});

import { Chalk } from 'chalk';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/problem.js';
import { renderJunit } from '../../src/format/validate/junit.js';
import { cdata, xmlAttr, xmlClean } from '../../src/format/escape/junit.js';

const chalk = new Chalk({ level: 0 });
const render = (problems: Problem[], files: string[]) => renderJunit({ problems, files, chalk, quiet: false, version: '0.1.0' });

describe('junit', () => {
  it('strips characters XML 1.0 forbids and escapes markup', () => {
    expect(xmlClean('a\u0000b\u0001c\u000bd\ufffe\uffffe\ud800f\t\n\r😀')).toBe('abcdef\t\n\r😀');
    expect(xmlAttr(`<a href="x">Tom & Jerry's\n</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&#10;&lt;/a&gt;');
    expect(cdata('a]]>b]]>')).toBe('<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>]]>');
  });

  it('writes one testsuite per file, a failing testcase per error and warnings as system-out', () => {
    const problems: Problem[] = [
      { file: 'accounts/acme.md', line: 9, column: 17, severity: 'error', rule: 'schema', message: 'pure.urgent.score must be an integer from 0 to 3' },
      { file: 'accounts/acme.md', line: 12, column: 3, severity: 'warning', rule: 'unknown-key', message: 'unknown key "fitt"' },
    ];
    expect(render(problems, ['accounts/acme.md', 'segments/s.md'])).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="abx validate" tests="3" failures="1" errors="0">',
        '  <testsuite name="accounts/acme.md" tests="2" failures="1" errors="0" skipped="0">',
        '    <testcase classname="accounts/acme.md" name="9:17 schema" file="accounts/acme.md" line="9">',
        '      <failure type="schema" message="pure.urgent.score must be an integer from 0 to 3"><![CDATA[accounts/acme.md:9:17 error schema',
        'pure.urgent.score must be an integer from 0 to 3]]></failure>',
        '    </testcase>',
        '    <testcase classname="accounts/acme.md" name="12:3 unknown-key" file="accounts/acme.md" line="12">',
        '      <system-out><![CDATA[accounts/acme.md:12:3 warning unknown-key',
        'unknown key "fitt"]]></system-out>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="segments/s.md" tests="1" failures="0" errors="0" skipped="0">',
        '    <testcase classname="segments/s.md" name="no problems" file="segments/s.md"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('parses as XML whatever the messages hold, and keeps their text', () => {
    const nasty = 'bad \u0000\u0007 chars ]]> & <tag attr="1"> \'quoted\' \ud83d end';
    const problems: Problem[] = [
      { file: 'accounts/<x>&"y".md', line: 1, column: 1, severity: 'error', rule: 'schema', message: nasty },
      { file: 'accounts/<x>&"y".md', line: 2, column: 1, severity: 'warning', rule: 'table-drift', message: `]]>${nasty}` },
    ];
    const xml = render(problems, ['accounts/<x>&"y".md']);
    expect(XMLValidator.validate(xml, { allowBooleanAttributes: false })).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', cdataPropName: '#cdata', processEntities: true }).parse(xml);
    const suite = parsed.testsuites.testsuite;
    expect(suite['@name']).toBe('accounts/<x>&"y".md');
    const clean = 'bad  chars ]]> & <tag attr="1"> \'quoted\'  end';
    expect(suite.testcase[0].failure['@message']).toBe(clean);
    const text = (node: unknown) => ([] as unknown[]).concat(node).join('');
    expect(text(suite.testcase[0].failure['#cdata'])).toBe(`accounts/<x>&"y".md:1:1 error schema\n${clean}`);
    expect(text(suite.testcase[1]['system-out']['#cdata'])).toBe(`accounts/<x>&"y".md:2:1 warning table-drift\n]]>${clean}`);
  });
});

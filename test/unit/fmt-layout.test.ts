import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { normaliseLayout } from '../../src/core/layout.js';
import { FIXTURES, REPO } from '../helpers.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === '.github' ? [] : walk(path)) : [path];
  });
}

const comments = (text: string) => text.split(/\r?\n/).flatMap((l) => /(?:^|\s)(#.*)$/.exec(l)?.[1]?.trimEnd() ?? []);

const files = [...walk(FIXTURES), ...walk(join(REPO, 'templates', 'example')), ...walk(join(REPO, 'templates', 'init'))].filter((f) => /\.(md|ya?ml)$/.test(f));

describe('the normal layout', () => {
  it('covers the fixtures and the example workspace', () => expect(files.length).toBeGreaterThan(40));

  it.each(files.map((f) => [relative(REPO, f), f]))('%s: a second run changes nothing and every comment is kept', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const first = normaliseLayout(text, !path.endsWith('.md'));
    if (!first.ok) {
      // Only files whose YAML is broken on purpose are refused.
      expect(first.syntax).toBe(true);
      return;
    }
    const second = normaliseLayout(first.text, !path.endsWith('.md'));
    expect(second).toEqual({ ok: true, text: first.text });
    expect(comments(first.text)).toEqual(comments(text).map((c) => c));
  });

  it('normalises spacing, indentation and flow padding, keeping comments, anchors, unknown keys and the body', () => {
    const text = [
      '---',
      '# heading comment',
      'name:   Acme   # display',
      'pure:',
      '    painful:    { score: 3,evidence: "Slips" }',
      'tags: [ a,  b ]',
      'base: &b { x: 1 }',
      'copy: *b',
      'zz-unknown: yes',
      'icp: >-',
      '    Wrapped prose that the',
      '    author wrapped by hand.',
      '---',
      'Body   stays   as is.',
      '',
    ].join('\n');
    const out = normaliseLayout(text, false);
    expect(out).toEqual({
      ok: true,
      text: [
        '---',
        '# heading comment',
        'name: Acme # display',
        'pure:',
        '  painful: { score: 3, evidence: "Slips" }',
        'tags: [a, b]',
        'base: &b { x: 1 }',
        'copy: *b',
        'zz-unknown: yes',
        'icp: >-',
        '  Wrapped prose that the',
        '  author wrapped by hand.',
        '---',
        'Body   stays   as is.',
        '',
      ].join('\n'),
    });
  });

  it('keeps CRLF files CRLF and the byte-order mark', () => {
    const out = normaliseLayout('\uFEFF---\r\nname:  A\r\nlist: [ x ]\r\n---\r\nbody\r\n', false);
    expect(out).toEqual({ ok: true, text: '\uFEFF---\r\nname: A\r\nlist: [x]\r\n---\r\nbody\r\n' });
  });

  it('refuses files whose YAML does not parse, with a position in the file', () => {
    expect(normaliseLayout('---\nname: A\nbad: [\n---\n', false)).toMatchObject({ ok: false, syntax: true, line: 4 });
    expect(normaliseLayout('---\nname: A\n', false)).toMatchObject({ ok: false, syntax: true, line: 1 });
  });

  it('leaves empty frontmatter and plain YAML lists of KPI records in shape', () => {
    expect(normaliseLayout('---\n---\nbody\n', false)).toEqual({ ok: true, text: '---\n---\nbody\n' });
    expect(normaliseLayout('- { kpi: x,  period: 2026-10, value: 1 }   # n\n', true)).toEqual({ ok: true, text: '- { kpi: x, period: 2026-10, value: 1 } # n\n' });
  });

  it("keeps every scalar's source text and runs of blank lines", () => {
    const text = ['---', 'name:  Acme', 'crm_id: 12345678901234567890', 'a: 4.20e8', 'b: 1.0e3', 'c: .5', 'd: +1', 'e: 007', '', '', 'f: [ 1.0, 0x1F ]', 'g:', '    - 1.50', '---', 'body', ''].join('\n');
    const want = ['---', 'name: Acme', 'crm_id: 12345678901234567890', 'a: 4.20e8', 'b: 1.0e3', 'c: .5', 'd: +1', 'e: 007', '', '', 'f: [1.0, 0x1F]', 'g:', '  - 1.50', '---', 'body', ''].join('\n');
    expect(normaliseLayout(text, false)).toEqual({ ok: true, text: want });
    expect(normaliseLayout(want, false)).toEqual({ ok: true, text: want });
  });
});

import { describe, expect, it } from 'vitest';
import { chmodSync, cpSync, lstatSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { exampleWorkspace, makeWorkspace, runAbx, tempDir } from '../helpers.js';

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === '.git') continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const comments = (files: Record<string, string>) =>
  Object.values(files).flatMap((t) => t.split(/\r?\n/).flatMap((l) => /(?:^|\s)(#\s.*)$/.exec(l)?.[1]?.trimEnd() ?? []));

describe('abx fmt', () => {
  it('leaves the freshly written example workspace as it is, and a second run changes no byte', () => {
    const ws = exampleWorkspace();
    const before = snapshot(ws);
    expect(runAbx(['fmt', '--check'], { cwd: ws })).toMatchObject({ code: 0, stdout: '' });
    expect(runAbx(['fmt'], { cwd: ws })).toMatchObject({ code: 0, stdout: '' });
    expect(snapshot(ws)).toEqual(before);
  });

  it('formats a hand-edited example workspace once; the second run changes no byte and every comment survives', () => {
    const ws = exampleWorkspace();
    const path = join(ws, 'accounts/northwind-logistics.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n  - \{ date:/g, '\n      - { date:'));
    const before = snapshot(ws);
    const check = runAbx(['fmt', '--check'], { cwd: ws });
    expect(check.code).toBe(1);
    expect(check.stdout).toBe('accounts/northwind-logistics.md\n');
    expect(snapshot(ws)).toEqual(before);

    const first = runAbx(['fmt'], { cwd: ws });
    expect(first.code).toBe(0);
    const after = snapshot(ws);
    expect(comments(after)).toEqual(comments(before));
    expect(readFileSync(path, 'utf8')).toContain('\nengagement:\n  - { date:');
    expect(runAbx(['fmt'], { cwd: ws })).toMatchObject({ code: 0, stdout: '' });
    expect(snapshot(ws)).toEqual(after);
    expect(runAbx(['fmt', '--check'], { cwd: ws })).toMatchObject({ code: 0, stdout: '' });
    expect(runAbx(['validate'], { cwd: ws }).code).toBe(0);
    const json = (d: string) => JSON.parse(runAbx(['score', '--format', 'json'], { cwd: d }).stdout) as unknown;
    expect(json(ws)).toEqual(json(exampleWorkspace()));
  });

  it('keeps columns the author aligned and normalises stray spacing', () => {
    const ws = makeWorkspace({
      'segments/s.md': '---\nname:    S            # display name\nicp:     Mid-market   # who buys\nkey_message: Win    # stray\n---\n',
    });
    expect(runAbx(['fmt'], { cwd: ws }).code).toBe(0);
    expect(readFileSync(join(ws, 'segments/s.md'), 'utf8')).toBe('---\nname:    S            # display name\nicp:     Mid-market   # who buys\nkey_message: Win # stray\n---\n');
  });

  it('rewrites drifted generated blocks (adding none), and keeps CRLF files CRLF', () => {
    const ws = makeWorkspace({
      'accounts/a.md':
        '---\r\nname:   A   # hi\r\npure: { painful: { score: 1, evidence: e }, urgent: { score: 0 }, recognized: { score: 0 }, expensive: { score: 0 } }\r\n---\r\n\r\n# A\r\n\r\n<!-- abx:begin pure -->\r\nold\r\n<!-- abx:end pure -->\r\n',
      'accounts/b.md': '---\nname: B\n---\n# B\n',
    });
    expect(runAbx(['fmt'], { cwd: ws })).toMatchObject({ code: 0, stdout: 'accounts/a.md\n' });
    const text = readFileSync(join(ws, 'accounts/a.md'), 'utf8');
    expect(text.startsWith('---\r\nname: A # hi\r\npure: { painful: { score: 1, evidence: e }')).toBe(true);
    expect(text).toContain('<!-- abx:begin pure -->\r\n| Criterion | Score (0-3) | Evidence |\r\n');
    expect(text).not.toContain('abx:begin fit');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(readFileSync(join(ws, 'accounts/b.md'), 'utf8')).toBe('---\nname: B\n---\n# B\n');
    expect(runAbx(['validate'], { cwd: ws }).code).toBe(0);
    expect(runAbx(['fmt', '--check'], { cwd: ws }).code).toBe(0);
  });

  it('never rewrites a file whose YAML does not parse, and exits 1 naming it', () => {
    const broken = '---\nname: [A\n---\nbody\n';
    const ws = makeWorkspace({ 'accounts/broken.md': broken, 'accounts/ok.md': '---\nname:  Ok\n---\n' });
    const r = runAbx(['fmt', 'accounts/broken.md'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^accounts\/broken\.md:\d+:\d+: frontmatter-syntax: .* \(not formatted\)$/m);
    expect(readFileSync(join(ws, 'accounts/broken.md'), 'utf8')).toBe(broken);
    expect(readFileSync(join(ws, 'accounts/ok.md'), 'utf8')).toBe('---\nname:  Ok\n---\n');
  });

  it('keeps a file mode and refuses to write through a link', () => {
    const ws = makeWorkspace({ 'segments/s.md': '---\nname:   S\n---\n' });
    const outside = makeWorkspace({});
    writeFileSync(join(outside, 'target.md'), '---\nname:   T\n---\n');
    chmodSync(join(ws, 'segments/s.md'), 0o640);
    symlinkSync(join(ws, 'segments/s.md'), join(ws, 'segments/link.md'));
    const r = runAbx(['fmt'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('segments/link.md:1:1: not written:');
    expect(lstatSync(join(ws, 'segments/link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(ws, 'segments/s.md'), 'utf8')).toBe('---\nname: S\n---\n');
    expect(statSync(join(ws, 'segments/s.md')).mode & 0o777).toBe(0o640);
  });

  it('keeps markers inside fenced code blocks as written, and fails on markers it cannot repair', () => {
    const ws = exampleWorkspace();
    const path = join(ws, 'accounts/northwind-logistics.md');
    const fenced = '\n```markdown\n<!-- abx:begin pure -->\nexample\n<!-- abx:end pure -->\n```\n\n~~~\n<!-- abx:begin fit -->\n~~~\n';
    const text = readFileSync(path, 'utf8') + fenced;
    writeFileSync(path, text);
    expect(runAbx(['fmt'], { cwd: ws })).toMatchObject({ code: 0, stdout: '' });
    expect(runAbx(['score', '--write', '--as-of', '2026-11-24'], { cwd: ws }).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text);

    const broken = text.replace('<!-- abx:end pure -->\n\n', '\n\n');
    expect(broken).not.toBe(text);
    writeFileSync(path, broken);
    const check = runAbx(['fmt', '--check'], { cwd: ws });
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/^accounts\/northwind-logistics\.md:\d+:1: block-markers: generated block "pure" is not closed before another begins: fix the markers by hand$/m);
    const validate = runAbx(['validate', '--as-of', '2026-11-24', '--format', 'json'], { cwd: ws });
    const rules = (JSON.parse(validate.stdout) as { problems: { rule: string }[] }).problems.map((p) => p.rule);
    expect(rules).toContain('block-markers');
    expect(rules).not.toContain('table-drift');
    expect(readFileSync(path, 'utf8')).toBe(broken);
  });

  it('--check names exactly the files fmt rewrites: canonical, almost canonical and hostile files', () => {
    const ws = exampleWorkspace();
    const base = readFileSync(join(ws, 'accounts/northwind-logistics.md'), 'utf8');
    for (const name of readdirSync(join(ws, 'accounts'))) rmSync(join(ws, 'accounts', name));
    const variants: Record<string, string> = {
      canonical: base,
      'key-order': base.replace('name: Northwind Logistics\ndomain: northwind-logistics.example\n', 'domain: northwind-logistics.example\nname: Northwind Logistics\n'),
      quoted: base.replace('name: Northwind Logistics', "name: 'Northwind Logistics'"),
      comment: base.replace('\nfit:\n', '\n# given by hand\nfit:\n'),
      'comment-misplaced': base.replace('\nfit:\n', '\nfit:\n# given by hand\n'),
      crlf: base.replace(/\n/g, '\r\n'),
      bom: `\uFEFF${base}`,
      'stale-block': base.replace(/\| TOTAL \| (\d+)\/12/, '| TOTAL | 1$1/12'),
      unpadded: base.replace('technographics: { stack: [', 'technographics: {stack: [ '),
      'block-scalar': base.replace('\nfit:\n', '\nnote: >-\n      Wrapped\n      by hand\nfit:\n'),
      anchor: base.replace('segment: regional-3pl', 'segment:   &s regional-3pl'),
      'broken-yaml': base.replace('technographics: { stack: [', 'technographics: { stack: ['.slice(0, -1)),
      tab: base.replace('segment: regional-3pl', 'segment:\tregional-3pl'),
    };
    for (const [name, text] of Object.entries(variants)) writeFileSync(join(ws, `accounts/v-${name}.md`), text);
    expect(new Set(Object.values(variants)).size).toBe(Object.keys(variants).length);
    const copy = join(tempDir(), 'copy');
    cpSync(ws, copy, { recursive: true });

    const check = runAbx(['fmt', '--check'], { cwd: ws });
    const written = runAbx(['fmt'], { cwd: copy });
    const before = snapshot(ws);
    const after = snapshot(copy);
    const rewritten = Object.keys(before).filter((path) => before[path] !== after[path]).sort();
    expect(rewritten).toEqual(['accounts/v-anchor.md', 'accounts/v-block-scalar.md', 'accounts/v-comment-misplaced.md', 'accounts/v-stale-block.md', 'accounts/v-tab.md', 'accounts/v-unpadded.md']);
    expect(check.stdout).toBe(rewritten.map((p) => `${p}\n`).join(''));
    expect(written.stdout).toBe(check.stdout);
    expect(check.code).toBe(1);
    // The broken file is refused by both, and named the same way.
    expect(check.stderr.split('\n').filter((l) => l.startsWith('accounts/'))).toEqual(written.stderr.split('\n').filter((l) => l.startsWith('accounts/')));
    expect(check.stderr).toMatch(/^accounts\/v-broken-yaml\.md:\d+:\d+: frontmatter-syntax: /m);
    expect(after['accounts/v-unpadded.md']).toBe(base);
    expect(after['accounts/v-stale-block.md']).toBe(base);
    // What fmt wrote, --check finds formatted; a second fmt changes no byte.
    rmSync(join(copy, 'accounts/v-broken-yaml.md'));
    expect(runAbx(['fmt', '--check'], { cwd: copy })).toMatchObject({ code: 0, stdout: '' });
  });

  it('says so when there is nothing to check', () => {
    const ws = makeWorkspace({ 'abx.config.yaml': 'version: 1\n' });
    expect(runAbx(['fmt', '--check'], { cwd: ws })).toMatchObject({ code: 0, stderr: 'No files to format.\n' });
  });
});

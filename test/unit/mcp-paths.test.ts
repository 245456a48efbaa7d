import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confine } from '../../src/mcp/paths.js';

function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'abx-confine-'));
  const outside = mkdtempSync(join(tmpdir(), 'abx-outside-'));
  mkdirSync(join(root, 'accounts'));
  writeFileSync(join(root, 'accounts/acme.md'), 'x');
  writeFileSync(join(outside, 'secret.md'), 'x');
  symlinkSync(join(outside, 'secret.md'), join(root, 'accounts/link.md'));
  symlinkSync(outside, join(root, 'linked'));
  symlinkSync(join(root, 'accounts'), join(root, 'inner'));
  return { root, outside };
}

describe('confine: the one path check of abx mcp', () => {
  const { root } = workspace();
  const real = realpathSync(root);

  it('accepts workspace-relative paths, existing or not, and normalises them', () => {
    expect(confine(root, 'accounts/acme.md')).toEqual({ rel: 'accounts/acme.md', abs: join(real, 'accounts/acme.md'), exists: true });
    expect(confine(root, './accounts//new.md')).toEqual({ rel: 'accounts/new.md', abs: join(real, 'accounts/new.md'), exists: false });
    expect(confine(root, 'bets/deep/new.md').exists).toBe(false);
  });

  it.each([
    ['', 'the path is empty'],
    ['../x.md', '"../x.md" climbs out with "..": abx mcp reads and writes only inside the workspace'],
    ['accounts/../../x.md', '"accounts/../../x.md" climbs out with "..": abx mcp reads and writes only inside the workspace'],
    ['/etc/passwd', '"/etc/passwd" is absolute: name a path relative to the workspace root'],
    ['C:/x.md', '"C:/x.md" is absolute: name a path relative to the workspace root'],
    ['accounts\\acme.md', '"accounts\\\\acme.md": write paths with / (a backslash is refused)'],
    ['accounts/a\0.md', '"accounts/a\\u0000.md" holds a NUL character'],
    ['.', '"." names the workspace root, not a file'],
    ['accounts/link.md', '"accounts/link.md" passes through a symbolic link (accounts/link.md): abx mcp does not follow links'],
    ['linked/secret.md', '"linked/secret.md" passes through a symbolic link (linked): abx mcp does not follow links'],
    ['linked/new/deeper.md', '"linked/new/deeper.md" passes through a symbolic link (linked): abx mcp does not follow links'],
    ['inner/acme.md', '"inner/acme.md" passes through a symbolic link (inner): abx mcp does not follow links'],
  ])('refuses %j', (path, message) => {
    expect(() => confine(root, path)).toThrow(message);
  });
});

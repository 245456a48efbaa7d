/**
 * git runs safely on a hostile checkout (src/workspace/git.ts): a repository whose
 * .gitattributes asks for a diff driver and a textconv, whose config names an fsmonitor, a pager,
 * hooks and a gpg program (log.showSignature=true, with a signed commit), and an environment
 * that sets GIT_DIR, GIT_EXTERNAL_DIFF, pagers and config. Each of these would run a trap that
 * leaves a marker file; plain git is shown to spring them, abx springs none.
 */
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAbx, tempDir } from '../helpers.js';
import { buildHistoryRepo, gitIn, write } from './diff-repo.js';

let dir: string;
let marks: string;
let trap: string;
let hostileEnv: Record<string, string>;

const HOOKS = ['post-checkout', 'reference-transaction', 'post-index-change', 'pre-auto-gc', 'post-rewrite', 'pre-commit', 'post-merge', 'fsmonitor-watchman'];

function script(path: string, body: string): string {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

beforeAll(() => {
  dir = buildHistoryRepo().dir;
  const bin = tempDir('abx-git-traps-');
  marks = join(bin, 'marks');
  mkdirSync(marks);
  trap = script(join(bin, 'trap'), `touch "${marks}/$1"\ncat >/dev/null 2>&1\nexit 0`);
  const fsmonitor = script(join(bin, 'fsmonitor'), `touch "${marks}/fsmonitor"\nexit 1`);
  const textconv = script(join(bin, 'textconv'), `touch "${marks}/textconv"\ncat "$1"`);
  // Signs anything (for the signed commit below); verifying leaves the "gpg" marker.
  const gpg = script(
    join(bin, 'gpg'),
    [`for a in "$@"; do [ "$a" = --verify ] && { touch "${marks}/gpg"; exit 0; }; done`, 'cat >/dev/null', 'printf "\\n[GNUPG:] SIG_CREATED D 1 8 00 1 ABCDEF\\n" >&2', "printf -- '-----BEGIN PGP SIGNATURE-----\\n\\nfake\\n-----END PGP SIGNATURE-----\\n'"].join('\n'),
  );
  const config: [string, string][] = [
    ['diff.evil.command', `${trap} ext-diff`],
    ['diff.evil.textconv', textconv],
    ['core.fsmonitor', fsmonitor],
    ['core.pager', `${trap} core-pager`],
    ['pager.log', `${trap} pager-log`],
    ['log.showSignature', 'true'],
    ['gpg.program', gpg],
  ];
  for (const [key, value] of config) gitIn(dir, ['config', key, value]);
  for (const hook of HOOKS) script(join(dir, '.git', 'hooks', hook), `touch "${marks}/hook-${hook}"`);
  write(dir, { '.gitattributes': '* diff=evil\n' });
  // Signed, and with alpha's uncommitted change, so that history lists it.
  gitIn(dir, ['add', '-A']);
  gitIn(dir, ['-c', `gpg.program=${gpg}`, 'commit', '-q', '--no-verify', '-S', '-m', 'Ask for a diff driver'], { GIT_AUTHOR_DATE: '2026-11-15T12:00:00Z', GIT_COMMITTER_DATE: '2026-11-15T12:00:00Z' });
  hostileEnv = {
    GIT_EXTERNAL_DIFF: `${trap}`,
    GIT_PAGER: `${trap} git-pager`,
    PAGER: `${trap} pager`,
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'core.pager',
    GIT_CONFIG_VALUE_0: `${trap} config-env`,
    GIT_CONFIG_PARAMETERS: `'core.fsmonitor'='${fsmonitor}'`,
    GIT_DIR: join(bin, 'not-a-repository'),
  };
});

const sprung = () => readdirSync(marks).sort();

beforeEach(() => {
  rmSync(marks, { recursive: true });
  mkdirSync(marks);
});

describe('git on a hostile checkout', () => {
  it('springs the traps when plain git is asked to diff, show signatures and read the index', () => {
    const plain = (args: string[]) => spawnSync('git', args, { cwd: dir, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_PAGER: '', PAGER: '' }, encoding: 'utf8' });
    plain(['log', '-1', '-p', '--ext-diff']);
    plain(['log', '-1', '-p']);
    plain(['status']);
    expect(sprung()).toEqual(['ext-diff', 'fsmonitor', 'gpg', 'hook-post-index-change', 'textconv']);
  });

  it.each([
    ['diff', ['diff', 'main', '--format', 'markdown']],
    ['history', ['history', 'alpha']],
    ['score --at', ['score', '--at', 'main']],
    ['validate', ['validate']],
  ])('abx %s runs no driver, pager, hook, fsmonitor or gpg, and ignores the GIT_* environment', (_name, args) => {
    const r = runAbx(args, { cwd: dir, env: hostileEnv });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(sprung()).toEqual([]);
  });

  it('history runs no gpg where log.showSignature=true, and lists the signed commit', () => {
    const r = runAbx(['history', 'alpha', '--format', 'json'], { cwd: dir });
    expect({ code: r.code, stderr: r.stderr, gpg: sprung() }).toEqual({ code: 0, stderr: '', gpg: [] });
    expect(r.stdout).toContain('Ask for a diff driver');
  });

  it('never runs a program named git from the repository, even with . on PATH', () => {
    script(join(dir, 'git'), `touch "${marks}/repository-git"\nexit 1`);
    try {
      const r = runAbx(['diff', 'main', '--format', 'json'], { cwd: dir, env: { PATH: `.${delimiter}${delimiter}${process.env.PATH ?? ''}` } });
      expect({ code: r.code, stderr: r.stderr, sprung: sprung() }).toEqual({ code: 0, stderr: '', sprung: [] });
    } finally {
      rmSync(join(dir, 'git'));
    }
  });
});

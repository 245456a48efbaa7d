/** Paths the config names stay inside the workspace by their text; bounds the config cannot lift. */
import { describe, expect, it } from 'vitest';
import { checkSchema } from '../../src/core/check-schema.js';
import { oversizedConfigLists, pathOutsideWorkspace, resolveConfig } from '../../src/core/config.js';
import { configSchema } from '../../src/core/config-schema.js';
import { MAX_WORKSPACE_FILES } from '../../src/core/bounds.js';
import { requireFileCount, WorkspaceError } from '../../src/workspace/load.js';

describe('pathOutsideWorkspace', () => {
  it.each([
    ['accounts/**/*.md', true],
    ['crm/accounts/*.md', true],
    ['schemas/account.json', false],
    ['a..b/*.md', true],
    ['.abx/x.json', false],
  ])('accepts %s', (path, glob) => {
    expect(pathOutsideWorkspace(path, glob)).toBeUndefined();
  });

  it.each([
    ['../x/*.md', true, '"../x/*.md" leaves the workspace through "..": paths in the config must stay inside the folder of abx.config.yaml'],
    ['accounts/../../x/*.md', true, '"accounts/../../x/*.md" leaves the workspace through "..": paths in the config must stay inside the folder of abx.config.yaml'],
    ['{accounts,..}/*.md', true, '"{accounts,..}/*.md" leaves the workspace through "..": paths in the config must stay inside the folder of abx.config.yaml'],
    ['/tmp/*.md', true, '"/tmp/*.md" is an absolute path: paths in the config are relative to the folder of abx.config.yaml, and abx reads nothing outside it'],
    ['C:/x.json', false, '"C:/x.json" is an absolute path: paths in the config are relative to the folder of abx.config.yaml, and abx reads nothing outside it'],
    ['\\\\server\\x.json', false, '"\\\\\\\\server\\\\x.json" is an absolute path: paths in the config are relative to the folder of abx.config.yaml, and abx reads nothing outside it'],
    ['a\\..\\x.json', false, '"a\\\\..\\\\x.json" contains a backslash: write paths with /'],
    ['.git/config', false, '".git/config" reaches into .git: abx never reads git\'s own files (they can hold credentials)'],
    ['{kpis,.Git}/*', true, '"{kpis,.Git}/*" reaches into .git: abx never reads git\'s own files (they can hold credentials)'],
    ['a\nb', false, '"a\\nb" contains a control character'],
    ['a/**/**/**/**/**/*.md', true, '"a/**/**/**/**/**/*.md" has 5 "**" parts: at most 4 are allowed'],
  ])('refuses %j', (path, glob, why) => {
    expect(pathOutsideWorkspace(path, glob)).toBe(why);
  });
});

describe('resolveConfig on paths', () => {
  it('reports each refused path at its key and keeps the default for the kind', () => {
    const { config, findings } = resolveConfig({ version: 1, paths: { accounts: '../x/*.md' }, schemas: { bets: '/etc/passwd' } });
    expect(findings.map((f) => [f.rule, f.path])).toEqual([
      ['schema', ['paths', 'accounts']],
      ['schema', ['schemas', 'bets']],
    ]);
    expect([config.paths.accounts, config.schemas.bets]).toEqual(['accounts/**/*.md', undefined]);
  });

  it('drops a leading ./ so that the glob matches what the walk sees', () => {
    const { config, findings } = resolveConfig({ version: 1, paths: { accounts: './crm/*.md' }, schemas: { accounts: './s.json' } });
    expect([findings, config.paths.accounts, config.schemas.accounts]).toEqual([[], 'crm/*.md', 's.json']);
  });
});

describe('config bounds', () => {
  const messages = (data: unknown) => checkSchema(configSchema, data, 'the config').findings.map((f) => f.message);

  it('bounds the scoring windows to ten years', () => {
    expect(messages({ version: 1, scoring: { mqa: { window_days: 3651 } } })).toEqual(['scoring.mqa.window_days must be a whole number of days from 1 to 3650 (ten years)']);
    expect(messages({ version: 1, scoring: { mqa: { window_days: 3650 } } })).toEqual([]);
  });

  it('bounds lists and maps, for editors too', () => {
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`t${i}`, 1]));
    expect(messages({ version: 1, scoring: { engagement: { points: many } } })).toEqual(['scoring.engagement.points must have at most 200 entries']);
    expect(messages({ version: 1, journey: { stages: Array.from({ length: 201 }, (_, i) => `s${i}`) } })).toEqual(['journey.stages must have at most 200 stages']);
  });

  it('finds oversized lists and maps before any entry is checked', () => {
    const bad = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`t${i}`, -1]));
    expect(oversizedConfigLists({ version: 1, scoring: { engagement: { points: bad } }, rules: { a: 'off' }, journey: { stages: Array.from({ length: 201 }, () => 's') } })).toEqual([
      { rule: 'schema', path: ['journey', 'stages'], message: 'journey.stages has 201 entries: at most 200 are allowed' },
      { rule: 'schema', path: ['scoring', 'engagement', 'points'], message: 'scoring.engagement.points has 5,000 entries: at most 200 are allowed' },
    ]);
    expect(oversizedConfigLists({ version: 1, kpis: 'x', rules: null })).toEqual([]);
  });

  it('bounds the length of a path', () => {
    expect(messages({ version: 1, schemas: { accounts: `${'a'.repeat(257)}.json` } })).toEqual(['schemas.accounts must be at most 256 characters']);
  });

  it('stops a workspace past the file limit, naming the limit', () => {
    expect(() => requireFileCount(MAX_WORKSPACE_FILES)).not.toThrow();
    expect(() => requireFileCount(MAX_WORKSPACE_FILES + 1)).toThrow(WorkspaceError);
    expect(() => requireFileCount(123_456)).toThrow(
      'the kind globs of abx.config.yaml match 123,456 files, more than the limit of 100,000 files per workspace: narrow the globs in paths, or split the workspace',
    );
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askInitAnswers, type InitPrompter } from '../../src/cli/commands/init.js';
import { runAbx, tempDir } from '../helpers.js';

describe('abx init', () => {
  it('scaffolds a workspace whose templates validate, with a CI workflow and a git repository', () => {
    const dir = join(tempDir(), 'strategy');
    const r = runAbx(['init', dir, '--yes', '--company', 'Acme: Rockets #1', '--stage', 'scaling']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Created a workspace');
    for (const f of ['abx.config.yaml', 'README.md', '.github/workflows/abx.yml', 'segments/example-segment.md', 'accounts/example-account.md', 'bets/example-bet.md', 'journeys/example-journey.md']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    expect(existsSync(join(dir, '.git'))).toBe(true);
    const config = readFileSync(join(dir, 'abx.config.yaml'), 'utf8');
    expect(config).toMatch(/^company: "Acme: Rockets #1"/m);
    expect(config).toMatch(/^stage: scaling/m);
    expect(readFileSync(join(dir, '.github/workflows/abx.yml'), 'utf8')).toContain('abx validate --format github');
    const v = runAbx(['-C', dir, 'validate', '--format', 'json']);
    expect(JSON.parse(v.stdout)).toMatchObject({ files: 8, errors: 0, warnings: 0 }); // 4 + i13's messaging, collateral and plan.md + i14's investment
    expect(v.code).toBe(0);
  });

  it('writes one segment per name given, and references them', () => {
    const dir = join(tempDir(), 'w');
    expect(runAbx(['init', dir, '--yes', '--segments', 'Defense Primes, Space Startups']).code).toBe(0);
    expect(existsSync(join(dir, 'segments/defense-primes.md'))).toBe(true);
    expect(existsSync(join(dir, 'segments/space-startups.md'))).toBe(true);
    expect(existsSync(join(dir, 'segments/example-segment.md'))).toBe(false);
    expect(readFileSync(join(dir, 'segments/space-startups.md'), 'utf8')).toMatch(/^name: "Space Startups"/m);
    const v = runAbx(['-C', dir, 'validate', '--format', 'json']);
    expect(JSON.parse(v.stdout)).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('never overwrites without --force, and writes nothing then', () => {
    const dir = join(tempDir(), 'w');
    expect(runAbx(['init', dir, '--yes']).code).toBe(0);
    writeFileSync(join(dir, 'abx.config.yaml'), 'version: 1\ncompany: Mine\n');
    const again = runAbx(['init', dir, '--yes', '--example']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('abx.config.yaml');
    expect(again.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'abx.config.yaml'), 'utf8')).toBe('version: 1\ncompany: Mine\n');
    expect(existsSync(join(dir, 'accounts/northwind-logistics.md'))).toBe(false);
    expect(runAbx(['init', dir, '--yes', '--example', '--force']).code).toBe(0);
    expect(existsSync(join(dir, 'accounts/northwind-logistics.md'))).toBe(true);
  });

  it('does not prompt without a terminal (stdin is not a TTY here)', () => {
    const dir = join(tempDir(), 'w');
    const r = runAbx(['init', dir]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'abx.config.yaml'), 'utf8')).toMatch(/^company: "My Company"/m);
  });

  it('asks for company, stage and first segments on a terminal', async () => {
    const asked: string[] = [];
    const prompter: InitPrompter = {
      input: async (message, def) => {
        asked.push(`${message} [${def}]`);
        return message.startsWith('Company') ? 'Orbital Freight' : 'Defense Primes,  Space Startups ,';
      },
      selectStage: async (message, def) => {
        asked.push(`${message} [${def}]`);
        return 'leader';
      },
    };
    const answers = await askInitAnswers(prompter, { company: 'Strategy', stage: 'early', segments: [] });
    expect(answers).toEqual({ company: 'Orbital Freight', stage: 'leader', segments: ['Defense Primes', 'Space Startups'] });
    expect(asked).toEqual([
      'Company name (shown in reports) [Strategy]',
      'Company stage (picks the budget guidance) [early]',
      'First segments, comma-separated (leave empty for one example segment) []',
    ]);
  });
});

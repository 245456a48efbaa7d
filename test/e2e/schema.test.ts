import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAbx, tempDir } from '../helpers.js';
import { DATE_PATTERN } from '../../src/core/json-schema.js';

describe('abx schema', () => {
  it('prints one kind, or all of them under $defs', () => {
    const one = runAbx(['schema', 'bet']);
    expect(one.code).toBe(0);
    const bet = JSON.parse(one.stdout);
    expect(bet.title).toBe('abx bet card');
    expect(bet.properties.status).toEqual({ description: 'proposed, running, won or killed: a running bet needs started and review_by; a won or killed bet, its result.', type: 'string', enum: ['proposed', 'running', 'won', 'killed'] });
    expect(bet.properties.review_by).toEqual({ description: 'When to review the bet (YYYY-MM-DD): a running bet past it is overdue.', type: 'string', maxLength: 40, pattern: DATE_PATTERN, format: 'date' });
    const all = JSON.parse(runAbx(['schema']).stdout);
    expect(Object.keys(all.$defs)).toEqual(['segment', 'account', 'bet', 'journey', 'kpi', 'messaging', 'collateral', 'plan', 'investment', 'config']);
  });

  it('rejects an unknown kind with exit 2', () => {
    const r = runAbx(['schema', 'acount']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('abx: no kind "acount": use one of segment, account, bet, journey, kpi, messaging, collateral, plan, investment, config (did you mean "account"?)\n');
  });

  it('is written by abx init, with VS Code settings pointing at it', () => {
    const dir = join(tempDir(), 'ws');
    expect(runAbx(['init', dir, '--yes']).code).toBe(0);
    for (const kind of ['segment', 'account', 'bet', 'journey', 'kpi', 'messaging', 'collateral', 'plan', 'investment', 'config']) {
      const path = join(dir, '.abx', 'schemas', `${kind}.schema.json`);
      expect(existsSync(path)).toBe(true);
      expect(readFileSync(path, 'utf8')).toBe(runAbx(['schema', kind]).stdout);
    }
    const settings = JSON.parse(readFileSync(join(dir, '.vscode', 'settings.json'), 'utf8'));
    expect(settings['yaml.schemas']).toEqual({ './.abx/schemas/config.schema.json': ['abx.config.yaml'], './.abx/schemas/kpi.schema.json': ['kpis/**/*.yaml'], './.abx/schemas/investment.schema.json': ['investments/**/*.yaml'] });
    for (const path of Object.keys(settings['yaml.schemas'])) expect(existsSync(join(dir, path))).toBe(true);
    expect(runAbx(['validate'], { cwd: dir }).code).toBe(0);
  });
});

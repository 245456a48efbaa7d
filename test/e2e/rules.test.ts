/**
 * Every rule has a fixture workspace that triggers it (fail/) and a near miss that passes (pass/);
 * test/fixtures/rules/<rule>/expected.json lists every problem the failing one must give, located.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/core/problem.js';
import { FIXTURES, runAbx, tempDir } from '../helpers.js';

const RULES_DIR = join(FIXTURES, 'rules');
const cases = readdirSync(RULES_DIR).sort();

function copy(rule: string, variant: 'fail' | 'pass'): string {
  const dir = join(tempDir(), variant);
  cpSync(join(RULES_DIR, rule, variant), dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

interface JsonReport {
  files: number;
  errors: number;
  warnings: number;
  problems: { file: string; line: number; column: number; severity: string; rule: string; message: string }[];
}

describe('rule fixtures', () => {
  it('cover every rule id', () => {
    const covered = new Set(cases.map((c) => c.replace(/-link$/, '')));
    expect(RULE_IDS.filter((r) => !covered.has(r))).toEqual([]);
  });

  for (const rule of cases) {
    const ruleId = rule.replace(/-link$/, '');
    describe(rule, () => {
      it('fails with located problems', () => {
        const expected = JSON.parse(readFileSync(join(RULES_DIR, rule, 'expected.json'), 'utf8')) as JsonReport['problems'];
        const r = runAbx(['-C', copy(rule, 'fail'), 'validate', '--format', 'json']);
        expect(r.stderr).toBe('');
        const report = JSON.parse(r.stdout) as JsonReport;
        const got = report.problems.map(({ file, line, column, severity, rule: id }) => ({ file, line, column, severity, rule: id }));
        expect(got).toEqual(expected);
        expect(got.some((p) => p.rule === ruleId)).toBe(true);
        for (const p of report.problems) expect(p.message.length).toBeGreaterThan(10);
        expect(r.code).toBe(report.errors > 0 ? 1 : 0);
      });

      it('passes the near miss', () => {
        const r = runAbx(['-C', copy(rule, 'pass'), 'validate', '--format', 'json']);
        const report = JSON.parse(r.stdout) as JsonReport;
        expect(report.problems).toEqual([]);
        expect(r.code).toBe(0);
      });
    });
  }
});

import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/problem.js';
import { jsonPieces, renderValidateJson } from '../../src/format/validate/json.js';

const tricky: Problem[] = [
  { file: 'accounts/a "b".md', line: 3, column: 1, endLine: 4, endColumn: 2, severity: 'error', rule: 'schema', message: 'a\nb\t"c" \\ \u0000 \u2028 \ud800 é 👍' },
  { file: 'segments/ß.md', line: 1, column: 1, severity: 'warning', rule: 'unknown-key', message: '' },
];

describe('validate --format json', () => {
  it('prints exactly what JSON.stringify prints for the shape of cli.md', () => {
    for (const problems of [[], tricky.slice(0, 1), tricky]) {
      const errors = problems.filter((p) => p.severity === 'error').length;
      const shape = {
        files: 7,
        errors,
        warnings: problems.length - errors,
        problems: problems.map((p) => ({ file: p.file, line: p.line, column: p.column, severity: p.severity, rule: p.rule, message: p.message })),
      };
      expect(renderValidateJson(problems, 7)).toBe(`${JSON.stringify(shape, null, 2)}\n`);
    }
  });

  it('in pieces, file by file, as a whole', () => {
    const [head, tail] = jsonPieces.frame({ errors: 1, warnings: 1 }, ['a', 'b']);
    const byFile = tricky.map((p) => jsonPieces.file([p])).join(jsonPieces.between);
    expect(`${head}${byFile}${tail}`).toBe(renderValidateJson(tricky, 2));
  });
});

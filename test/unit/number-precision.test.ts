import { describe, expect, it } from 'vitest';
import { numberPrecisionFindings } from '../../src/core/rules/number-precision.js';

const at = (yaml: string) => numberPrecisionFindings(yaml).map((f) => `${f.line}:${f.column}`);

describe('numberPrecisionFindings', () => {
  it('finds long numbers wherever YAML reads them as numbers', () => {
    expect(at('crm_id: 12345678901234567890\n')).toEqual(['1:9']);
    expect(at('a: [1, -12345678901234567890]\nb: { c: 1e400 }\n')).toEqual(['1:8', '2:9']);
    expect(at('- 0.12345678901234567\n- +.5e-400\n')).toEqual(['1:3', '2:3']);
    expect(at('{"k":12345678901234567890}\n')).toEqual(['1:6']);
    expect(at('12345678901234567890: key\n')).toEqual(['1:1']);
  });

  it('leaves digits inside words, quoted text, comments and exact numbers alone', () => {
    expect(at('domain: coldstorage1041.example\nname: Tool e1234 x\n')).toEqual([]);
    expect(at('id: abc-12345678901234567890\nv: 12345678901234567890x\n')).toEqual([]);
    expect(at('q: "12345678901234567890"\n# 12345678901234567890\n')).toEqual([]);
    expect(at('a: 100000000000000000000\nb: 1e308\n')).toEqual([]);
  });
});

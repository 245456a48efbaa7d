import { describe, expect, it } from 'vitest';
import { exampleWorkspace, runAbx } from '../helpers.js';

describe('abx init --example', () => {
  it('writes a workspace that validates with zero errors', () => {
    const dir = exampleWorkspace();
    const r = runAbx(['-C', dir, 'validate', '--format', 'json']);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.errors).toBe(0);
    expect(r.code).toBe(0);
    expect(report.files).toBeGreaterThanOrEqual(28);
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleWorkspace, runAbx } from '../helpers.js';

describe('abx export', () => {
  const ws = exampleWorkspace();

  it('writes CSV with stable columns, facts and scores', () => {
    const r = runAbx(['export'], { cwd: ws });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe(
      'id,name,segment,motion,painful,urgent,recognized,expensive,pure_total,pure_tier,pure_tier_name,firmographic,technographic,intent,engagement,fit_score,fit_tier,fit_tier_name,fit_missing,engaged_stakeholders,mqa,domain,owner,industry,employees,revenue_usd,region,country,stack,tags,file',
    );
    expect(lines[1]).toBe(
      'arcadia-health-logistics,Arcadia Health Logistics,cold-chain-pharma,accelerate,3,2,2,2,9,2,Burning Platform,100,100,80,100,95,1,Strategic,,3,true,arcadiahealth.example,arjun.patel@lanternline.example,Pharmaceuticals,5200,1400000000,Europe,,sap;snowflake;servicenow;tableau;salesforce,,accounts/arcadia-health-logistics.md',
    );
    expect(lines).toHaveLength(14 + 2);
  });

  it('writes JSON and JSON Lines with the same accounts as abx score', () => {
    const json = JSON.parse(runAbx(['export', '--format', 'json'], { cwd: ws }).stdout) as { asOf: string; accounts: Record<string, unknown>[] };
    const score = JSON.parse(runAbx(['score', '--format', 'json', '--sort', 'name'], { cwd: ws }).stdout) as { accounts: { id: string }[] };
    expect(json.asOf).toBe('2026-11-24');
    expect(json.accounts.map((a) => a.id)).toEqual(score.accounts.map((a) => a.id).sort());
    const first = json.accounts[0] as { facts: unknown; pure: unknown };
    expect(first.facts).toEqual({
      domain: 'arcadiahealth.example',
      owner: 'arjun.patel@lanternline.example',
      industry: 'Pharmaceuticals',
      employees: 5200,
      revenue_usd: 1400000000,
      region: 'Europe',
      country: null,
      stack: ['sap', 'snowflake', 'servicenow', 'tableau', 'salesforce'],
      tags: [],
    });
    const jsonl = runAbx(['export', '--format', 'jsonl'], { cwd: ws }).stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(jsonl).toEqual(json.accounts.map((a) => ({ asOf: '2026-11-24', ...a })));
  });

  it('writes to a file with --out', () => {
    const r = runAbx(['export', '--format', 'jsonl', '--out', 'out/accounts.jsonl'], { cwd: ws });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: 'Exported 14 accounts to out/accounts.jsonl.\n' });
    expect(readFileSync(join(ws, 'out/accounts.jsonl'), 'utf8').split('\n')).toHaveLength(15);
  });
});

import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleWorkspace, makeWorkspace, runAbx, tempDir } from '../helpers.js';

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

  it.each([
    ['a link', (dir: string) => symlinkSync(join(dir, 'victim.csv'), join(dir, 'out.csv')), 'out.csv', 'abx: refusing to write out.csv: it is a symbolic link (abx never writes through a link; remove it or choose another name)\n'],
    ['a folder', (dir: string) => mkdirSync(join(dir, 'out.csv')), 'out.csv', 'abx: cannot write out.csv: it is a folder; give a file name inside it\n'],
    ['below a file', (dir: string) => writeFileSync(join(dir, 'plain'), ''), 'plain/out.csv', 'abx: cannot write plain/out.csv: a part of its path is a file, not a folder\n'],
  ])('--out refuses %s with exit 2 and a clear message', (_what, arrange, out, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'victim.csv'), 'keep me\n');
    arrange(dir);
    for (const command of [['export'], ['report', 'tiers']]) {
      const r = runAbx(['-C', ws, ...command, '--out', join(dir, out)], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(message.replace(out, join(dir, out)));
    }
    expect(readFileSync(join(dir, 'victim.csv'), 'utf8')).toBe('keep me\n');
  });

  it('new refuses to write into a folder that links out of the workspace, with exit 2', () => {
    const dir = makeWorkspace({});
    const elsewhere = tempDir();
    symlinkSync(elsewhere, join(dir, 'segments'));
    const r = runAbx(['new', 'segment', 'core', '--name', 'Core'], { cwd: dir });
    expect(r).toMatchObject({ code: 2, stderr: 'abx: refusing to write segments/core.md: its folder is a link that leads out of the workspace (abx writes only inside it)\n' });
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

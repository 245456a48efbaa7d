import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleWorkspace, FIXTURES, makeWorkspace, runAbx } from '../helpers.js';

const fixture = (name: string) => join(FIXTURES, 'import', name);
const accounts = (ws: string) => readdirSync(join(ws, 'accounts')).sort();

describe('abx import', () => {
  it('imports a HubSpot export: domain matching, only mapped fields changed, new accounts, reasons for skipped rows', () => {
    const ws = exampleWorkspace();
    const before = readFileSync(join(ws, 'accounts/northwind-logistics.md'), 'utf8');
    const r = runAbx(['import', fixture('hubspot-companies.csv'), '--segment', 'regional-3pl'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'line 2: updated northwind-logistics: firmographics.employees, firmographics.revenue_usd, firmographics.country, owner',
        'line 3: created acme-rocket-works-inc (Acme "Rocket" Works, Inc.)',
        'line 4: created multi-line-co (Multi Line Co)',
        'line 6: skipped record 104: no name and no domain',
        'line 7: created zeta-corp (Zeta Corp)',
        'line 8: skipped Acme Rocket Works: same account (acme-rocket-works-inc) as line 3: only the first row for an account is used',
        'line 9: skipped orphan.example: no company name, and its domain matches no account: a new account needs a name',
        'line 7: Zeta Corp: Number of Employees "n/a" is not a number (0 or more): not used',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('7 rows (HubSpot company export): 3 created, 1 updated, 0 unchanged, 3 skipped.\n');
    const after = readFileSync(join(ws, 'accounts/northwind-logistics.md'), 'utf8');
    const changed = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
    expect(changed).toEqual([
      'owner: Priya Shah',
      'firmographics: { industry: Logistics, employees: 1250, revenue_usd: 310000000, region: North America, country: United States }',
    ]);
    expect(readFileSync(join(ws, 'accounts/acme-rocket-works-inc.md'), 'utf8').split('\n---\n')[0]).toBe(
      '---\nname: Acme "Rocket" Works, Inc.\ndomain: acme-rockets.example\nfirmographics: { industry: Aerospace, employees: 300, revenue_usd: 45000000.5, country: Germany, region: Europe }\nowner: Dana Ruiz\nsegment: regional-3pl',
    );
    expect(runAbx(['validate', '--format', 'json'], { cwd: ws }).code).toBe(0);
    expect(runAbx(['fmt', '--check', 'accounts/acme-rocket-works-inc.md', 'accounts/zeta-corp.md'], { cwd: ws }).code).toBe(0);

    // A second import of the same file changes nothing.
    const list = accounts(ws);
    const again = runAbx(['import', fixture('hubspot-companies.csv'), '--segment', 'regional-3pl'], { cwd: ws });
    expect(again.stderr).toBe('7 rows (HubSpot company export): 0 created, 0 updated, 4 unchanged, 3 skipped.\n');
    expect(accounts(ws)).toEqual(list);
    expect(readFileSync(join(ws, 'accounts/northwind-logistics.md'), 'utf8')).toBe(after);
  });

  it('imports a semicolon-separated Salesforce report with European numbers and de-duplicated ids', () => {
    const ws = exampleWorkspace();
    const r = runAbx(['import', fixture('salesforce-accounts.csv'), '--from', 'salesforce'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('line 2: updated harborline-imports: firmographics.industry, firmographics.employees, firmographics.revenue_usd, firmographics.country, owner\n');
    expect(r.stdout).toContain('line 3: created equipe-zurich-ag (Équipe Zürich AG)\nline 4: created equipe-zurich-ag-2 (Équipe Zürich AG)\nline 5: created semi-colon-ltd (Semi; Colon Ltd)\n');
    expect(r.stderr).toBe('4 rows (Salesforce account report, separated by ";"): 3 created, 1 updated, 0 unchanged, 0 skipped.\n');
    expect(readFileSync(join(ws, 'accounts/harborline-imports.md'), 'utf8')).toMatch(/employees: 1200, revenue_usd: 12500000,/);
    expect(readFileSync(join(ws, 'accounts/semi-colon-ltd.md'), 'utf8')).toContain('firmographics: { industry: Consulting; Advisory, employees: 10, country: United Kingdom, region: Europe }\nowner: Owner; Name\n');
    expect(runAbx(['import', fixture('salesforce-accounts.csv'), '--from', 'salesforce'], { cwd: ws }).stderr).toContain('0 created, 0 updated, 4 unchanged');
  });

  it('takes a mapping file, and --dry-run writes nothing', () => {
    const ws = makeWorkspace({ 'accounts/blue.md': '---\nname: Blue Yonder   # keep\ndomain: www.blueyonder.example\n---\n\nNotes.\n' });
    const dry = runAbx(['import', fixture('custom.csv'), '--from', fixture('custom-mapping.yaml'), '--dry-run'], { cwd: ws });
    expect(dry.stdout).toBe('line 2: would be updated blue: firmographics.industry, firmographics.employees, technographics.stack, firmographics.tier_label\n');
    expect(dry.stderr).toContain('(dry run: nothing was written)');
    expect(readFileSync(join(ws, 'accounts/blue.md'), 'utf8')).toBe('---\nname: Blue Yonder   # keep\ndomain: www.blueyonder.example\n---\n\nNotes.\n');
    expect(runAbx(['import', fixture('custom.csv'), '--from', fixture('custom-mapping.yaml')], { cwd: ws }).code).toBe(0);
    expect(readFileSync(join(ws, 'accounts/blue.md'), 'utf8')).toBe(
      '---\nname: Blue Yonder   # keep\ndomain: www.blueyonder.example\nfirmographics: { industry: Software, employees: 900, tier_label: A }\ntechnographics: { stack: [salesforce, snowflake] }\n---\n\nNotes.\n',
    );
  });

  it('explains usage mistakes with exit 2', () => {
    const ws = makeWorkspace({});
    const wrong = runAbx(['import', fixture('salesforce-accounts.csv')], { cwd: ws });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('this file does not look like a HubSpot company export');
    expect(runAbx(['import', fixture('hubspot-companies.csv'), '--from', 'hubspto'], { cwd: ws }).stderr).toContain('--from must be hubspot, salesforce or a mapping file, not "hubspto" (did you mean "hubspot"?)');
    expect(runAbx(['import', fixture('hubspot-companies.csv'), '--segment', 'nope'], { cwd: ws }).code).toBe(2);
    writeFileSync(join(ws, 'bad.csv'), 'Company name,Company Domain Name\n"unterminated,x\n');
    expect(runAbx(['import', 'bad.csv'], { cwd: ws })).toMatchObject({ code: 2 });
  });

  it('imports 10,000 rows in seconds', () => {
    const ws = makeWorkspace({});
    const rows = ['"Record ID","Company name","Company Domain Name","Industry","Number of Employees","Annual Revenue","Country/Region","Company owner"'];
    for (let i = 0; i < 10_000; i++) rows.push(`${i},"Company ${i}, Inc.",company${i}.example,Logistics,${100 + i},${1_000_000 * i},United States,Owner ${i % 7}`);
    writeFileSync(join(ws, 'big.csv'), `${rows.join('\r\n')}\r\n`);
    const start = Date.now();
    const r = runAbx(['import', 'big.csv', '-q'], { cwd: ws });
    const seconds = (Date.now() - start) / 1000;
    expect(r.code).toBe(0);
    expect(accounts(ws)).toHaveLength(10_000);
    expect(seconds).toBeLessThan(30);
    const again = runAbx(['import', 'big.csv'], { cwd: ws });
    expect(again.stderr).toBe('10000 rows (HubSpot company export): 0 created, 0 updated, 10000 unchanged, 0 skipped.\n');
  }, 90_000);
});

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
      '---\nname: Acme "Rocket" Works, Inc.\ndomain: acme-rockets.example\nfirmographics: { industry: Aerospace, employees: 300, revenue_usd: 45000000.5, country: Germany }\nowner: Dana Ruiz\nsegment: regional-3pl',
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
    expect(readFileSync(join(ws, 'accounts/semi-colon-ltd.md'), 'utf8')).toContain('firmographics: { industry: Consulting; Advisory, employees: 10, country: United Kingdom }\nowner: Owner; Name\n');
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

  // Speed is measured by `npm run bench`, not here: this checks that a large export imports whole and
  // that importing it again changes nothing.
  it('imports 2,000 rows, and a second import finds them all unchanged', () => {
    const ws = makeWorkspace({});
    const rows = ['"Record ID","Company name","Company Domain Name","Industry","Number of Employees","Annual Revenue","Country/Region","Company owner"'];
    for (let i = 0; i < 2_000; i++) rows.push(`${i},"Company ${i}, Inc.",company${i}.example,Logistics,${100 + i},${1_000_000 * i},United States,Owner ${i % 7}`);
    writeFileSync(join(ws, 'big.csv'), `${rows.join('\r\n')}\r\n`);
    const r = runAbx(['import', 'big.csv', '-q'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(accounts(ws)).toHaveLength(2_000);
    const again = runAbx(['import', 'big.csv'], { cwd: ws });
    expect(again.stderr).toBe('2000 rows (HubSpot company export): 0 created, 0 updated, 2000 unchanged, 0 skipped.\n');
  }, 90_000);

  it('blocks a row whose account is in a file abx cannot read, naming the file, and creates no second account', () => {
    const ws = exampleWorkspace();
    const path = join(ws, 'accounts/northwind-logistics.md');
    const broken = readFileSync(path, 'utf8').replace('\nowner:', '\nowner: [unclosed\nx:');
    writeFileSync(path, broken);
    const csv = join(ws, 'rows.csv');
    writeFileSync(csv, 'Company name,Company Domain Name\nNorthwind Logistics,https://www.northwind-logistics.example/\nNorthwind Logistics,\n');
    const list = accounts(ws);
    const r = runAbx(['import', csv], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^line 2: blocked Northwind Logistics: its account may be accounts\/northwind-logistics\.md, which abx cannot read \(.+\): fix that file \(abx validate shows where\), then import again\nline 3: blocked Northwind Logistics: its account may be accounts\/northwind-logistics\.md/);
    expect(r.stderr).toBe('2 rows (HubSpot company export): 0 created, 0 updated, 0 unchanged, 0 skipped, 2 blocked.\n');
    expect(accounts(ws)).toEqual(list);
    expect(readFileSync(path, 'utf8')).toBe(broken);
  });

  it('matches international domains in their ASCII form: müller-logistik.de and xn--mller-logistik-gsb.de are one account', () => {
    const ws = exampleWorkspace();
    const csv = join(ws, 'rows.csv');
    writeFileSync(csv, 'Company name,Company Domain Name,Number of Employees\nMüller Logistik,https://www.Müller-Logistik.de./kontakt,10\nMueller Logistik GmbH,xn--mller-logistik-gsb.de:443,12\n');
    const r = runAbx(['import', csv], { cwd: ws });
    expect(r.stdout).toBe('line 2: created muller-logistik (Müller Logistik)\nline 3: skipped Mueller Logistik GmbH: same account (muller-logistik) as line 2: only the first row for an account is used\n');
    expect(readFileSync(join(ws, 'accounts/muller-logistik.md'), 'utf8')).toContain('\ndomain: müller-logistik.de\n');
    writeFileSync(csv, 'Company name,Company Domain Name,Number of Employees\nMueller Logistik GmbH,xn--mller-logistik-gsb.de,12\n');
    expect(runAbx(['import', csv], { cwd: ws }).stdout).toBe('line 2: updated muller-logistik: name, firmographics.employees\n');
  });

  it('stores a number with more digits than a double holds exactly as the CRM wrote it', () => {
    const ws = exampleWorkspace();
    const csv = join(ws, 'rows.csv');
    writeFileSync(csv, 'Company name,Company Domain Name,Annual Revenue\nBig Numbers Inc,bignumbers.example,"99,999,999,999,999,999.99"\n');
    expect(runAbx(['import', csv], { cwd: ws }).stdout).toBe('line 2: created big-numbers-inc (Big Numbers Inc)\n');
    const text = readFileSync(join(ws, 'accounts/big-numbers-inc.md'), 'utf8');
    expect(text).toContain('revenue_usd: 99999999999999999.99 }');
    expect(runAbx(['import', csv], { cwd: ws }).stderr).toContain('0 created, 0 updated, 1 unchanged');
    const problems = JSON.parse(runAbx(['validate', '--format', 'json'], { cwd: ws }).stdout).problems as { file: string; rule: string }[];
    expect(problems.filter((p) => p.file === 'accounts/big-numbers-inc.md' && p.rule === 'number-precision')).toHaveLength(1);
  });

  it('refuses a binary file without printing its bytes', () => {
    const ws = exampleWorkspace();
    const bin = join(ws, 'data.csv');
    writeFileSync(bin, Buffer.concat([Buffer.from('Company name,Domain\n'), Buffer.alloc(100_000), Buffer.from('\u001b[2J\u0007')]));
    const r = runAbx(['import', bin], { cwd: ws });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(`abx: ${bin} is not a CSV file: it is binary (it contains NUL bytes); export the data as CSV\n`);
  });
});

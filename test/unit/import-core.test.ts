import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseDomain } from '../../src/core/import/domain.js';
import { slugify, uniqueId } from '../../src/core/import/slug.js';
import { parseAmount, parseCell } from '../../src/core/import/values.js';
import { detectDelimiter, readCsv } from '../../src/core/import/csv.js';
import { HUBSPOT, SALESFORCE, MappingError, mappingFromData, resolveMapping } from '../../src/core/import/mappings.js';
import { planImport, type CsvRow, type ExistingAccount } from '../../src/core/import/plan.js';
import { FIXTURES } from '../helpers.js';

describe('normaliseDomain', () => {
  it.each([
    ['https://www.Acme.com/about?x=1', 'acme.com'],
    ['http://acme.com:8080', 'acme.com'],
    ['WWW.ACME.COM.', 'acme.com'],
    ['acme.com', 'acme.com'],
    ['  sub.acme.co.uk/path ', 'sub.acme.co.uk'],
    ['dana@acme.com', 'acme.com'],
    ['//www2.acme.com', 'acme.com'],
    ['https://www.Müller-Logistik.de.:8080/x', 'xn--mller-logistik-gsb.de'],
    ['XN--MLLER-LOGISTIK-GSB.DE', 'xn--mller-logistik-gsb.de'],
  ])('%s → %s', (input, expected) => expect(normaliseDomain(input)).toBe(expected));
  it.each(['', 'n/a', 'localhost', 'http://', '-'])('%j is not a domain', (input) => expect(normaliseDomain(input)).toBeUndefined());
});

describe('slugs', () => {
  it('makes ids from company names', () => {
    expect(slugify('Acme "Rocket" Works, Inc.')).toBe('acme-rocket-works-inc');
    expect(slugify('Équipe Zürich AG')).toBe('equipe-zurich-ag');
    expect(slugify('Straße & Söhne')).toBe('strasse-sohne');
    expect(slugify('株式会社')).toBe('');
    expect(slugify('a'.repeat(80)).length).toBeLessThanOrEqual(60);
  });
  it('de-duplicates against ids in use', () => {
    const taken = new Set(['acme', 'acme-2']);
    expect(uniqueId('acme', taken)).toBe('acme-3');
    expect(uniqueId('acme', taken)).toBe('acme-4');
    expect(uniqueId('zeta', taken)).toBe('zeta');
  });
});

describe('cell values', () => {
  it.each([
    ['1,250', 1250],
    ['$300,000,000.00', 300000000],
    ['12.500.000,00', 12500000],
    ['4 500', 4500],
    ['45000000.50', 45000000.5],
    ['1,5', 1.5],
  ])('amount %s → %d', (input, expected) => expect(parseAmount(input)).toBe(expected));
  it('rejects what is not a number', () => {
    expect(parseAmount('n/a')).toBeUndefined();
    expect(parseCell('number', '-5')).toEqual({ ok: false, reason: 'is not a number (0 or more)' });
    expect(parseCell('percent', '120')).toEqual({ ok: false, reason: 'is not a number from 0 to 100' });
  });
  it('reads lists, motions and one-line text', () => {
    expect(parseCell('list', 'salesforce; snowflake,, hubspot')).toEqual({ ok: true, value: ['salesforce', 'snowflake', 'hubspot'] });
    expect(parseCell('motion', 'Engage')).toEqual({ ok: true, value: 'engage' });
    expect(parseCell('text', ' Multi\r\nLine  Co ')).toEqual({ ok: true, value: 'Multi Line Co' });
  });
});

describe('readCsv', () => {
  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('a;b;"c;d"\n1,2,3')).toBe(';');
    expect(detectDelimiter('\uFEFFa,b\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
  });
  it('reads the HubSpot fixture: BOM, quotes, doubled quotes, a line break in a field, CRLF', () => {
    const t = readCsv(readFileSync(join(FIXTURES, 'import', 'hubspot-companies.csv'), 'utf8'));
    expect(t.header[0]).toBe('Record ID');
    expect(t.rows.map((r) => r.line)).toEqual([2, 3, 4, 6, 7, 8, 9]);
    expect(t.rows[1]?.cells[1]).toBe('Acme "Rocket" Works, Inc.');
    expect(t.rows[2]?.cells[1]).toBe('Multi\r\nLine Co');
  });
  it('reads the Salesforce fixture: semicolons, quoted semicolons, European numbers', () => {
    const t = readCsv(readFileSync(join(FIXTURES, 'import', 'salesforce-accounts.csv'), 'utf8'));
    expect(t.delimiter).toBe(';');
    expect(t.rows).toHaveLength(4);
    expect(t.rows[3]?.cells.slice(1, 4)).toEqual(['Semi; Colon Ltd', 'semicolon.example', 'Consulting; Advisory']);
  });
  it('says where the CSV breaks', () => {
    expect(() => readCsv('a,b\n"open,1\n')).toThrow(/not valid CSV/);
    expect(() => readCsv('')).toThrow(/empty/);
  });
});

describe('mappings', () => {
  it('finds the columns of a Salesforce report, case-insensitively', () => {
    const r = resolveMapping(SALESFORCE, ['account id', 'ACCOUNT NAME', 'Website', 'Other']);
    expect(r.fields.map((f) => f.field)).toEqual(['name', 'domain']);
    expect(r.recordIdIndex).toBe(0);
  });
  it('refuses a file that is not the named export', () => {
    expect(() => resolveMapping(HUBSPOT, ['Account Name', 'Website'])).toThrow('this file does not look like a HubSpot company export: it has no "Company name" or "Name" or "Company Domain Name" or "Website URL" or "Domain" column (its columns: "Account Name", "Website"). Use --from to pick another source or a mapping file.');
  });
  it('reads a mapping file and checks its field paths', () => {
    const m = mappingFromData({ columns: { Company: 'name', Sector: 'firmographics.industry', Tools: 'technographics.stack' } }, 'm.yaml');
    expect(m.fields.map((f) => [f.field, f.type, f.columns])).toEqual([
      ['name', 'text', ['Company']],
      ['firmographics.industry', 'text', ['Sector']],
      ['technographics.stack', 'list', ['Tools']],
    ]);
    expect(() => mappingFromData({ Company: 'nmae' }, 'm.yaml')).toThrow(/"nmae" is not an account field an import can set \(did you mean "name"\?\)/);
    expect(() => mappingFromData({ Company: 'firmographics.__proto__' }, 'm.yaml')).toThrow(MappingError);
    expect(() => mappingFromData({ Sector: 'firmographics.industry' }, 'm.yaml')).toThrow(/maps no column to name or domain/);
  });
});

describe('planImport', () => {
  const header = ['Record ID', 'Company name', 'Company Domain Name', 'Industry', 'Number of Employees'];
  const mapping = resolveMapping(HUBSPOT, header);
  const existing: ExistingAccount[] = [
    { id: 'acme', data: { name: 'Acme', domain: 'https://www.acme.com/', firmographics: { industry: 'Aerospace', employees: 100 } } },
    { id: 'no-domain', data: { name: 'Quiet Co' } },
  ];
  const rows = (cells: string[][]): CsvRow[] => cells.map((c, i) => ({ line: i + 2, cells: c }));
  const plan = (cells: string[][], segment?: string) =>
    planImport({ mapping, rows: rows(cells), existing, takenIds: ['acme', 'no-domain', 'zeta'], segment, segments: new Set(['s']) });

  it('matches by normalised domain and updates only values that differ', () => {
    const p = plan([['1', 'Acme Corp', 'ACME.com', 'Aerospace', '120']]);
    expect(p.outcomes).toEqual([{ action: 'updated', line: 2, label: 'Acme Corp', id: 'acme', fields: ['name', 'firmographics.employees'] }]);
    expect(p.updates.get('acme')).toEqual([
      { field: 'name', path: ['name'], value: 'Acme Corp' },
      { field: 'firmographics.employees', path: ['firmographics', 'employees'], value: 120 },
    ]);
  });
  it('leaves an account unchanged when every value is the same, and never clears with an empty cell', () => {
    const p = plan([['1', 'Acme', 'www.acme.com', '', '100']]);
    expect(p.outcomes).toEqual([{ action: 'unchanged', line: 2, label: 'Acme', id: 'acme' }]);
  });
  it('creates accounts with de-duplicated ids and the --segment', () => {
    const p = plan([
      ['1', 'Zeta', 'zeta.io', 'Retail', '5'],
      ['2', 'Zeta', 'zeta.de', '', ''],
    ], 's');
    expect(p.outcomes.map((o) => [o.action, 'id' in o ? o.id : ''])).toEqual([['created', 'zeta-2'], ['created', 'zeta-3']]);
    expect(p.creates.get('zeta-2')).toContainEqual({ field: 'segment', path: ['segment'], value: 's' });
  });
  it('matches an account without a domain by name', () => {
    const p = plan([['1', 'quiet co.', 'quiet.example', '', '']]);
    expect(p.outcomes).toEqual([{ action: 'updated', line: 2, label: 'quiet co.', id: 'no-domain', fields: ['name', 'domain'] }]);
  });
  it('skips rows with reasons', () => {
    const p = plan([
      ['1', '', '', 'Retail', '5'],
      ['2', '', 'nobody.example', '', ''],
      ['3', 'Acme again', 'acme.com', '', ''],
      ['4', 'Acme twice', 'acme.com', '', ''],
      ['5', 'Bad Numbers', 'bad.example', '', 'lots'],
    ]);
    expect(p.outcomes.map((o) => (o.action === 'skipped' ? o.reason : o.action))).toEqual([
      'no name and no domain',
      'no company name, and its domain matches no account: a new account needs a name',
      'updated',
      'same account (acme) as line 4: only the first row for an account is used',
      'created',
    ]);
    expect(p.outcomes[0]).toMatchObject({ label: 'record 1' });
    expect(p.notes).toEqual([{ line: 6, label: 'Bad Numbers', message: 'Number of Employees "lots" is not a number (0 or more): not used' }]);
  });
});

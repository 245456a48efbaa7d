import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { dayNumber } from '../../src/core/dates.js';
import type { Account } from '../../src/core/kinds/account.js';
import { scoreAccount } from '../../src/core/scoring/account.js';

const { config } = resolveConfig({ version: 1 });
const asOfDay = dayNumber('2026-11-24') as number;
const pure = (n: number) => ({ painful: { score: n, evidence: 'e' }, urgent: { score: n, evidence: 'e' }, recognized: { score: n, evidence: 'e' }, expensive: { score: n, evidence: 'e' } });
const coverage = (account: Account) => scoreAccount({ id: 'a', account, config, asOfDay }).findings.filter((f) => f.rule === 'tier1-coverage');
const member = (role: string) => ({ name: 'X', title: 'T', role, status: 'warm' }) as NonNullable<Account['buying_committee']>[number];

describe('tier1-coverage (unit)', () => {
  it('fires for PURE Tier 1 without champion and signer, at buying_committee', () => {
    expect(coverage({ name: 'A', pure: pure(3), buying_committee: [member('influencer')] })).toEqual([
      { rule: 'tier1-coverage', path: ['buying_committee'], message: expect.stringContaining('PURE Tier 1') },
    ]);
  });
  it('fires for fit Tier 1 and points at the document when there is no committee', () => {
    const [f] = coverage({ name: 'A', fit: { firmographic: 90, technographic: 90, intent: 90, engagement: 90 } });
    expect(f?.path).toEqual([]);
    expect(f?.message).toContain('fit Tier 1');
  });
  it('is quiet with a champion and an economic buyer or decision maker, or below Tier 1', () => {
    expect(coverage({ name: 'A', pure: pure(3), buying_committee: [member('champion'), member('economic-buyer')] })).toEqual([]);
    expect(coverage({ name: 'A', pure: pure(3), buying_committee: [member('champion'), member('decision-maker')] })).toEqual([]);
    expect(coverage({ name: 'A', pure: pure(2) })).toEqual([]);
  });
});

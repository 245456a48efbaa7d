import { describe, expect, it } from 'vitest';
import { resolveConfig, type Config } from '../../src/core/config.js';
import { dayNumber } from '../../src/core/dates.js';
import { configSchema } from '../../src/core/config-schema.js';
import type { Account } from '../../src/core/kinds/account.js';
import type { Segment } from '../../src/core/kinds/segment.js';
import { scoreAccount } from '../../src/core/scoring/account.js';
import { exact, fromNumber, roundTenth, add, mul, div } from '../../src/core/scoring/exact.js';
import { fitTierOf, weightedFit } from '../../src/core/scoring/fit.js';
import { pureTierOf, scorePure } from '../../src/core/scoring/pure.js';

const AS_OF = '2026-11-24';
const asOfDay = dayNumber(AS_OF) as number;

function config(extra: Record<string, unknown> = {}): Config {
  const parsed = configSchema.parse({ version: 1, ...extra });
  return resolveConfig(parsed).config;
}

function daysBefore(n: number): string {
  return new Date((asOfDay - n) * 86_400_000).toISOString().slice(0, 10);
}

function score(account: Partial<Account>, options: { segment?: Segment; cfg?: Config } = {}) {
  return scoreAccount({ id: 'a', account: { name: 'A', ...account } as Account, segment: options.segment, config: options.cfg ?? config(), asOfDay });
}

describe('PURE tiers (scoring.md §1)', () => {
  const edges: [number, number, string][] = [
    [0, 5, 'Future Potential'],
    [1, 4, 'Emerging Need'],
    [3, 4, 'Emerging Need'],
    [4, 3, 'Active Pain'],
    [6, 3, 'Active Pain'],
    [7, 2, 'Burning Platform'],
    [9, 2, 'Burning Platform'],
    [10, 1, 'Hair-on-Fire'],
    [12, 1, 'Hair-on-Fire'],
  ];
  for (const [total, tier, name] of edges) {
    it(`total ${total} is tier ${tier} (${name})`, () => {
      expect(pureTierOf(total)).toMatchObject({ tier, name });
    });
  }

  it('sums the four criteria', () => {
    const s = scorePure({ painful: { score: 3, evidence: 'a' }, urgent: { score: 2, evidence: 'b' }, recognized: { score: 3, evidence: 'c' }, expensive: { score: 2, evidence: 'd' } });
    expect(s).toMatchObject({ total: 10, tier: 1, tierName: 'Hair-on-Fire', priority: 'Highest', resources: 'Dedicated account team, custom everything' });
  });

  it('an account without pure is unscored, not tier 5', () => {
    expect(score({}).score.pure).toBeNull();
  });
});

describe('exact arithmetic', () => {
  it('0.15 × 31 is 4.65 and rounds to 4.7 (a float sum gives 4.6)', () => {
    expect(Math.round(0.15 * 31 * 10) / 10).toBe(4.6);
    expect(roundTenth(mul(fromNumber(0.15), fromNumber(31)))).toBe(4.7);
  });

  it('rounds half away from zero', () => {
    expect(roundTenth(exact(5n, 100n))).toBe(0.1);
    expect(roundTenth(exact(-5n, 100n))).toBe(-0.1);
    expect(roundTenth(exact(4n, 100n))).toBe(0);
    expect(roundTenth(exact(2n, 3n))).toBe(0.7);
    expect(roundTenth(exact(200n, 3n))).toBe(66.7);
  });

  it('reads decimals as typed', () => {
    expect(fromNumber(0.1)).toEqual({ n: 1n, d: 10n });
    expect(fromNumber(1e-7)).toEqual({ n: 1n, d: 10000000n });
    expect(add(fromNumber(0.1), fromNumber(0.2))).toEqual({ n: 3n, d: 10n });
    expect(div(exact(1n), exact(3n))).toEqual({ n: 1n, d: 3n });
  });
});

describe('weighted fit (scoring.md §2)', () => {
  const weights = { firmographic: 40, technographic: 20, intent: 25, engagement: 15 };
  const fit = (f: number, t: number, i: number, e: number) =>
    weightedFit({ firmographic: fromNumber(f), technographic: fromNumber(t), intent: fromNumber(i), engagement: fromNumber(e) }, weights, [80, 60]);

  it.each([
    [59.9, 3],
    [60, 2],
    [79.9, 2],
    [80, 1],
  ])('fit %s is tier %s', (value, tier) => {
    expect(fitTierOf(value, [80, 60]).tier).toBe(tier);
    const r = fit(value, value, value, value);
    expect(r.score).toBe(value);
    expect(r.tier.tier).toBe(tier);
  });

  it('x.x5 values that naive floats get wrong round up exactly', () => {
    // 15 × 31 / 100 = 4.65 exactly: 4.7
    expect(fit(0, 0, 0, 31).score).toBe(4.7);
    // 20 + 19.95 + 25 + 13.95 = 78.9
    expect(fit(50, 99.75, 100, 93).score).toBe(78.9);
    // 39.95 + 20 + 25 + 0 = 84.95 → 85
    expect(fit(99.875, 100, 100, 0).score).toBe(85);
    // 40 × 0.375 / 100 = 0.15 → 0.2 (half away from zero)
    expect(fit(0.375, 0, 0, 0).score).toBe(0.2);
  });

  it('79.95 rounds to 80.0 and is tier 1', () => {
    const r = weightedFit({ firmographic: fromNumber(99.875), technographic: fromNumber(100), intent: fromNumber(100), engagement: fromNumber(0) }, { firmographic: 40, technographic: 20, intent: 20, engagement: 20 }, [80, 60]);
    // 39.95 + 20 + 20 + 0 = 79.95
    expect(r.score).toBe(80);
    expect(r.tier.tier).toBe(1);
  });

  it('59.95 rounds to 60.0 and is tier 2; 59.94 stays tier 3', () => {
    const w = { firmographic: 100, technographic: 0, intent: 0, engagement: 0 };
    expect(weightedFit({ firmographic: fromNumber(59.95), technographic: exact(0n), intent: exact(0n), engagement: exact(0n) }, w, [80, 60])).toMatchObject({ score: 60, tier: { tier: 2 } });
    expect(weightedFit({ firmographic: fromNumber(59.94), technographic: exact(0n), intent: exact(0n), engagement: exact(0n) }, w, [80, 60])).toMatchObject({ score: 59.9, tier: { tier: 3 } });
  });

  it('uses exact components: 2/3 of the stack is 66.666…, not 66.7', () => {
    const w = { firmographic: 0, technographic: 100, intent: 0, engagement: 0 };
    const r = weightedFit({ firmographic: exact(0n), technographic: exact(200n, 3n), intent: exact(0n), engagement: exact(0n) }, w, [80, 60]);
    expect(r.score).toBe(66.7);
  });

  it('missing components count 0 and are listed with fit-incomplete', () => {
    const { score: s, findings } = score({ fit: { intent: 60 } });
    expect(s.fit.missing).toEqual(['firmographic', 'technographic', 'engagement']);
    expect(s.fit.score).toBe(15);
    expect(findings.map((f) => f.rule)).toEqual(['fit-incomplete']);
  });

  it('a component both given and computable is fit-conflict', () => {
    const { findings, score: s } = score({ fit: { engagement: 40 }, engagement: [{ date: daysBefore(1), type: 'website-visit' }] });
    expect(findings.filter((f) => f.rule === 'fit-conflict')).toMatchObject([{ path: ['fit', 'engagement'] }]);
    expect(roundTenth(s.fit.components.engagement.value)).toBe(40);
  });

  it('config weights and thresholds apply', () => {
    const cfg = config({ scoring: { weights: { firmographic: 0, technographic: 0, intent: 100, engagement: 0 }, fit_tiers: [90, 50] } });
    const r = score({ fit: { intent: 55, firmographic: 0, technographic: 0, engagement: 0 } }, { cfg });
    expect(r.score.fit).toMatchObject({ score: 55, tier: 2, tierName: 'Scale' });
  });
});

describe('engagement window and cap (scoring.md §3)', () => {
  const eng = (days: number[], type = 'meeting-scheduled', cfg?: Config) =>
    roundTenth(score({ engagement: days.map((d) => ({ date: daysBefore(d), type })) }, { cfg }).score.fit.components.engagement.value);

  it('day 90 is out, day 89 is in, the as-of day is in, the future is out', () => {
    expect(eng([90])).toBe(0);
    expect(eng([89])).toBe(50);
    expect(eng([0])).toBe(50);
    expect(eng([-1])).toBe(0);
  });

  it('points are summed and capped', () => {
    expect(eng([1, 2])).toBe(100);
    expect(eng([1, 2, 3])).toBe(100);
    expect(eng([1], 'website-visit')).toBe(1);
    const cfg = config({ scoring: { engagement: { cap: 200, window_days: 30 } } });
    expect(eng([1, 2, 3], 'meeting-scheduled', cfg)).toBe(75);
    expect(eng([30], 'meeting-scheduled', cfg)).toBe(0);
    expect(eng([29], 'meeting-scheduled', cfg)).toBe(25);
  });

  it('config may add activity types', () => {
    const cfg = config({ scoring: { engagement: { points: { webinar: 20 } } } });
    expect(eng([1], 'webinar', cfg)).toBe(20);
    expect(eng([1], 'webinar')).toBe(0);
  });
});

describe('ICP criteria (scoring.md §4)', () => {
  const segment: Segment = {
    name: 'S',
    criteria: {
      firmographic: {
        industry: ['SaaS', 'FinTech', 'Healthcare'],
        employees: { min: 500, max: 5000 },
        revenue_usd: { min: 50_000_000, max: 500_000_000 },
        region: ['North America', 'Europe'],
      },
      technographic: { stack: ['salesforce', 'snowflake', 'segment'] },
    },
  };

  it('matches case-insensitively, ranges inclusive (the format.md example: 75 and 66.7)', () => {
    const { score: s } = score(
      {
        firmographics: { industry: 'Aerospace', employees: 1200, revenue_usd: 300_000_000, region: 'north america' },
        technographics: { stack: ['Salesforce', 'SNOWFLAKE'] },
      },
      { segment },
    );
    expect(roundTenth(s.fit.components.firmographic.value)).toBe(75);
    expect(roundTenth(s.fit.components.technographic.value)).toBe(66.7);
  });

  it('range bounds are inclusive', () => {
    const at = (employees: number) =>
      roundTenth(score({ firmographics: { industry: 'saas', employees, revenue_usd: 50_000_000, region: 'Europe' } }, { segment }).score.fit.components.firmographic.value);
    expect(at(500)).toBe(100);
    expect(at(5000)).toBe(100);
    expect(at(499)).toBe(75);
    expect(at(5001)).toBe(75);
  });

  it('a missing fact does not match and warns fit-unknown-fact', () => {
    const { score: s, findings } = score({ firmographics: { industry: 'SaaS' } }, { segment });
    expect(roundTenth(s.fit.components.firmographic.value)).toBe(25);
    expect(findings.filter((f) => f.rule === 'fit-unknown-fact').map((f) => f.message)).toEqual([
      'firmographics.employees is missing, so the employees criterion (500–5000) does not match',
      'firmographics.revenue_usd is missing, so the revenue_usd criterion (50000000–500000000) does not match',
      'firmographics.region is missing, so the region criterion (North America, Europe) does not match',
    ]);
  });

  it("falls back to the config's icp criteria", () => {
    const cfg = config({ icp: { criteria: { technographic: { stack: ['hubspot', 'segment'] } } } });
    const { score: s } = score({ technographics: { stack: ['HubSpot'] } }, { cfg });
    expect(roundTenth(s.fit.components.technographic.value)).toBe(50);
    expect(s.fit.components.technographic.origin).toBe('computed');
  });
});

describe('buying committee and MQA (scoring.md §5)', () => {
  const member = (seniority: string, status: string, last?: number) => ({
    name: 'M',
    title: 'T',
    role: 'influencer' as const,
    status: status as 'engaged',
    seniority: seniority as 'vp',
    ...(last === undefined ? {} : { last_engaged: daysBefore(last) }),
  });

  it('three engaged with one senior is an MQA', () => {
    const { score: s } = score({ buying_committee: [member('vp', 'engaged', 1), member('manager', 'engaged', 89), member('individual', 'engaged')] });
    expect(s.engagedStakeholders).toBe(3);
    expect(s.mqa).toBe(true);
  });

  it('a stale member (day 90) does not count', () => {
    const { score: s } = score({ buying_committee: [member('vp', 'engaged', 1), member('manager', 'engaged', 90), member('individual', 'engaged')] });
    expect(s.engagedStakeholders).toBe(2);
    expect(s.mqa).toBe(false);
  });

  it('without a senior member it is not an MQA', () => {
    const { score: s } = score({ buying_committee: [member('director', 'engaged', 1), member('manager', 'engaged', 2), member('individual', 'engaged', 3)] });
    expect(s.engagedStakeholders).toBe(3);
    expect(s.mqa).toBe(false);
  });

  it('warm members do not count; a future last_engaged does not count', () => {
    const { score: s } = score({ buying_committee: [member('vp', 'warm', 1), member('c-level', 'engaged', -1), member('vp', 'engaged', 0)] });
    expect(s.engagedStakeholders).toBe(1);
  });

  it('accelerate with fewer than 3 engaged warns multithread-before-proposal', () => {
    const { findings } = score({ motion: 'accelerate', buying_committee: [member('vp', 'engaged', 1)] });
    expect(findings.filter((f) => f.rule === 'multithread-before-proposal')).toHaveLength(1);
    const ok = score({ motion: 'accelerate', buying_committee: [member('vp', 'engaged', 1), member('vp', 'engaged', 1), member('vp', 'engaged', 1)] });
    expect(ok.findings.filter((f) => f.rule === 'multithread-before-proposal')).toHaveLength(0);
  });
});

describe('signals (scoring.md §6)', () => {
  const signal = (date: string, first_touch?: string) => ({ type: 'procurement' as const, date, summary: 'RFI', ...(first_touch ? { first_touch } : {}) });

  it('latency is first touch minus date in hours, a bare date being midnight UTC', () => {
    const { score: s } = score({ signals: [signal('2026-11-01', '2026-11-02T06:30:00Z'), signal('2026-11-01', '2026-11-04')] });
    expect(s.signals.map((x) => x.latencyHours)).toEqual([30.5, 72]);
  });

  it('untouched for exactly 72 hours is fine; more warns signal-untouched', () => {
    expect(score({ signals: [signal(daysBefore(3))] }).findings.filter((f) => f.rule === 'signal-untouched')).toHaveLength(0);
    expect(score({ signals: [signal(daysBefore(4))] }).findings.filter((f) => f.rule === 'signal-untouched')).toHaveLength(1);
  });

  it('a first touch before the date is an error', () => {
    const { findings } = score({ signals: [signal('2026-11-01', '2026-10-31T23:59:00Z')] });
    expect(findings.filter((f) => f.rule === 'signal-touch-before-date')).toMatchObject([{ path: ['signals', 0, 'first_touch'] }]);
  });

  it('offsets are honoured', () => {
    const { score: s } = score({ signals: [signal('2026-11-01', '2026-11-01T02:00:00+02:00')] });
    expect(s.signals[0]?.latencyHours).toBe(0);
  });
});

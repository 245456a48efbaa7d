/**
 * A generated workspace for the warehouse proof (test/e2e/warehouse.test.ts): a model with
 * decimal weights, points and cap, tier edges off the round numbers, segments with and without
 * criteria, and accounts at every edge the view must agree with abx on: x.x5 rounding, the
 * window's first and last day, the cap, missing and odd facts, formula-like text, unscored accounts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const GENERATED_AS_OF = '2026-11-24';

const CONFIG = `version: 1
company: Edgecase Inc
as_of: ${GENERATED_AS_OF}
scoring:
  weights: { firmographic: 37.5, technographic: 12.5, intent: 33.3, engagement: 16.7 }
  fit_tiers: [72.55, 41.05]
  engagement:
    window_days: 30
    cap: 37.5
    points: { webinar: 2.5, '=formula': 7, podcast-listen: 0.1 }
  mqa: { window_days: 45, min_engaged: 2, min_senior: 1, senior_levels: [vp, c-level, director] }
icp:
  criteria:
    firmographic:
      industry: [SaaS, ' FinTech ', 42, '-minus']
      employees: { min: 100 }
      region: [Europe]
    technographic:
      stack: [Salesforce, snowflake, SNOWFLAKE, '@segment']
`;

const SEGMENTS: Record<string, string> = {
  'list-and-range': `---
name: List and Range
criteria:
  firmographic:
    industry: [Logistics, Pharma]
    employees: { min: 500, max: 5000 }
    revenue_usd: { max: 250000000.5 }
  technographic:
    stack: [sap, oracle, netsuite]
---
`,
  'seven-criteria': `---
name: Seven Criteria
criteria:
  firmographic:
    industry: [a, b]
    employees: { min: 1 }
    region: [north, south]
    country: [US, DE]
    tier: [gold]
    certified: ['true']
    founded: { min: 1990, max: 2010 }
---
`,
  'empty-firmographic': `---
name: Empty Firmographic
criteria:
  firmographic: {}
  technographic: { stack: [] }
---
`,
  'no-criteria': `---
name: No Criteria
---
`,
};

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (offset: number) => new Date(Date.UTC(2026, 10, 24) - offset * 86_400_000).toISOString().slice(0, 10);

export function writeGeneratedWorkspace(dir: string, accounts: number, seed = 16): void {
  for (const sub of ['accounts', 'segments']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'abx.config.yaml'), CONFIG);
  for (const [id, text] of Object.entries(SEGMENTS)) writeFileSync(join(dir, 'segments', `${id}.md`), text);
  const rnd = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const maybe = (p: number) => rnd() < p;
  const segments = [...Object.keys(SEGMENTS), 'no-such-segment', undefined];
  for (let i = 0; i < accounts; i++) {
    const L: string[] = ['---', `name: Account ${i}`];
    const segment = pick(segments);
    if (segment) L.push(`segment: ${segment}`);
    if (maybe(0.85)) {
      const partial = maybe(0.05);
      L.push('pure:');
      for (const c of ['painful', 'urgent', 'recognized', 'expensive']) {
        if (partial && c === 'expensive') continue;
        L.push(`  ${c}: { score: ${Math.floor(rnd() * 4)}, evidence: e }`);
      }
    }
    const given: string[] = [];
    // x.x5 and x.x25 values round half away from zero; decimals test the exact sum.
    for (const c of ['firmographic', 'technographic', 'intent', 'engagement']) {
      if (maybe(c === 'intent' ? 0.8 : 0.12)) given.push(`${c}: ${pick(['0', '100', '33.35', '12.25', '66.65', '50', String(Math.floor(rnd() * 1000) / 10), String(Math.floor(rnd() * 10000) / 100)])}`);
    }
    if (given.length > 0) L.push(`fit: { ${given.join(', ')} }`);
    if (maybe(0.8)) {
      L.push('firmographics:');
      if (maybe(0.85)) L.push(`  industry: ${pick(["SaaS", "'  fintech'", 'LOGISTICS', 'Pharma', '42', "'-minus'", "'=cmd'", 'a', 'B', "''", 'null', '[SaaS, Retail]', '[]'])}`);
      if (maybe(0.85)) L.push(`  employees: ${pick(['99', '100', '500', '5000', '5001', '0', '1', '12.5'])}`);
      if (maybe(0.6)) L.push(`  revenue_usd: ${pick(['250000000.5', '250000000.75', '1000', '0'])}`);
      if (maybe(0.7)) L.push(`  region: ${pick(['Europe', 'europe ', 'North', 'south', 'Asia'])}`);
      if (maybe(0.3)) L.push(`  country: ${pick(['US', 'de', '[US, FR]', 'FR'])}`);
      if (maybe(0.3)) L.push(`  tier: ${pick(['gold', 'Gold', 'silver'])}`);
      if (maybe(0.3)) L.push(`  certified: ${pick(['true', 'false', "'TRUE'"])}`);
      if (maybe(0.3)) L.push(`  founded: ${pick(['1990', "'2010'", "' 2000 '", "'0x7D0'", 'unknown', '2011'])}`);
    }
    if (maybe(0.75)) {
      if (maybe(0.1)) L.push('technographics: { crm: none }');
      else L.push(`technographics: { stack: [${[...new Set([pick(['salesforce', 'Salesforce ', 'sap', 'SAP']), pick(['snowflake', 'oracle', '@segment', 'netsuite', 'hubspot']), pick(['SNOWFLAKE', 'x', 'oracle'])])].map((s) => `'${s}'`).join(', ')}] }`);
    }
    if (maybe(0.8)) {
      const n = Math.floor(rnd() * 5);
      L.push(n === 0 ? 'engagement: []' : 'engagement:');
      for (let k = 0; k < n; k++) {
        // 0 is the as-of day (counts), 29 the window's first day (counts), 30 the day before it (does not).
        const offset = pick([0, 1, 29, 30, 31, 10, 60]);
        L.push(`  - { date: ${day(offset)}, type: '${pick(['webinar', '=formula', 'podcast-listen', 'website-visit', 'demo-request'])}' }`);
      }
    }
    if (maybe(0.7)) {
      L.push('buying_committee:');
      const n = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < n; k++) {
        const last = maybe(0.3) ? '' : `, last_engaged: ${day(pick([0, 44, 45, 46, 3]))}`;
        const seniority = maybe(0.2) ? '' : `, seniority: ${pick(['vp', 'c-level', 'director', 'manager', 'individual'])}`;
        L.push(`  - { name: P${k}, title: '-T', role: ${pick(['champion', 'influencer', 'economic-buyer'])}, status: ${pick(['engaged', 'engaged', 'warm', 'cold'])}${seniority}${last} }`);
      }
    }
    if (maybe(0.2)) L.push(`signals:\n  - { type: policy, date: ${day(10)}, summary: '=HYPERLINK("x")', first_touch: '${day(9)}T10:30:00+02:00' }`);
    L.push('---', '');
    writeFileSync(join(dir, 'accounts', `acct-${String(i).padStart(5, '0')}.md`), L.join('\n'));
  }
}

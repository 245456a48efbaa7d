/**
 * Seeded synthetic workspaces for the benchmark: N account scorecards of about 1.5 KB (PURE with
 * evidence, fit, firmographics, engagement, buying committee, signals, next actions, a body, half
 * of them with a generated PURE block), plus segments, bets, a journey and KPI records.
 * The same seed, size and shape always give the same bytes.
 *
 * Two shapes: `clean` (few warnings: the odd untouched signal and the method's own rules) and
 * `warned`, where accounts carry the warnings real workspaces have, about two more per account:
 * `fit-incomplete` (no intent given), `unknown-key` (a field abx does not know) and
 * `signal-untouched` (a signal without a first touch), each in two accounts of three.
 *
 *   node bench/generate.mjs <accounts> <dir> [seed] [clean|warned]
 */
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const GENERATOR_VERSION = 5;
export const SHAPES = ['clean', 'warned'];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIX = ['North', 'Blue', 'Iron', 'Cedar', 'Summit', 'Harbor', 'Stone', 'Silver', 'Atlas', 'Orchid', 'Keystone', 'Pioneer', 'Granite', 'Bright', 'Coastal', 'Meridian', 'Vertex', 'Lumen', 'Polar', 'Redwood'];
const MIDDLE = ['wind', 'water', 'bridge', 'gate', 'line', 'field', 'crest', 'ridge', 'point', 'haven', 'brook', 'stone', 'light', 'peak'];
const SUFFIX = ['Logistics', 'Pharma', 'Freight Partners', 'Biologics', 'Automation', 'Cold Storage', 'Medical Supply', 'Components', 'Distribution', 'Electronics', 'Tool & Die', 'Imports', 'Health', 'Systems'];
const INDUSTRIES = ['Logistics', 'Pharmaceuticals', 'Life Sciences', 'Medical Devices', 'Industrial Machinery', 'Electronics', 'Retail', 'Food & Beverage'];
const REGIONS = ['North America', 'Europe', 'Asia Pacific', 'Latin America'];
const STACK = ['sap', 'snowflake', 'salesforce', 'netsuite', 'servicenow', 'veeva', 'oracle', 'tableau', 'hubspot', 'workday', 'dynamics'];
const MOTIONS = ['detect', 'decode', 'engage', 'accelerate', 'expand'];
const ACTIVITIES = ['website-visit', 'website-visit', 'website-visit', 'content-download', 'content-download', 'event-registration', 'demo-request', 'meeting-scheduled', 'opportunity-created'];
const ROLES = ['champion', 'influencer', 'blocker', 'decision-maker', 'economic-buyer', 'technical-buyer'];
const STATUSES = ['cold', 'warm', 'engaged', 'engaged'];
const SENIORITY = ['c-level', 'vp', 'director', 'manager', 'individual'];
const TITLES = ['VP Operations', 'CFO', 'Director of Distribution', 'VP Quality & Compliance', 'IT Architect', 'Head of Supply Chain', 'COO', 'Procurement Lead', 'CIO', 'Logistics Manager'];
const FIRST = ['Dana', 'Marcus', 'Elaine', 'Owen', 'Nadia', 'Priya', 'Tomas', 'Grace', 'Ken', 'Leila', 'Arjun', 'Sofia', 'Jonas', 'Maya'];
const LAST = ['Ruiz', 'Lee', 'Foster', 'Park', 'Romero', 'Chen', 'Novak', 'Okafor', 'Silva', 'Berg', 'Patel', 'Kim', 'Moreau', 'Walsh'];
const SIGNAL_TYPES = ['policy', 'procurement', 'leadership', 'competitive', 'strategic'];
const SOURCES = ['LinkedIn', 'Federal Register', 'SAM.gov', 'press release', 'earnings call', 'G2 intent'];
const EVIDENCE = {
  painful: ['Three shipments lost to temperature excursions since June', 'Manual reconciliation eats two analysts a week', 'Carrier delays cost them $2M a month in penalties', 'Inventory write-offs doubled year over year'],
  urgent: ['RFP closes at the end of the quarter', 'FDA inspection scheduled for February', 'Contract renewal with the incumbent in 90 days', 'Board mandate to cut logistics cost by 10% this year'],
  recognized: ['VP Operations named visibility a top priority on a podcast', 'CTO asked publicly for vendors', 'Budget line for supply-chain tooling approved', 'Raised the problem unprompted in the discovery call'],
  expensive: ['Each lost lot is worth about $1.2M', 'Penalties of 2% of contract value per late delivery', 'Expedited freight runs $400k a quarter', 'Two recalls last year at $3M each'],
};
const SUMMARIES = ['New VP of Global Distribution hired from a competitor', 'RFI published for shipment visibility', 'Draft guidance on cold-chain records', 'Competitor contract up for renewal', 'Announced a new distribution center'];
const NOTES = ['GDP audit checklist', 'Excursion cost calculator', 'Intro with the CTO', 'ROI webinar', 'Carrier scorecard demo'];
const ACTIONS = ['Book a technical deep-dive with the architecture team', 'Send the excursion cost review to the CFO', 'Invite the champion to the customer roundtable', 'Map the rest of the buying committee', 'Prepare a lane-level pilot proposal'];
const SEGMENTS = ['cold-chain-pharma', 'regional-3pl', 'industrial-manufacturing', 'electronics-oem', 'retail-distribution', 'food-beverage', 'medical-devices', 'specialty-chemicals'];
const PURE_LABELS = { painful: 'Painful', urgent: 'Urgent', recognized: 'Recognized', expensive: 'Expensive' };
const PURE_TIERS = [
  [10, 1, 'Hair-on-Fire'],
  [7, 2, 'Burning Platform'],
  [4, 3, 'Active Pain'],
  [1, 4, 'Emerging Need'],
  [0, 5, 'Future Potential'],
];

const AS_OF = Date.UTC(2026, 10, 24);
const day = (daysBefore) => new Date(AS_OF - daysBefore * 86_400_000).toISOString().slice(0, 10);

/** Keys no schema knows, as teams add them (a CRM id, a stray note): each an `unknown-key` warning. */
const UNKNOWN_KEYS = ['crm_id: 0016g00000', 'tier_override: 2', 'notes: ask about the Q3 pilot', 'legacy_owner: sales-ops@lanternline.example'];

function makeAccount(rnd, i, shape) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  // The warned shape draws its choices first; the clean shape draws nothing extra, so its bytes stay those of earlier runs.
  const warn = shape === 'warned' ? { noIntent: rnd() < 2 / 3, unknownKey: rnd() < 2 / 3, untouched: rnd() < 2 / 3 } : {};
  const name = `${pick(PREFIX)}${pick(MIDDLE)} ${pick(SUFFIX)} ${i}`;
  const id = `account-${String(i).padStart(6, '0')}`;
  const block = rnd() < 0.35; // half the files use block style, half the flow style of the templates
  const scores = {};
  const evidence = {};
  const L = [];
  L.push('---');
  L.push(`name: ${name}`);
  L.push(`domain: ${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`);
  L.push(`segment: ${pick(SEGMENTS)}`);
  L.push(`owner: ${pick(FIRST).toLowerCase()}.${pick(LAST).toLowerCase()}@lanternline.example`);
  L.push(`motion: ${pick(MOTIONS)}`);
  L.push('pure:');
  for (const c of ['painful', 'urgent', 'recognized', 'expensive']) {
    scores[c] = int(0, 3);
    evidence[c] = pick(EVIDENCE[c]);
    if (block) L.push(`  ${c}:`, `    score: ${scores[c]}`, `    evidence: ${evidence[c]}`);
    else L.push(`  ${`${c}:`.padEnd(11)} { score: ${scores[c]}, evidence: ${evidence[c]} }`);
  }
  const intent = int(0, 100);
  if (!warn.noIntent) L.push('fit:', `  intent: ${intent}`);
  const firmo = { industry: pick(INDUSTRIES), employees: int(50, 30000), revenue_usd: int(5, 5000) * 1_000_000, region: pick(REGIONS) };
  const stack = [...new Set([pick(STACK), pick(STACK), pick(STACK)])];
  if (block) {
    L.push('firmographics:', ...Object.entries(firmo).map(([k, v]) => `  ${k}: ${v}`));
    L.push('technographics:', '  stack:', ...stack.map((s) => `    - ${s}`));
  } else {
    L.push(`firmographics: { industry: ${firmo.industry}, employees: ${firmo.employees}, revenue_usd: ${firmo.revenue_usd}, region: ${firmo.region} }`);
    L.push(`technographics: { stack: [${stack.join(', ')}] }`);
  }
  L.push('engagement:');
  const nEng = int(2, 4);
  for (let k = 0; k < nEng; k++) {
    const note = rnd() < 0.3 ? `, note: ${pick(NOTES)}` : '';
    L.push(`  - { date: ${day(int(1, 150))}, type: ${pick(ACTIVITIES)}${note} }`);
  }
  L.push('buying_committee:');
  const nCom = int(1, 3);
  for (let k = 0; k < nCom; k++) {
    L.push(`  - { name: ${pick(FIRST)} ${pick(LAST)}, title: ${pick(TITLES)}, role: ${pick(ROLES)}, status: ${pick(STATUSES)}, seniority: ${pick(SENIORITY)}, last_engaged: ${day(int(1, 120))} }`);
  }
  L.push('signals:');
  const nSig = 1;
  for (let k = 0; k < nSig; k++) {
    const d = int(1, 200);
    // Most signals were touched within three days; a few were not (a realistic warning).
    let touch = rnd() < 0.97 ? `, first_touch: ${day(Math.max(0, d - int(0, 3)))}` : '';
    if (warn.untouched) touch = '';
    L.push(`  - { type: ${pick(SIGNAL_TYPES)}, date: ${day(d)}, summary: ${pick(SUMMARIES)}, source: ${pick(SOURCES)}${touch} }`);
  }
  L.push('next_actions:', `  - ${pick(ACTIONS)}`);
  if (warn.unknownKey) L.push(UNKNOWN_KEYS[i % UNKNOWN_KEYS.length]);
  L.push('---', '', `# ${name}`, '');
  L.push(`${name.split(' ')[0]} runs ${int(2, 40)} distribution centers and ships through several carriers.`);
  if (rnd() < 0.5) {
    const total = Object.values(scores).reduce((a, b) => a + b, 0);
    const [, tier, tierName] = PURE_TIERS.find(([from]) => total >= from);
    L.push('', '<!-- abx:begin pure -->', '| Criterion | Score (0-3) | Evidence |', '|---|---|---|');
    for (const c of Object.keys(PURE_LABELS)) L.push(`| ${PURE_LABELS[c]} | ${scores[c]} | ${evidence[c]} |`);
    L.push(`| TOTAL | ${total}/12 | Tier: ${tier} (${tierName}) |`, '<!-- abx:end pure -->');
  }
  return { id, text: `${L.join('\n')}\n` };
}

function makeSegment(id, share) {
  return `---
name: ${id.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ')}
icp: >-
  Shippers in North America and Europe that move product through several carriers
  and must prove chain of custody to regulators and customers.
criteria:
  firmographic:
    industry: [${INDUSTRIES.slice(0, 4).join(', ')}]
    employees: { min: 500, max: 20000 }
    revenue_usd: { min: 100000000, max: 5000000000 }
    region: [North America, Europe]
  technographic:
    stack: [sap, snowflake, servicenow, tableau]
personas:
  - { title: VP Operations, cares_about: Fewer late shipments }
  - { title: CFO, cares_about: Write-offs and penalties }
pain_points:
  - Excursions found only after delivery
  - Custody evidence assembled by hand
  - No single view across carriers
pricing_model: Annual platform fee plus a per-shipment tier
channels: [industry events, LinkedIn 1:1 ads, webinars]
key_message: Know every excursion while you can still save the shipment.
budget_share: ${share}
---

# ${id}
`;
}

function makeBet(rnd, i, accountIds) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const status = pick(['proposed', 'running', 'won', 'killed']);
  const result = status === 'won' || status === 'killed' ? '\nresult: Meeting rate rose from 8% to 14% on the tested accounts.' : '';
  return `---
name: Bet ${i}
category: ${pick(['messaging', 'channel', 'abm-motion', 'product-launch', 'other'])}
status: ${status}
owner: maya.chen@lanternline.example
hypothesis: Leading with the excursion cost calculator doubles reply rates.
test: Send the calculator to half the tier-2 accounts for six weeks.
success_criteria: Reply rate at least 2x the control group.
kill_condition: No difference after four weeks.
learning_output: Which opener to use for tier-2 outreach.
segments: [${pick(SEGMENTS)}]
accounts: [${pick(accountIds)}, ${pick(accountIds)}]
started: ${day(120)}
review_by: ${day(-30)}${result}
---

# Bet ${i}
`;
}

const JOURNEY = `---
name: Operations leader
persona: VP Operations
stages:
  identification: { customer_activities: [Reads reports], internal_activities: [Signal desk], stakeholders: [VP Operations], deliverables: [Benchmark] }
  consideration: { customer_activities: [Compares vendors], internal_activities: [Tailored demo], stakeholders: [CFO], deliverables: [ROI model] }
  validation: { customer_activities: [Pilot], internal_activities: [Pilot support], stakeholders: [IT Architect], deliverables: [Pilot report] }
  implementation: { customer_activities: [Rollout], internal_activities: [Onboarding], stakeholders: [Ops team], deliverables: [Runbook] }
  expansion: { customer_activities: [New lanes], internal_activities: [QBR], stakeholders: [COO], deliverables: [Expansion plan] }
---
`;

const CONFIG = `version: 1
company: Lanternline
stage: scaling
as_of: 2026-11-24
scoring:
  weights: { firmographic: 40, technographic: 20, intent: 25, engagement: 15 }
  fit_tiers: [80, 60]
`;

/** Writes the workspace unless an identical one (same size, seed, shape and generator) is already there. */
export function generateWorkspace(accounts, dir, seed = 20261124, shape = 'clean') {
  if (!SHAPES.includes(shape)) throw new Error(`bench: unknown workspace shape ${shape} (${SHAPES.join(', ')})`);
  // The clean shape keeps the stamp of earlier generator runs, so existing workspaces are reused.
  const stamp = JSON.stringify(shape === 'clean' ? { accounts, seed, version: GENERATOR_VERSION } : { accounts, seed, shape, version: GENERATOR_VERSION });
  const stampFile = join(dir, '.bench-stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return false;
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['accounts', 'segments', 'bets', 'journeys', 'kpis']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'abx.config.yaml'), CONFIG);
  SEGMENTS.forEach((id) => writeFileSync(join(dir, 'segments', `${id}.md`), makeSegment(id, 12)));
  const rnd = mulberry32(seed);
  const ids = [];
  for (let i = 1; i <= accounts; i++) {
    const { id, text } = makeAccount(rnd, i, shape);
    ids.push(id);
    writeFileSync(join(dir, 'accounts', `${id}.md`), text);
  }
  const bets = Math.max(5, Math.round(accounts / 200));
  for (let i = 1; i <= bets; i++) writeFileSync(join(dir, 'bets', `bet-${String(i).padStart(4, '0')}.md`), makeBet(rnd, i, ids));
  writeFileSync(join(dir, 'journeys', 'operations-leader.md'), JOURNEY);
  writeFileSync(join(dir, 'kpis', '2026-q3.yaml'), '- { kpi: message-resonance-rate, period: 2026-Q3, value: 0.42 }\n- { kpi: deal-influence-rate, period: 2026-Q3, value: 0.81, note: from CRM dashboard }\n');
  writeFileSync(stampFile, stamp);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n, dir, seed, shape] = process.argv.slice(2);
  if (!n || !dir) {
    console.error('usage: node bench/generate.mjs <accounts> <dir> [seed] [clean|warned]');
    process.exit(2);
  }
  generateWorkspace(Number(n), dir, seed ? Number(seed) : undefined, shape);
}

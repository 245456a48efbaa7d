/**
 * What each frontmatter and config key means, in the words of format.md, scoring.md and
 * method.md: the `description` of every property in the JSON Schemas (`json-schema.ts`, `abx
 * schema`), which editors show on hover and beside completions (`src/lsp/`).
 *
 * Paths are dotted keys; `[]` is an item of a list and `*` a value of a map whose keys are the
 * user's (`stages.*`, `rules.*`). A key without an entry simply has no description.
 */
import { PURE_CRITERIA } from './schemas.js';
import type { SchemaKind } from './json-schema.js';

const PURE_WORDS: Record<(typeof PURE_CRITERIA)[number], string> = {
  painful: 'Painful: how much the problem hurts them today',
  urgent: 'Urgent: whether they must act now (a deadline, an RFP, a mandate)',
  recognized: 'Recognized: whether they know and say they have the problem',
  expensive: 'Expensive: what not solving it costs them',
};

const pureCriteria = Object.fromEntries(
  PURE_CRITERIA.flatMap((c) => [
    [`pure.${c}`, `${PURE_WORDS[c]}. A map of score (0-3) and evidence.`],
    [`pure.${c}.score`, '0 (not at all) to 3 (clearly): an integer.'],
    [`pure.${c}.evidence`, 'What you saw that justifies the score: required when the score is above 0 (rule pure-evidence).'],
  ]),
);

const criteria = (prefix: string) => ({
  [prefix]: 'ICP criteria that compute the firmographic and technographic fit components (scoring.md §4).',
  [`${prefix}.firmographic`]: 'Fact → a list of accepted values, or a { min, max } range, matched against the account\'s firmographics.',
  [`${prefix}.firmographic.*`]: 'A list of accepted values, or a { min, max } range.',
  [`${prefix}.firmographic.*.min`]: 'The smallest accepted value (inclusive).',
  [`${prefix}.firmographic.*.max`]: 'The largest accepted value (inclusive).',
  [`${prefix}.technographic`]: 'Technologies the ideal customer runs.',
  [`${prefix}.technographic.stack`]: 'Technologies matched against the account\'s technographics.stack.',
});

const KIND_PATHS = ['segments', 'accounts', 'bets', 'journeys', 'kpis', 'messaging', 'collateral', 'plan', 'investments'] as const;

export const FIELD_DESCRIPTIONS: Record<SchemaKind, Record<string, string>> = {
  account: {
    name: 'The company\'s name (required).',
    domain: 'The company\'s web domain (acme.com): one account per company.',
    segment: 'The id of the segment the account belongs to (a file in segments/).',
    owner: 'Who works the account.',
    motion: 'The ABX motion the account is in: detect, decode, engage, accelerate or expand.',
    pure: 'The PURE scores (Painful, Urgent, Recognized, Expensive), 0-3 each with evidence: the total decides the PURE tier.',
    ...pureCriteria,
    fit: 'Fit components you give by hand (0..100); the others are computed from the segment\'s criteria and the engagement.',
    'fit.firmographic': 'Firmographic fit given by hand, 0..100 (else computed from the segment\'s criteria).',
    'fit.technographic': 'Technographic fit given by hand, 0..100 (else computed from the segment\'s criteria).',
    'fit.intent': 'Intent fit, 0..100: never computed, give it from your intent data.',
    'fit.engagement': 'Engagement fit given by hand, 0..100 (else computed from the engagement points).',
    firmographics: 'Facts about the company, matched against the segment\'s firmographic criteria; add your own facts.',
    'firmographics.industry': 'The company\'s industry.',
    'firmographics.employees': 'Number of employees.',
    'firmographics.revenue_usd': 'Annual revenue in USD.',
    'firmographics.region': 'Where the company is (North America, EMEA…).',
    'firmographics.*': 'A fact of your own, matched against a segment criterion of the same name.',
    technographics: 'The company\'s technology, matched against the segment\'s technographic criteria.',
    'technographics.stack': 'Technologies the company runs (salesforce, snowflake…).',
    'technographics.*': 'A fact of your own about the company\'s technology.',
    engagement: 'Activities with the account: each earns the points of its type in the config\'s scoring.engagement.points.',
    'engagement[].date': 'When it happened (YYYY-MM-DD).',
    'engagement[].type': 'An activity type of the config\'s scoring.engagement.points (website-visit, meeting-scheduled…).',
    'engagement[].note': 'What happened, for people.',
    buying_committee: 'The people in the buying decision: engaged senior members make the account an MQA.',
    'buying_committee[].name': 'The person\'s name (required).',
    'buying_committee[].title': 'Their job title.',
    'buying_committee[].role': 'Their role in the decision: champion, influencer, blocker, decision-maker, economic-buyer or technical-buyer.',
    'buying_committee[].status': 'How engaged they are: cold, warm or engaged.',
    'buying_committee[].seniority': 'c-level, vp, director, manager or individual: the config\'s mqa.senior_levels count as senior.',
    'buying_committee[].last_engaged': 'The last time they engaged (YYYY-MM-DD): engaged within the MQA window counts.',
    'buying_committee[].email': 'Their email address.',
    'buying_committee[].note': 'Anything else worth knowing.',
    signals: 'Buying signals: policy, procurement, leadership, competitive or strategic events.',
    'signals[].type': 'policy, procurement, leadership, competitive or strategic.',
    'signals[].date': 'When the signal appeared (YYYY-MM-DD).',
    'signals[].summary': 'What happened.',
    'signals[].source': 'Where you saw it.',
    'signals[].first_touch': 'When you first acted on it (date or date-time): signal latency is measured from date to first_touch.',
    next_actions: 'What to do next, first things first: the first is what the weekly meeting asks about.',
    discovery: 'The four discovery questions (method.md §3), each answered in text.',
    'discovery.players': 'Who is involved in the decision.',
    'discovery.relationships': 'How the players relate to each other and to you.',
    'discovery.influencing_factors': 'What influences the decision.',
    'discovery.decision_factors': 'What the decision will be made on.',
    tags: 'Free labels for filters and lists.',
    deals: 'The account\'s deals, for pipeline velocity, win rates and deal influence (docs/deals.md).',
    'deals[].id': 'The deal\'s id, unique within the account.',
    'deals[].amount_usd': 'The deal\'s value in USD.',
    'deals[].created': 'When the deal was created (YYYY-MM-DD).',
    'deals[].proposal': 'When the proposal went out (YYYY-MM-DD).',
    'deals[].closed': 'When the deal closed (YYYY-MM-DD).',
    'deals[].result': 'open, won or lost.',
    'deals[].competitors': 'Competitors in the deal.',
    'deals[].win_loss': 'Why the deal was won or lost.',
    'deals[].win_loss.decision_criteria': 'What the decision was made on.',
    'deals[].win_loss.buying_process': 'How they bought.',
    'deals[].win_loss.messaging': 'How the messaging landed.',
    'deals[].win_loss.competitive': 'How the competition played.',
    'deals[].win_loss.timeline': 'How the timeline went.',
  },
  segment: {
    name: 'The segment\'s name (required).',
    icp: 'The ideal customer profile, in words.',
    ...criteria('criteria'),
    personas: 'The people you sell to in this segment: each a title and what they care about.',
    'personas[].title': 'The persona\'s job title (VP Supply Chain).',
    'personas[].cares_about': 'What the persona cares about.',
    pain_points: 'The segment\'s top three pain points (rule segment-top3-pain).',
    pricing_model: 'How you price for this segment.',
    channels: 'The channels that reach the segment.',
    key_message: 'The one message for the segment.',
    budget_share: 'The segment\'s share of the ABM budget, 0..100: the segments\' shares add up to at most 100.',
    synergies: 'What the segment shares with others.',
    'synergies.reusable_collateral': 'Collateral other segments can reuse.',
    'synergies.shared_success_stories': 'Success stories that work across segments.',
    'synergies.education_topics': 'Topics to educate the market on.',
  },
  bet: {
    name: 'The bet\'s name (required).',
    category: 'messaging, channel, abm-motion, product-launch or other.',
    status: 'proposed, running, won or killed: a running bet needs started and review_by; a won or killed bet, its result.',
    owner: 'Who runs the bet.',
    hypothesis: 'We believe that [audience] will [behaviour] because [reason].',
    test: 'What you will do, to whom, for how long.',
    success_criteria: 'The measurable result that means the bet won.',
    kill_condition: 'The result or date at which you stop.',
    learning_output: 'What the team will know afterwards, win or lose.',
    segments: 'Ids of the segments the bet targets.',
    accounts: 'Ids of the accounts the bet targets.',
    started: 'When the bet started (YYYY-MM-DD).',
    review_by: 'When to review the bet (YYYY-MM-DD): a running bet past it is overdue.',
    result: 'What happened: required once the bet is won or killed.',
  },
  journey: {
    name: 'The journey\'s name (required).',
    segment: 'The id of the segment whose journey this is.',
    persona: 'The persona the journey follows.',
    stages: 'Each of the config\'s journey stages → its activities, stakeholders and deliverables.',
    'stages.*': 'A journey stage: customer and internal activities, stakeholders and deliverables.',
    'stages.*.customer_activities': 'What the customer does at this stage.',
    'stages.*.internal_activities': 'What your team does at this stage.',
    'stages.*.stakeholders': 'Who is involved at this stage.',
    'stages.*.deliverables': 'What you hand over at this stage.',
  },
  kpi: {
    '[].kpi': 'A KPI id of the KPI architecture (message-resonance-rate, pipeline-velocity…).',
    '[].period': 'A day (2026-10-05), an ISO week (2026-W41), a month (2026-10) or a quarter (2026-Q3).',
    '[].value': 'The measured value.',
    '[].note': 'Where the number came from.',
  },
  messaging: {
    name: 'The messaging architecture\'s name (required).',
    segments: 'Ids of the segments it serves.',
    category_narrative: 'The story of the category you lead.',
    capabilities: 'Capabilities, what they mean and what they bring each segment.',
    'capabilities[].capability': 'What the product does.',
    'capabilities[].so_what': 'Why it matters.',
    'capabilities[].benefits': 'Segment id → the benefit for that segment.',
    'capabilities[].benefits.*': 'The benefit for that segment.',
    personas: 'The message for each persona, with its proof points.',
    'personas[].persona': 'A persona title of the segments served.',
    'personas[].cares_about': 'What the persona cares about.',
    'personas[].message': 'The message for the persona.',
    'personas[].proof_points': 'Ids of collateral that proves the message.',
    keywords: 'Words the messaging owns.',
  },
  collateral: {
    name: 'The collateral\'s name (required).',
    type: 'roi-calculator, datasheet, case-study, battle-card, executive-presentation or other.',
    purpose: 'What the collateral is for.',
    owner: 'Who keeps it current.',
    url: 'Where it lives.',
    segments: 'Ids of the segments it serves.',
    personas: 'The persona titles it serves.',
    review_cadence: 'How often it is reviewed: weekly, biweekly, monthly or quarterly.',
    last_reviewed: 'When it was last reviewed (YYYY-MM-DD).',
    metrics: 'What the collateral is measured on.',
    'metrics[].metric': 'The metric\'s name.',
    'metrics[].target': 'The target value.',
    'metrics[].value': 'The measured value.',
    'metrics[].period': 'The period the value is for.',
  },
  plan: {
    name: 'The plan\'s name (required).',
    started: 'When the 90 days started (YYYY-MM-DD).',
  },
  investment: {
    '[].period': 'A month (2026-10) or a quarter (2026-Q3).',
    '[].category': 'technology, content, advertising, events or headcount.',
    '[].amount_usd': 'The amount spent, in USD.',
    '[].note': 'What it was spent on.',
  },
  config: {
    version: 'The config format\'s version: 1 (required).',
    company: 'Your company\'s name, shown in report headers.',
    stage: 'early, scaling or leader: the budget guidance of the reports.',
    as_of: 'A fixed as-of date (YYYY-MM-DD) for reproducible scores and reports; null for today.',
    generated_blocks: 'The generated blocks abx writes and checks in account bodies: pure, fit.',
    paths: 'The glob of each kind\'s files, relative to the workspace root.',
    ...Object.fromEntries(KIND_PATHS.map((k) => [`paths.${k}`, `The glob of the ${k} files.`])),
    scoring: 'The fit model (scoring.md): weights, tiers, engagement points and the MQA rule.',
    'scoring.weights': 'The weight of each fit component in percent: they add up to 100.',
    'scoring.weights.firmographic': 'Weight of the firmographic component, in percent.',
    'scoring.weights.technographic': 'Weight of the technographic component, in percent.',
    'scoring.weights.intent': 'Weight of the intent component, in percent.',
    'scoring.weights.engagement': 'Weight of the engagement component, in percent.',
    'scoring.fit_tiers': 'The fit scores at which tier 1 and tier 2 start, highest first ([80, 60]).',
    'scoring.fit_tier_capacity': 'The most accounts a 1:1 (tier 1) and a 1:few (tier 2) programme can run (rule tier-capacity).',
    'scoring.engagement': 'How engagement activities become the engagement component.',
    'scoring.engagement.window_days': 'Activities older than this many days no longer count.',
    'scoring.engagement.cap': 'The points at which engagement reaches 100.',
    'scoring.engagement.points': 'Activity type → points: the types an account\'s engagement may use.',
    'scoring.engagement.points.*': 'The points an activity of this type earns.',
    'scoring.mqa': 'When an account is a marketing-qualified account.',
    'scoring.mqa.window_days': 'A member engaged within this many days counts as engaged.',
    'scoring.mqa.min_engaged': 'Engaged members an MQA needs.',
    'scoring.mqa.min_senior': 'Engaged senior members an MQA needs.',
    'scoring.mqa.senior_levels': 'The seniorities that count as senior.',
    icp: 'The ICP used when a segment has no criteria of its own.',
    ...criteria('icp.criteria'),
    journey: 'The journey every journey map follows.',
    'journey.stages': 'The journey\'s stages, in order.',
    kpis: 'Target overrides, by KPI id.',
    'kpis.*': 'The KPI\'s target.',
    'kpis.*.target': 'The target value.',
    import: 'Settings of abx import.',
    'import.regions': 'Country → region, over the built-in table.',
    'import.regions.*': 'The region for this country.',
    rules: 'Severity per rule id: error, warn or off.',
    'rules.*': 'error, warn or off.',
    schemas: 'Your own JSON Schemas (YAML or JSON files) for extra fields, by kind.',
    ...Object.fromEntries(KIND_PATHS.map((k) => [`schemas.${k}`, `A JSON Schema the ${k} files must also satisfy.`])),
  },
};

type JsonObject = Record<string, unknown>;

/** Adds each key's description to a generated JSON Schema, in place. */
export function describeProperties(json: JsonObject, descriptions: Record<string, string>): void {
  const walk = (node: unknown, path: string): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as JsonObject;
    for (const branch of (n.anyOf as unknown[] | undefined) ?? []) walk(branch, path);
    const props = n.properties as Record<string, JsonObject> | undefined;
    for (const [key, child] of Object.entries(props ?? {})) {
      const at = path === '' ? key : `${path}.${key}`;
      const description = descriptions[at];
      if (description !== undefined && props) props[key] = { description, ...child };
      walk(props?.[key], at);
    }
    if (typeof n.additionalProperties === 'object') {
      const at = `${path}${path === '' ? '' : '.'}*`;
      const description = descriptions[at];
      if (description !== undefined) n.additionalProperties = { description, ...(n.additionalProperties as JsonObject) };
      walk(n.additionalProperties, at);
    }
    if (n.items !== undefined) walk(n.items, `${path}[]`);
  };
  walk(json, '');
}

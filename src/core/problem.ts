/** A problem is data: it flows from the rules to a renderer; only the CLI decides what it means for the exit code. */

export type Severity = 'error' | 'warning';
export type SeveritySetting = 'error' | 'warn' | 'off';

export interface Problem {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  rule: string;
  message: string;
}

/** A path into a file's YAML data: map keys and list indexes. */
export type DataPath = readonly (string | number)[];

/** A problem found by a rule before it is given a position in its file. */
export interface Finding {
  rule: RuleId;
  message: string;
  /** Where in the data; an empty path means the document itself. */
  path?: DataPath;
  /** A position already known (syntax errors, body blocks). */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface RuleInfo {
  severity: Severity;
  summary: string;
  /** Rules that guard the integrity of parsed data cannot be switched off or downgraded. */
  fixed?: boolean;
}

export const RULES = {
  'file-unreadable': { severity: 'error', fixed: true, summary: 'The file cannot be read as text: binary, too large, not UTF-8, or a link that leaves the workspace.' },
  'frontmatter-missing': { severity: 'error', fixed: true, summary: 'A markdown file does not start with a `---` frontmatter block.' },
  'frontmatter-syntax': { severity: 'error', fixed: true, summary: 'The frontmatter is not safe, well-formed YAML (unterminated, another language, duplicate keys, alias bombs, tags).' },
  schema: { severity: 'error', fixed: true, summary: 'A field has the wrong type, is out of range, or a required field is missing.' },
  'invalid-id': { severity: 'error', fixed: true, summary: 'A file name (the id) is not lowercase letters, digits and `-`.' },
  'duplicate-id': { severity: 'error', fixed: true, summary: 'Two files of one kind have the same id, or two KPI records the same (kpi, period).' },
  'unknown-key': { severity: 'warning', summary: 'A key the schema does not know (with a "did you mean" suggestion).' },
  'unknown-reference': { severity: 'error', summary: 'An id that names no file of that kind, or a KPI id that is not in the KPI architecture.' },
  'future-date': { severity: 'error', summary: 'An activity, signal, stakeholder or deal date after the as-of date.' },
  'custom-schema': { severity: 'error', summary: 'A JSON Schema named in the config `schemas` rejected the file.' },
  'pure-evidence': { severity: 'error', summary: 'A PURE criterion scored above 0 has no evidence.' },
  'unknown-activity-type': { severity: 'error', summary: 'An engagement activity type that is not in the points table.' },
  'fit-conflict': { severity: 'error', summary: 'A fit component is both given and computable: one number, one source.' },
  'fit-incomplete': { severity: 'warning', summary: 'A fit component is neither given nor computable and counts as 0.' },
  'fact-near-miss': { severity: 'warning', summary: "A firmographic fact matches none of its criterion's values but is close to one." },
  'no-segment': { severity: 'warning', summary: 'An account with firmographic or technographic facts but no segment to compare them with.' },
  'fit-unknown-fact': { severity: 'warning', summary: 'An ICP criterion whose account fact is missing (it does not match).' },
  'multithread-before-proposal': { severity: 'warning', summary: 'An account in motion `accelerate` with fewer engaged stakeholders than the MQA minimum.' },
  'signal-untouched': { severity: 'warning', summary: 'A signal more than 72 hours old without a first touch.' },
  'signal-touch-before-date': { severity: 'error', summary: "A signal's first_touch is before the date it was detected." },
  'segment-top3-pain': { severity: 'warning', summary: 'A segment does not list exactly three pain points.' },
  'budget-share-sum': { severity: 'error', summary: "The segments' budget shares add up to more than 100." },
  'bet-incomplete': { severity: 'error', summary: 'A bet lacks a hypothesis, test, success criteria, kill condition or learning output.' },
  'bet-running-dates': { severity: 'error', summary: 'A running bet without `started` or `review_by`.' },
  'bet-review-overdue': { severity: 'warning', summary: 'A running bet whose `review_by` is before the as-of date.' },
  'bet-result-missing': { severity: 'error', summary: 'A won or killed bet without `result`.' },
  'journey-stage-missing': { severity: 'error', summary: 'A journey map lacks a configured stage.' },
  'table-drift': { severity: 'warning', summary: 'A generated block no longer matches the frontmatter (run `abx score --write` or `abx fmt`).' },
  'messaging-incomplete': { severity: 'error', summary: 'A messaging file without a `category_narrative`, or a capability without `so_what`.' },
  'capability-benefit-missing': { severity: 'warning', summary: 'A capability has no benefit for a segment the messaging serves (one per capability and segment).' },
  'persona-message-missing': { severity: 'warning', summary: "A persona of a served segment (the segment's `personas[].title`) has no entry in the messaging's persona map." },
  'proof-point-missing': { severity: 'warning', summary: 'A persona message without `proof_points`: proven, not promised.' },
  'collateral-review-overdue': { severity: 'warning', summary: 'A collateral asset not reviewed within its cadence (7, 14, 31 or 92 days), or never reviewed.' },
  'collateral-metrics-missing': { severity: 'warning', summary: 'A collateral asset without `metrics`: track effectiveness, not creation.' },
  'discovery-gap': { severity: 'warning', summary: 'A PURE or fit Tier 1 account in motion engage, accelerate or expand lacks one of the four discovery answers.' },
  'plan-phase-overdue': { severity: 'warning', summary: 'A phase of the 90-day plan is past its end with open tasks.' },
  'tier-capacity': { severity: 'warning', summary: 'More accounts in fit tier 1 or 2 than `scoring.fit_tier_capacity` allows (reported on the config).' },
  'number-precision': { severity: 'warning', summary: 'A number with more digits than a number can hold: abx would read a nearby number instead.' },
  'duplicate-domain': { severity: 'warning', summary: 'Two account files have one domain (after normalising): one company, one account.' },
  'block-markers': { severity: 'warning', summary: 'Generated-block markers are unbalanced or interleaved: abx cannot rewrite the blocks until they are fixed by hand.' },
  'tier1-coverage': { severity: 'warning', summary: 'A Tier 1 account (fit or PURE) with no champion, or no economic buyer or decision maker, mapped.' },
  'deal-dates': { severity: 'error', summary: 'A deal whose proposal or closed date is before created, a won or lost deal without closed, or an open deal with closed.' },
  'win-loss-missing': { severity: 'warning', summary: 'A won or lost deal without win_loss, or missing one of its five dimensions (one problem per dimension).' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(value: string): value is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, value);
}

export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    if (p.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Stable order for output: by file, then position, then rule. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/**
 * What `abx diff` says about the method besides tiers (method.md §1, §2): how messaging coverage
 * moved and which collateral became, or stopped being, overdue for review. Pure: two analyses in
 * (the base may be absent), plain data out. Both sides are computed for the head's as-of date.
 */
import type { Analysis } from './model.js';
import { collateralReport } from './report/collateral.js';
import { messagingReport, type Coverage } from './report/messaging.js';

export interface MethodDiff {
  coverage: {
    base: { benefits: Coverage; personas: Coverage } | null;
    head: { benefits: Coverage; personas: Coverage };
    changed: boolean;
  };
  /** Collateral overdue for review or never reviewed, by id. */
  overdue: { base: string[]; head: string[]; added: string[]; resolved: string[]; changed: boolean };
}

function coverageOf(a: Analysis) {
  const r = messagingReport(a);
  return { benefits: r.benefitCoverage, personas: r.personaCoverage };
}

function overdueOf(a: Analysis): string[] {
  return collateralReport(a)
    .assets.filter((x) => x.review === 'overdue' || x.review === 'never')
    .map((x) => x.id)
    .sort();
}

const same = (x: Coverage, y: Coverage) => x.filled === y.filled && x.expected === y.expected;

export function diffMethod(base: Analysis | undefined, head: Analysis): MethodDiff {
  const headCoverage = coverageOf(head);
  const baseCoverage = base ? coverageOf(base) : null;
  const headOverdue = overdueOf(head);
  const baseOverdue = base ? overdueOf(base) : [];
  const added = headOverdue.filter((id) => !baseOverdue.includes(id));
  const resolved = baseOverdue.filter((id) => !headOverdue.includes(id));
  return {
    coverage: {
      base: baseCoverage,
      head: headCoverage,
      changed: baseCoverage === null ? headCoverage.benefits.expected + headCoverage.personas.expected > 0 : !same(baseCoverage.benefits, headCoverage.benefits) || !same(baseCoverage.personas, headCoverage.personas),
    },
    overdue: { base: baseOverdue, head: headOverdue, added, resolved, changed: added.length + resolved.length > 0 },
  };
}

/** "66.7% (8 of 12)", or "none expected". */
function pct(c: Coverage | undefined): string {
  if (c === undefined || c.percent === null) return 'none';
  return `${c.percent}% (${c.filled} of ${c.expected})`;
}

/** The one line on messaging coverage, or none when it did not move. `id` formats ids for the medium. */
export function coverageLine(d: MethodDiff): string | undefined {
  if (!d.coverage.changed) return undefined;
  const { base, head } = d.coverage;
  return `Messaging coverage: benefits ${pct(base?.benefits)} → ${pct(head.benefits)}; personas ${pct(base?.personas)} → ${pct(head.personas)}.`;
}

/** The one line on overdue collateral, or none when the list did not change. */
export function overdueLine(d: MethodDiff, id: (value: string) => string): string | undefined {
  const o = d.overdue;
  if (!o.changed) return undefined;
  const parts = [...(o.added.length > 0 ? [`now overdue ${o.added.map((x) => id(x)).join(', ')}`] : []), ...(o.resolved.length > 0 ? [`reviewed ${o.resolved.map((x) => id(x)).join(', ')}`] : [])];
  return `Collateral overdue for review: ${o.base.length} → ${o.head.length} (${parts.join('; ')}).`;
}

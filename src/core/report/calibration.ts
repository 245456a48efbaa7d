/**
 * Calibration (method.md §5): does the scoring model predict wins? Every closed deal's account
 * is scored as of the deal's `created` date — engagement, signals and committee dates after it
 * do not count (and are not errors here) — then win rate, count and lift (tier win rate ÷
 * overall win rate) are given per fit tier and per PURE tier. Other weights (`--weights`) score
 * the same deals again, so a model change can be tried on the team's own history first.
 */
import type { Analysis } from '../analyze.js';
import type { Config } from '../config.js';
import { dayNumber } from '../dates.js';
import type { Account } from '../kinds/account.js';
import { FIT_COMPONENTS, type FitComponent } from '../schemas.js';
import { scoreAccount } from '../scoring/account.js';
import { div, exact, roundTenth, mul, type Exact } from '../scoring/exact.js';
import { FIT_TIERS } from '../scoring/fit.js';
import { PURE_TIERS } from '../scoring/pure.js';
import { dealFacts, isClosed, roundExact, type DealFact } from './deals.js';

/** Fewer closed deals than this in fit tier 1 or 3 and the verdict waits for more data. */
export const MIN_DEALS_FOR_VERDICT = 5;

export type Weights = Record<FitComponent, number>;
export type Verdict = 'predictive' | 'not-predictive' | 'insufficient-data';

export interface CalibrationRow {
  /** Fit tier 1-3 or PURE tier 1-5; null for deals whose account had no PURE score. */
  tier: number | null;
  name: string;
  count: number;
  won: number;
  lost: number;
  /** Percent, one decimal; null with no closed deals in the tier. */
  winRate: number | null;
  /** Tier win rate ÷ overall win rate, two decimals; null when either is null or the overall rate is 0. */
  lift: number | null;
}

export interface CalibrationModel {
  /** `config` for the workspace's weights, `--weights` for the alternative. */
  label: 'config' | '--weights';
  weights: Weights;
  fit: CalibrationRow[];
  verdict: Verdict;
  /** The verdict in a sentence. */
  reason: string;
}

export interface CalibratedDeal {
  account: string;
  deal: string;
  result: 'won' | 'lost';
  created: string;
  closed: string;
  amountUsd: number;
  /** Fit score and tier as of `created`, per model in the order of `models`. */
  fit: { score: number; tier: number }[];
  pureTier: number | null;
}

export interface CalibrationReport {
  closedDeals: number;
  won: number;
  lost: number;
  winRate: number | null;
  models: CalibrationModel[];
  pure: CalibrationRow[];
  deals: CalibratedDeal[];
}

export interface CalibrationOptions {
  weights?: Weights;
}

/** `--weights 40,20,25,15`: firmographic, technographic, intent, engagement, adding up to 100; undefined when not. */
export function parseWeights(text: string): Weights | undefined {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== FIT_COMPONENTS.length || parts.some((p) => !/^\d+(?:\.\d+)?$/.test(p))) return undefined;
  const values = parts.map(Number);
  const total = values.reduce((s, v) => s + v * 1e6, 0);
  if (Math.round(total) !== 100e6) return undefined;
  return Object.fromEntries(FIT_COMPONENTS.map((c, i) => [c, values[i]])) as Weights;
}

/** The account as it stood on `day`: dated entries after it are left out. */
export function accountAsOf(account: Account, day: number): Account {
  const onOrBefore = (date: string | undefined) => date === undefined || (dayNumber(date.slice(0, 10)) ?? Infinity) <= day;
  return {
    ...account,
    engagement: account.engagement?.filter((a) => onOrBefore(a.date)),
    signals: account.signals?.filter((s) => onOrBefore(s.date)).map((s) => (onOrBefore(s.first_touch) ? s : { ...s, first_touch: undefined })),
    buying_committee: account.buying_committee?.map((m) => (onOrBefore(m.last_engaged) ? m : { ...m, status: 'cold' as const, last_engaged: undefined })),
  };
}

export function calibrationReport(analysis: Analysis, options: CalibrationOptions = {}): CalibrationReport {
  const closed = dealFacts(analysis).filter((d): d is DealFact & { closedDay: number } => isClosed(d) && d.closedDay <= analysis.asOfDay);
  const configs: { label: CalibrationModel['label']; config: Config }[] = [{ label: 'config', config: analysis.config }];
  if (options.weights) configs.push({ label: '--weights', config: { ...analysis.config, weights: options.weights } });

  const deals: CalibratedDeal[] = [];
  for (const d of closed) {
    const entry = analysis.accounts.get(d.account);
    if (!entry) continue;
    const account = accountAsOf(entry.data, d.createdDay);
    const segment = account.segment ? analysis.segments.get(account.segment)?.data : undefined;
    const scores = configs.map(({ config }) => scoreAccount({ id: d.account, account, segment, config, asOfDay: d.createdDay, detail: false }).score);
    deals.push({
      account: d.account,
      deal: d.deal.id,
      result: d.result as 'won' | 'lost',
      created: d.deal.created,
      closed: d.deal.closed as string,
      amountUsd: d.deal.amount_usd,
      fit: scores.map((s) => ({ score: s.fit.score, tier: s.fit.tier })),
      pureTier: scores[0]?.pure?.tier ?? null,
    });
  }

  const overall = rateOf(deals);
  const row = (tier: number | null, name: string, members: CalibratedDeal[]): CalibrationRow => {
    const r = rateOf(members);
    const lift = r.rate === null || overall.rate === null || overall.rate.n === 0n ? null : roundHundredth(div(r.rate, overall.rate));
    return { tier, name, count: members.length, won: r.won, lost: r.lost, winRate: percent(r.rate), lift };
  };
  const models = configs.map(({ label, config }, m): CalibrationModel => {
    const fit = FIT_TIERS.map((t) => row(t.tier, t.name, deals.filter((d) => d.fit[m]?.tier === t.tier)));
    return { label, weights: { ...config.weights }, fit, ...verdictOf(fit) };
  });
  const pure = [...PURE_TIERS.map((t) => row(t.tier, t.name, deals.filter((d) => d.pureTier === t.tier))), row(null, 'Unscored', deals.filter((d) => d.pureTier === null))];
  return { closedDeals: deals.length, won: overall.won, lost: overall.lost, winRate: percent(overall.rate), models, pure, deals };
}

function rateOf(deals: readonly CalibratedDeal[]): { won: number; lost: number; rate: Exact | null } {
  const won = deals.filter((d) => d.result === 'won').length;
  const lost = deals.length - won;
  return { won, lost, rate: deals.length === 0 ? null : exact(BigInt(won), BigInt(deals.length)) };
}

const percent = (rate: Exact | null): number | null => (rate === null ? null : roundTenth(mul(rate, exact(100n))));

/** Lift is a ratio, not a percentage: two decimals. */
const roundHundredth = (value: Exact): number => roundExact(value, 2);

function verdictOf(fit: readonly CalibrationRow[]): { verdict: Verdict; reason: string } {
  const [t1, , t3] = fit as [CalibrationRow, CalibrationRow, CalibrationRow];
  if (t1.count < MIN_DEALS_FOR_VERDICT || t3.count < MIN_DEALS_FOR_VERDICT) {
    return { verdict: 'insufficient-data', reason: `no verdict yet: fit tier 1 has ${t1.count} and tier 3 ${t3.count} closed deals; each needs at least ${MIN_DEALS_FOR_VERDICT}` };
  }
  // Compared exactly (won₁ / n₁ > won₃ / n₃), not on the rounded percentages.
  const better = t1.won * t3.count > t3.won * t1.count;
  return better
    ? { verdict: 'predictive', reason: `fit tier 1 wins ${t1.winRate}% of its deals, tier 3 ${t3.winRate}%` }
    : { verdict: 'not-predictive', reason: `not predictive: fit tier 1 wins ${t1.winRate}% of its deals, no more than tier 3's ${t3.winRate}%` };
}

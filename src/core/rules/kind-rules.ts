/** Rules for segments, bets and journeys, each file on its own. */
import type { Config } from '../config.js';
import { dayNumber } from '../dates.js';
import type { Finding } from '../problem.js';
import { BET_COMPONENTS, type Bet, type Journey, type Segment } from '../schemas.js';
import { didYouMean } from '../suggest.js';

export function segmentRules(segment: Segment): Finding[] {
  const out: Finding[] = [];
  const pains = segment.pain_points?.length ?? 0;
  if (pains !== 3) {
    out.push({
      rule: 'segment-top3-pain',
      path: segment.pain_points ? ['pain_points'] : [],
      message: `a segment names its top 3 pain points: pain_points has ${pains}`,
    });
  }
  for (const [fact, criterion] of Object.entries(segment.criteria?.firmographic ?? {})) {
    if (!Array.isArray(criterion) && criterion.min !== undefined && criterion.max !== undefined && criterion.min > criterion.max) {
      out.push({ rule: 'schema', path: ['criteria', 'firmographic', fact], message: `criteria.firmographic.${fact} has min ${criterion.min} above max ${criterion.max}` });
    }
  }
  return out;
}

const COMPONENT_WORDS: Record<(typeof BET_COMPONENTS)[number], string> = {
  hypothesis: 'hypothesis',
  test: 'test',
  success_criteria: 'success criteria',
  kill_condition: 'kill condition',
  learning_output: 'learning output',
};

export function betRules(bet: Bet, asOfDay: number): Finding[] {
  const out: Finding[] = [];
  const missing = BET_COMPONENTS.filter((c) => {
    const v = bet[c];
    return v === undefined || v === null || v.trim() === '';
  });
  for (const c of missing) {
    out.push({
      rule: 'bet-incomplete',
      path: bet[c] === undefined ? [] : [c],
      message: `the bet has no ${COMPONENT_WORDS[c]} (${c}): every bet states hypothesis, test, success_criteria, kill_condition and learning_output`,
    });
  }
  if (bet.status === 'running') {
    const lacking = (['started', 'review_by'] as const).filter((k) => bet[k] === undefined);
    if (lacking.length > 0) {
      out.push({ rule: 'bet-running-dates', path: ['status'], message: `a running bet needs ${lacking.join(' and ')}` });
    }
    const review = bet.review_by ? dayNumber(bet.review_by) : undefined;
    if (review !== undefined && review < asOfDay) {
      out.push({ rule: 'bet-review-overdue', path: ['review_by'], message: `review_by (${bet.review_by}) has passed: review the bet, then record won or killed, or a new review date` });
    }
  }
  if ((bet.status === 'won' || bet.status === 'killed') && (bet.result === undefined || bet.result === null || bet.result.trim() === '')) {
    out.push({ rule: 'bet-result-missing', path: bet.result === undefined ? ['status'] : ['result'], message: `a ${bet.status} bet records its result` });
  }
  return out;
}

export function journeyRules(journey: Journey, config: Config): Finding[] {
  const out: Finding[] = [];
  const stages = journey.stages ?? {};
  for (const stage of config.journeyStages) {
    if (!Object.prototype.hasOwnProperty.call(stages, stage)) {
      out.push({ rule: 'journey-stage-missing', path: journey.stages ? ['stages'] : [], message: `the journey map has no "${stage}" stage` });
    }
  }
  for (const stage of Object.keys(stages)) {
    if (!config.journeyStages.includes(stage)) {
      out.push({
        rule: 'unknown-key',
        path: ['stages', stage],
        message: `"${stage}" is not a configured journey stage${didYouMean(stage, config.journeyStages)}; stages: ${config.journeyStages.join(', ')}`,
      });
    }
  }
  return out;
}

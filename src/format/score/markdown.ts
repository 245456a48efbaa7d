/** `abx score --format markdown`: one table row per account, for pull requests and docs. */
import type { AccountScore } from '../../core/scoring/account.js';
import { roundTenth } from '../../core/scoring/exact.js';
import { markdownCode, markdownText } from '../escape/markdown.js';
import type { Renderer, ScoreView } from '../views.js';

export function scoresMarkdown(scores: readonly AccountScore[]): string {
  const lines = [
    '| Account | Segment | PURE | PURE tier | Fit | Fit tier | Engagement | Engaged | MQA |',
    '|---|---|---:|---|---:|---|---:|---:|---|',
  ];
  for (const s of scores) {
    lines.push(
      `| ${markdownText(s.name, 120)} (${markdownCode(s.id, { table: true, max: 120 })}) | ${markdownText(s.segment ?? '—', 60)} | ${s.pure ? `${s.pure.total}/12` : '—'} | ${s.pure ? `${s.pure.tier} ${s.pure.tierName}` : 'unscored'} | ${s.fit.score} | ${s.fit.tier} ${s.fit.tierName} | ${roundTenth(s.fit.components.engagement.value)} | ${s.engagedStakeholders} | ${s.mqa ? 'yes' : 'no'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export const render: Renderer<ScoreView> = (v) => scoresMarkdown(v.scores);

/** `abx score` in the terminal: one row per account, tier colours, and a summary of counts per tier. */
import type { ChalkInstance } from 'chalk';
import type { AccountScore } from '../../core/scoring/account.js';
import { roundTenth } from '../../core/scoring/exact.js';
import type { Renderer, ScoreView } from '../views.js';
import { renderExplainText } from './explain.js';
import { terminalText } from '../escape/terminal.js';
import { fittedTable, type Column } from '../fit-width.js';
import { wrapText } from '../wrap.js';
import { summaryLine } from './rows.js';

export function pureColour(chalk: ChalkInstance, tier: number | undefined): (s: string) => string {
  switch (tier) {
    case 1:
      return chalk.red.bold;
    case 2:
      return chalk.red;
    case 3:
      return chalk.yellow;
    case 4:
      return chalk.cyan;
    case 5:
      return chalk.gray;
    default:
      return chalk.dim;
  }
}

export function fitColour(chalk: ChalkInstance, tier: number): (s: string) => string {
  return tier === 1 ? chalk.green.bold : tier === 2 ? chalk.green : chalk.gray;
}

/** On a narrow terminal the engagement detail goes first, then the names; the scores and tiers stay. */
const SCORE_COLUMNS: Column[] = [
  { head: 'Account' },
  { head: 'Name', wrap: true, min: 12, drop: 5 },
  { head: 'Segment', wrap: true, min: 10, drop: 6 },
  { head: 'PURE', align: 'right' },
  { head: 'PURE tier', wrap: true, min: 9 },
  { head: 'Fit', align: 'right' },
  { head: 'Fit tier', wrap: true, min: 8 },
  { head: 'Engagement', align: 'right', drop: 7 },
  { head: 'Engaged', align: 'right', drop: 4 },
  { head: 'MQA', drop: 3 },
];

export function renderScoreTable(scores: readonly AccountScore[], chalk: ChalkInstance, quiet: boolean, width?: number): string {
  if (scores.length === 0) return quiet ? '' : 'No accounts to score yet: add one with abx new account <id>.\n';
  const table: string[][] = [];
  for (const s of scores) {
    const pc = pureColour(chalk, s.pure?.tier);
    const fc = fitColour(chalk, s.fit.tier);
    table.push([
      terminalText(s.id, 60),
      terminalText(s.name, 40),
      terminalText(s.segment ?? '—', 30),
      s.pure ? pc(`${s.pure.total}/12`) : chalk.dim('—'),
      s.pure ? pc(`${s.pure.tier} ${s.pure.tierName}`) : chalk.dim('unscored'),
      fc(String(s.fit.score)),
      fc(`${s.fit.tier} ${s.fit.tierName}`),
      String(roundTenth(s.fit.components.engagement.value)),
      String(s.engagedStakeholders),
      s.mqa ? chalk.green('yes') : 'no',
    ]);
  }
  const summary = quiet ? '' : `${width === undefined ? summaryLine(scores) : wrapText(summaryLine(scores), width).join('\n')}\n`;
  return `${fittedTable(SCORE_COLUMNS, table, { chalk, width })}\n${summary}`;
}

/** The table, or with `--explain` each account's explanation in turn. */
export const render: Renderer<ScoreView> = ({ scores, chalk, quiet, explain, width }) => {
  if (!explain) return renderScoreTable(scores, chalk, quiet, width);
  const empty = scores.length === 0 && !quiet ? 'No accounts to explain.\n' : '';
  return empty + scores.map((s) => renderExplainText(s, explain(s), chalk, width)).join('\n');
};

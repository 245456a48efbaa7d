/** `abx score` in the terminal: one row per account, tier colours, and a summary of counts per tier. */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { AccountScore } from '../core/scoring/account.js';
import { roundTenth } from '../core/scoring/exact.js';
import { terminalText } from './escape/terminal.js';
import { summaryLine } from './scores.js';

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

export function renderScoreTable(scores: readonly AccountScore[], chalk: ChalkInstance, quiet: boolean): string {
  if (scores.length === 0) return quiet ? '' : 'No accounts to score yet: add one with abx new account <id>.\n';
  const table = new Table({
    head: ['Account', 'Name', 'Segment', 'PURE', 'PURE tier', 'Fit', 'Fit tier', 'Engagement', 'Engaged', 'MQA'],
    style: { head: chalk.level > 0 ? ['bold'] : [], border: chalk.level > 0 ? ['gray'] : [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    colAligns: ['left', 'left', 'left', 'right', 'left', 'right', 'left', 'right', 'right', 'left'],
  });
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
  return `${table.toString()}\n${quiet ? '' : `${summaryLine(scores)}\n`}`;
}

/** `abx list` in the terminal: one row per account with owner and next action. */
import Table from 'cli-table3';
import { printable } from '../../core/frontmatter.js';
import { fitColour, pureColour } from '../score/table.js';
import type { ListView, Renderer } from '../views.js';
import { fitTierText, listSummary, NO_OWNER, NO_SEGMENT, pureTierText } from './rows.js';

export const render: Renderer<ListView> = ({ rows, total, chalk, quiet }) => {
  if (rows.length === 0) {
    if (quiet) return '';
    return total === 0 ? 'No accounts yet: add one with abx new account <id>.\n' : `No accounts match (${listSummary(0, total)}).\n`;
  }
  const table = new Table({
    head: ['Account', 'Name', 'Segment', 'Owner', 'PURE tier', 'Fit tier', 'MQA', 'Next action'],
    style: { head: chalk.level > 0 ? ['bold'] : [], border: chalk.level > 0 ? ['gray'] : [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const r of rows) {
    table.push([
      r.id,
      printable(r.name, 32),
      r.segment === null ? chalk.yellow(NO_SEGMENT) : printable(r.segment, 24),
      r.owner === null ? chalk.dim(NO_OWNER) : printable(r.owner, 20),
      pureColour(chalk, r.pureTier ?? undefined)(pureTierText(r)),
      fitColour(chalk, r.fitTier)(fitTierText(r)),
      r.mqa ? chalk.green('yes') : 'no',
      r.nextAction === null ? chalk.dim('—') : printable(r.nextAction, 40),
    ]);
  }
  return `${table.toString()}\n${quiet ? '' : `${listSummary(rows.length, total)}\n`}`;
};

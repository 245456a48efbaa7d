/** `abx list` in the terminal: one row per account with owner and next action, fitted to the terminal. */
import { fittedTable, type Column } from '../fit-width.js';
import { wrapText } from '../wrap.js';
import { terminalText } from '../escape/terminal.js';
import { fitColour, pureColour } from '../score/table.js';
import type { ListView, Renderer } from '../views.js';
import { fitTierText, listSummary, NO_OWNER, NO_SEGMENT, pureTierText } from './rows.js';

// On a narrow terminal long text wraps first; then the name, the segment and MQA go, in that order.
const LIST_COLUMNS: Column[] = [
  { head: 'Account' },
  { head: 'Name', wrap: true, min: 12, drop: 3 },
  { head: 'Segment', wrap: true, min: 10, drop: 2 },
  { head: 'Owner', wrap: true, min: 10 },
  { head: 'PURE tier', wrap: true, min: 9 },
  { head: 'Fit tier', wrap: true, min: 9 },
  { head: 'MQA', drop: 1 },
  { head: 'Next action', wrap: true, min: 16 },
];

export const render: Renderer<ListView> = ({ rows, total, chalk, quiet, width }) => {
  if (rows.length === 0) {
    if (quiet) return '';
    return total === 0 ? 'No accounts yet: add one with abx new account <id>.\n' : `No accounts match (${listSummary(0, total)}).\n`;
  }
  const cells = rows.map((r) => [
    terminalText(r.id),
    terminalText(r.name, 40),
    r.segment === null ? chalk.yellow(NO_SEGMENT) : terminalText(r.segment, 30),
    r.owner === null ? chalk.dim(NO_OWNER) : terminalText(r.owner, 40),
    pureColour(chalk, r.pureTier ?? undefined)(pureTierText(r)),
    fitColour(chalk, r.fitTier)(fitTierText(r)),
    r.mqa ? chalk.green('yes') : 'no',
    r.nextAction === null ? chalk.dim('—') : terminalText(r.nextAction, 80),
  ]);
  const summary = listSummary(rows.length, total);
  return `${fittedTable(LIST_COLUMNS, cells, { chalk, width })}\n${quiet ? '' : `${width === undefined ? summary : wrapText(summary, width).join('\n')}\n`}`;
};

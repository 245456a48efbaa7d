/** `abx history --format markdown`: a table to paste into a pipeline review or an issue. */
import type { HistoryReport } from '../../core/diff.js';
import { markdownCode, markdownText } from '../escape/markdown.js';
import { shortCommit } from '../diff/words.js';
import { historyCells } from './table.js';
import type { HistoryView, Renderer } from '../views.js';

export function renderHistoryMarkdown(report: HistoryReport): string {
  const lines = [
    `### ${markdownText(report.name, 120)} (${markdownCode(report.id, { max: 120 })})`,
    '',
    `Scores at each commit that changed the account, its segment or the config, as of ${report.asOf}.`,
    '',
    ...report.notes.flatMap((n) => [`> **Note:** ${markdownText(n)}`, '']),
    '| Commit | Date | PURE | Fit | Author | Subject |',
    '|---|---|---|---|---|---|',
    ...report.rows.map((r) => {
      const cells = historyCells(r);
      return `| \`${shortCommit(r.commit)}\` | ${r.date} | ${cells.pure} | ${cells.fit} | ${markdownText(r.author)} | ${markdownText(r.subject)} |`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}

export const render: Renderer<HistoryView> = (v) => renderHistoryMarkdown(v.report);

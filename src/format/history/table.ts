/** `abx history` on a terminal: one aligned line per commit, newest first. */
import { type HistoryReport, type HistoryRow, unscorableText } from '../../core/diff.js';
import { terminalText } from '../escape/terminal.js';
import { plural, shortCommit } from '../diff/words.js';
import type { HistoryView, Renderer } from '../views.js';

export function historyCells(row: HistoryRow): { pure: string; fit: string } {
  if (!row.score && row.unscorable) {
    const text = `cannot be scored (${unscorableText(row.unscorable)})`;
    return { pure: text, fit: text };
  }
  if (!row.score) return { pure: 'removed', fit: 'removed' };
  const pure = row.score.pure ? `${row.score.pure.total} (tier ${row.score.pure.tier})` : 'unscored';
  return { pure, fit: `${row.score.fit.score} (tier ${row.score.fit.tier})` };
}

export function renderHistoryTable(report: HistoryReport, quiet = false): string {
  const out: string[] = [];
  if (!quiet) out.push(`${terminalText(report.name, 60)} (${terminalText(report.id, 60)}): ${plural(report.rows.length, 'commit', 'commits')}, scored as of ${report.asOf}`, '');
  for (const note of report.notes) out.push(`Note: ${terminalText(note, 500)}`, '');
  const header = ['commit', 'date', 'PURE', 'fit', 'author', 'subject'];
  const rows = report.rows.map((r) => {
    const cells = historyCells(r);
    return [shortCommit(r.commit), r.date, cells.pure, cells.fit, terminalText(r.author, 30), terminalText(r.subject, 72)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  out.push(line(header), ...rows.map(line));
  return `${out.join('\n')}\n`;
}

export const render: Renderer<HistoryView> = (v) => renderHistoryTable(v.report, v.quiet);

/** `abx history --format json`. */
import type { HistoryReport } from '../../core/diff.js';
import type { HistoryView, Renderer } from '../views.js';

export function renderHistoryJson(report: HistoryReport): string {
  const json = {
    id: report.id,
    name: report.name,
    asOf: report.asOf,
    notes: report.notes,
    commits: report.rows.map((r) => ({
      commit: r.commit,
      date: r.date,
      author: r.author,
      subject: r.subject,
      present: r.score !== null || r.unscorable !== undefined,
      ...(r.unscorable ? { unscorable: r.unscorable } : {}),
      pure: r.score?.pure ?? null,
      fit: r.score?.fit ?? null,
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

export const render: Renderer<HistoryView> = (v) => renderHistoryJson(v.report);

/** `abx diff` on a terminal: sections of aligned lines, tier moves first. */
import { type AccountChange, type DiffReport, unscorableText } from '../../core/diff.js';
import { terminalText } from '../escape/terminal.js';
import { coverageLine, overdueLine } from '../../core/method-diff.js';
import { changeCells, plural, shortCommit } from './words.js';
import type { DiffView, Renderer } from '../views.js';

export function renderDiffTable(report: DiffReport, quiet = false): string {
  const { diff } = report;
  const out: string[] = [];
  for (const note of report.notes) out.push(`Note: ${terminalText(note, 500)}`);
  if (!quiet) out.push(`Scores at ${side(report.base)} → ${side(report.head)}, as of ${report.asOf}`, '');
  else if (report.notes.length > 0) out.push('');
  if (report.config.length > 0) {
    const scoring = report.config.some((c) => c.path === 'scoring' || c.path.startsWith('scoring.'));
    const value = (v: unknown) => (v === null ? '(not set)' : terminalText(typeof v === 'string' ? v : JSON.stringify(v), 60));
    out.push(`${scoring ? 'The scoring model changed' : 'The config changed'} (abx.config.yaml):`);
    for (const c of report.config) out.push(`  ${terminalText(c.path, 60)}: ${value(c.base)} → ${value(c.head)}`);
    out.push('');
  }
  const sections: [string, AccountChange[]][] = [
    ['Tier moves', diff.tierMoves],
    ['Cannot be scored', diff.unscorable],
    ['New accounts', diff.added],
    ['Removed accounts', diff.removed],
    ['Renamed (same scores)', diff.renamed],
    ['Score changes over 0.1', diff.scoreChanges],
  ];
  const all = sections.flatMap(([, list]) => list);
  const label = (c: AccountChange) => `${terminalText(c.name, 60)} (${terminalText(c.id, 60)}${c.renamedFrom ? `, renamed from ${terminalText(c.renamedFrom, 60)}` : ''})`;
  const width = Math.max(0, ...all.map((c) => label(c).length));
  for (const [title, list] of sections) {
    if (list.length === 0) continue;
    out.push(`${title} (${list.length})`);
    for (const c of list) {
      if (c.unscorable) {
        out.push(`  ${label(c).padEnd(width)}  cannot be scored at ${c.unscorable.side} (${unscorableText(c.unscorable)})`);
        continue;
      }
      const cells = changeCells(c, () => '');
      out.push(`  ${label(c).padEnd(width)}  PURE ${cells.pure} (tier ${cells.pureTier})  fit ${cells.fit} (tier ${cells.fitTier})`);
    }
    out.push('');
  }
  const method = report.method ? [coverageLine(report.method), overdueLine(report.method, (id) => terminalText(id))].filter((l) => l !== undefined) : [];
  if (method.length > 0) out.push(...method, '');
  if (all.length === 0) out.push('No account changed tier or score.');
  else {
    out.push(
      `${plural(diff.tierMoves.length, 'tier move', 'tier moves')}, ${diff.unscorable.length > 0 ? `${diff.unscorable.length} cannot be scored, ` : ''}${diff.added.length} new, ${diff.removed.length} removed, ${diff.renamed.length > 0 ? `${diff.renamed.length} renamed, ` : ''}${plural(diff.scoreChanges.length, 'score change', 'score changes')}; ${plural(diff.unchanged, 'account', 'accounts')} unchanged.`,
    );
  }
  return `${out.join('\n')}\n`;
}

function side(s: { label: string; commit: string | null }): string {
  if (s.commit === null) return s.label;
  const short = shortCommit(s.commit);
  return s.label === short || s.label === s.commit ? short : `${terminalText(s.label, 60)} (${short})`;
}

export const render: Renderer<DiffView> = (v) => renderDiffTable(v.report, v.quiet);

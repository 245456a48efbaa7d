/** `abx diff` on a terminal: sections of aligned lines, tier moves first. */
import type { AccountChange, DiffReport } from '../../core/diff.js';
import { coverageLine, overdueLine } from '../../core/method-diff.js';
import { printable } from '../../core/frontmatter.js';
import { changeCells, plural, shortCommit } from './words.js';
import type { DiffView, Renderer } from '../views.js';

export function renderDiffTable(report: DiffReport, quiet = false): string {
  const { diff } = report;
  const out: string[] = [];
  if (!quiet) out.push(`Scores at ${side(report.base)} → ${side(report.head)}, as of ${report.asOf}`, '');
  const sections: [string, AccountChange[]][] = [
    ['Tier moves', diff.tierMoves],
    ['New accounts', diff.added],
    ['Removed accounts', diff.removed],
    ['Score changes over 0.1', diff.scoreChanges],
  ];
  const all = sections.flatMap(([, list]) => list);
  const label = (c: AccountChange) => `${printable(c.name)} (${c.id})`;
  const width = Math.max(0, ...all.map((c) => label(c).length));
  for (const [title, list] of sections) {
    if (list.length === 0) continue;
    out.push(`${title} (${list.length})`);
    for (const c of list) {
      const cells = changeCells(c, () => '');
      out.push(`  ${label(c).padEnd(width)}  PURE ${cells.pure} (tier ${cells.pureTier})  fit ${cells.fit} (tier ${cells.fitTier})`);
    }
    out.push('');
  }
  const method = report.method ? [coverageLine(report.method), overdueLine(report.method, (id) => printable(id))].filter((l) => l !== undefined) : [];
  if (method.length > 0) out.push(...method, '');
  if (all.length === 0) out.push('No account changed tier or score.');
  else {
    out.push(
      `${plural(diff.tierMoves.length, 'tier move', 'tier moves')}, ${diff.added.length} new, ${diff.removed.length} removed, ${plural(diff.scoreChanges.length, 'score change', 'score changes')}; ${plural(diff.unchanged, 'account', 'accounts')} unchanged.`,
    );
  }
  return `${out.join('\n')}\n`;
}

function side(s: { label: string; commit: string | null }): string {
  if (s.commit === null) return s.label;
  const short = shortCommit(s.commit);
  return s.label === short || s.label === s.commit ? short : `${printable(s.label)} (${short})`;
}

export const render: Renderer<DiffView> = (v) => renderDiffTable(v.report, v.quiet);

/**
 * `abx diff --format markdown`: a pull-request comment. A headline a reviewer reads in the
 * notification ("3 accounts change tier"), the tier moves in a table, everything else collapsed.
 * Account names come from the pull request itself, so they are escaped: no HTML, no links, no
 * @mentions can be smuggled into the comment.
 */
import type { AccountChange, DiffReport } from '../../core/diff.js';
import { coverageLine, overdueLine } from '../../core/method-diff.js';
import { changeCells, plural, shortCommit } from './words.js';
import type { DiffView, Renderer } from '../views.js';

/** Lets the CI job find the comment it posted before. */
export const DIFF_COMMENT_MARKER = '<!-- abx-diff -->';

export function markdownText(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~@&:]/g, (c) => `\\${c}`)
    .trim();
}

export function renderDiffMarkdown(report: DiffReport): string {
  const { diff } = report;
  const moves = diff.tierMoves.length;
  const lines: string[] = [DIFF_COMMENT_MARKER];
  lines.push(`### abx: ${moves === 0 ? 'no account changes tier' : `${plural(moves, 'account changes', 'accounts change')} tier`}`, '');
  const others = [
    diff.added.length > 0 ? `${diff.added.length} new` : '',
    diff.removed.length > 0 ? `${diff.removed.length} removed` : '',
    diff.scoreChanges.length > 0 ? plural(diff.scoreChanges.length, 'score change', 'score changes') : '',
  ].filter(Boolean);
  lines.push(`Scores at ${side(report.base)} compared with ${side(report.head)}, as of ${report.asOf}${others.length > 0 ? `: ${others.join(', ')}` : ''}.`, '');
  if (moves > 0) lines.push(...table(diff.tierMoves), '');
  // One line each for messaging coverage and overdue collateral, when they moved.
  const method = report.method ? [coverageLine(report.method), overdueLine(report.method, markdownText)].filter((l) => l !== undefined) : [];
  if (method.length > 0) lines.push(...method.map((l) => `- ${l}`), '');

  const details: string[] = [];
  const section = (title: string, list: AccountChange[]) => {
    if (list.length > 0) details.push(`#### ${title}`, '', ...table(list), '');
  };
  section('New accounts', diff.added);
  section('Removed accounts', diff.removed);
  section('Score changes over 0.1 (same tiers)', diff.scoreChanges);
  if (details.length > 0) {
    lines.push('<details>', `<summary>${others.join(', ')}</summary>`, '', ...details, '</details>', '');
  }
  if (moves === 0 && details.length === 0) lines.push(`No account changed tier or score (${plural(diff.unchanged, 'account', 'accounts')} compared).`, '');
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function table(list: AccountChange[]): string[] {
  const rows = list.map((c) => {
    const cells = changeCells(c);
    return `| ${markdownText(c.name)} (\`${c.id}\`) | ${cells.pure} | ${cells.pureTier} | ${cells.fit} | ${cells.fitTier} |`;
  });
  return ['| Account | PURE | PURE tier | Fit | Fit tier |', '|---|---|---|---|---|', ...rows];
}

function side(s: { label: string; commit: string | null }): string {
  if (s.commit === null) return 'the working tree';
  const short = shortCommit(s.commit);
  return s.label === short || s.label === s.commit ? `\`${short}\`` : `${markdownText(s.label)} (\`${short}\`)`;
}

export const render: Renderer<DiffView> = (v) => renderDiffMarkdown(v.report);

/**
 * `abx diff --format markdown`: a pull-request comment. A headline a reviewer reads in the
 * notification ("3 accounts change tier"), the tier moves in a table, everything else collapsed.
 * Account names come from the pull request itself, so they are escaped: no HTML, no links, no
 * @mentions can be smuggled into the comment.
 */
import { type AccountChange, type DiffReport, unscorableText, type ConfigChange } from '../../core/diff.js';
import { coverageLine, overdueLine } from '../../core/method-diff.js';
import { changeCells, plural, shortCommit } from './words.js';
import type { DiffView, Renderer } from '../views.js';
import { DIFF_COMMENT_MARKER } from '../../core/workflow.js';
import { markdownCode, markdownText } from '../escape/markdown.js';


export function renderDiffMarkdown(report: DiffReport): string {
  const { diff } = report;
  const moves = diff.tierMoves.length;
  const lines: string[] = [DIFF_COMMENT_MARKER];
  lines.push(`### abx: ${moves === 0 ? 'no account changes tier' : `${plural(moves, 'account changes', 'accounts change')} tier`}`, '');
  for (const note of report.notes) lines.push(`> **Note:** ${markdownText(note)}`, '');
  const others = [
    diff.unscorable.length > 0 ? `${diff.unscorable.length} cannot be scored` : '',
    diff.added.length > 0 ? `${diff.added.length} new` : '',
    diff.removed.length > 0 ? `${diff.removed.length} removed` : '',
    diff.renamed.length > 0 ? `${diff.renamed.length} renamed` : '',
    diff.scoreChanges.length > 0 ? plural(diff.scoreChanges.length, 'score change', 'score changes') : '',
  ].filter(Boolean);
  lines.push(`Scores at ${side(report.base)} compared with ${side(report.head)}, as of ${report.asOf}${others.length > 0 ? `: ${others.join(', ')}` : ''}.`, '');
  // Above the tiers: a reviewer must know the model changed before reading who moved.
  if (report.config.length > 0) lines.push(configLine(report.config), '');
  if (moves > 0) lines.push(...table(diff.tierMoves), '');
  if (diff.unscorable.length > 0) {
    lines.push('**Cannot be scored** (the file has errors: see the annotations on the files):', '');
    for (const c of diff.unscorable) {
      const u = c.unscorable!;
      lines.push(`- ${markdownText(c.name)} (${code(c.id)}): cannot be scored at ${u.side} (${unscorableText(u)})${u.side === 'head' && c.base === null ? ', a new file' : ''}`);
    }
    lines.push('');
  }
  // One line each for messaging coverage and overdue collateral, when they moved.
  const method = report.method ? [coverageLine(report.method), overdueLine(report.method, markdownText)].filter((l) => l !== undefined) : [];
  if (method.length > 0) lines.push(...method.map((l) => `- ${l}`), '');

  const details: string[] = [];
  const section = (title: string, list: AccountChange[]) => {
    if (list.length > 0) details.push(`#### ${title}`, '', ...table(list), '');
  };
  section('New accounts', diff.added);
  section('Removed accounts', diff.removed);
  section('Renamed accounts (same scores)', diff.renamed);
  section('Score changes over 0.1 (same tiers)', diff.scoreChanges);
  const detailed = others.filter((o) => !o.endsWith('cannot be scored'));
  if (details.length > 0) {
    lines.push('<details>', `<summary>${detailed.join(', ')}</summary>`, '', ...details, '</details>', '');
  }
  if (moves === 0 && details.length === 0 && diff.unscorable.length === 0) lines.push(`No account changed tier or score (${plural(diff.unchanged, 'account', 'accounts')} compared).`, '');
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** `The scoring model changed (abx.config.yaml): scoring.weights.firmographic 40 → 20, …`. */
function configLine(changes: ConfigChange[]): string {
  const value = (v: unknown) => (v === null ? '(not set)' : code(typeof v === 'string' ? v : JSON.stringify(v)));
  const scoring = changes.some((c) => c.path === 'scoring' || c.path.startsWith('scoring.'));
  const list = changes.map((c) => `${code(c.path)} ${value(c.base)} → ${value(c.head)}`).join(', ');
  return `**${scoring ? 'The scoring model changed' : 'The config changed'}** (abx.config.yaml): ${list}. Each side is scored with its own config.`;
}

/** Text from the pull request as a code span (./escape/markdown.ts): it cannot close the span. */
const code = (value: string, table = false): string => markdownCode(value, { table, max: 80 });

function table(list: AccountChange[]): string[] {
  const rows = list.map((c) => {
    const cells = changeCells(c);
    const renamed = c.renamedFrom ? `, renamed from ${code(c.renamedFrom, true)}` : '';
    return `| ${markdownText(c.name, 120)} (${code(c.id, true)}${renamed}) | ${cells.pure} | ${cells.pureTier} | ${cells.fit} | ${cells.fitTier} |`;
  });
  return ['| Account | PURE | PURE tier | Fit | Fit tier |', '|---|---|---|---|---|', ...rows];
}

function side(s: { label: string; commit: string | null }): string {
  if (s.commit === null) return 'the working tree';
  const short = shortCommit(s.commit);
  return s.label === short || s.label === s.commit ? `\`${short}\`` : `${markdownText(s.label)} (\`${short}\`)`;
}

export const render: Renderer<DiffView> = (v) => renderDiffMarkdown(v.report);

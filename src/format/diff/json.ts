/** `abx diff --format json`: the same lists, with both sides of every account. */
import type { AccountChange, DiffReport } from '../../core/diff.js';
import type { DiffView, Renderer } from '../views.js';

export function renderDiffJson(report: DiffReport): string {
  const { diff } = report;
  const change = (c: AccountChange) => ({
    id: c.id,
    name: c.name,
    ...(c.renamedFrom ? { renamedFrom: c.renamedFrom } : {}),
    ...(c.unscorable ? { unscorable: c.unscorable } : {}),
    base: c.base && { pure: c.base.pure, fit: c.base.fit },
    head: c.head && { pure: c.head.pure, fit: c.head.fit },
    pureTierMoved: c.pureTierMoved,
    fitTierMoved: c.fitTierMoved,
    pureDelta: c.pureDelta,
    fitDelta: c.fitDelta,
  });
  const json = {
    asOf: report.asOf,
    base: report.base,
    head: report.head,
    notes: report.notes,
    config: report.config,
    summary: {
      tierMoves: diff.tierMoves.length,
      added: diff.added.length,
      removed: diff.removed.length,
      renamed: diff.renamed.length,
      unscorable: diff.unscorable.length,
      scoreChanges: diff.scoreChanges.length,
      unchanged: diff.unchanged,
    },
    tierMoves: diff.tierMoves.map(change),
    added: diff.added.map(change),
    removed: diff.removed.map(change),
    renamed: diff.renamed.map(change),
    unscorable: diff.unscorable.map(change),
    scoreChanges: diff.scoreChanges.map(change),
    ...(report.method ? { messagingCoverage: report.method.coverage, overdueCollateral: report.method.overdue } : {}),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

export const render: Renderer<DiffView> = (v) => renderDiffJson(v.report);

/** `abx export --format csv`: the score columns, then the facts; columns are only ever added at the end. */
import type { AccountScore } from '../../core/scoring/account.js';
import { toCsv } from '../escape/csv.js';
import { csvRow } from '../score/rows.js';
import type { ExportView, Renderer } from '../views.js';
import { EXPORT_COLUMNS, type ExportedAccount } from './rows.js';

export function exportCsv(rows: readonly { score: AccountScore; account: ExportedAccount }[]): string {
  return toCsv(
    EXPORT_COLUMNS,
    rows.map(({ score, account: a }) => [
      ...csvRow(score),
      a.facts.domain,
      a.facts.owner,
      a.facts.industry,
      a.facts.employees,
      a.facts.revenue_usd,
      a.facts.region,
      a.facts.country,
      a.facts.stack.join(';'),
      a.facts.tags.join(';'),
      a.file,
    ]),
  );
}

export const render: Renderer<ExportView> = (v) => exportCsv(v.rows);

/** `abx export --format json`: `{ asOf, accounts }`. */
import type { ExportView, Renderer } from '../views.js';
import type { ExportedAccount } from './rows.js';

export function exportJson(asOf: string, accounts: readonly ExportedAccount[]): string {
  return `${JSON.stringify({ asOf, accounts }, null, 2)}\n`;
}

export const render: Renderer<ExportView> = (v) => exportJson(v.asOf, v.rows.map((r) => r.account));

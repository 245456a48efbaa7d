/** `abx export --format jsonl`. */
import type { ExportView, Renderer } from '../views.js';
import type { ExportedAccount } from './rows.js';

/** One account per line, each carrying the as-of date, for warehouse loaders. */
export function exportJsonl(asOf: string, accounts: readonly ExportedAccount[]): string {
  return accounts.map((a) => `${JSON.stringify({ asOf, ...a })}\n`).join('');
}

export const render: Renderer<ExportView> = (v) => exportJsonl(v.asOf, v.rows.map((r) => r.account));

/** `abx list --format json`: `{ asOf, total, accounts }`, each account a ListRow. */
import type { ListView, Renderer } from '../views.js';

export const render: Renderer<ListView> = (v) => `${JSON.stringify({ asOf: v.asOf, total: v.total, accounts: v.rows }, null, 2)}\n`;

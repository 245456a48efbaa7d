/** `abx list --format csv`: the list's columns, one row per account. */
import { toCsv } from '../escape/csv.js';
import type { ListView, Renderer } from '../views.js';
import { LIST_CSV_COLUMNS, listCsvRow } from './rows.js';

export const render: Renderer<ListView> = (v) => toCsv(LIST_CSV_COLUMNS, v.rows.map(listCsvRow));

/** `abx score --format csv`: one row per account, the columns of cli.md. */
import { toCsv } from '../escape/csv.js';
import type { Renderer, ScoreView } from '../views.js';
import { CSV_COLUMNS, csvRow } from './rows.js';

export const render: Renderer<ScoreView> = (v) => toCsv(CSV_COLUMNS, v.scores.map(csvRow));

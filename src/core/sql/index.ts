/** The warehouse side of an analysis: its tables, and its scoring model as SQL. */
import type { Analysis } from '../analyze.js';
import type { Segment } from '../kinds/segment.js';
import { buildModel, type ScoringModel } from './model.js';
import { tablesOf, type Tables } from './tables.js';

export { sqlScript, createTables, VIEW_COLUMNS, type SqlOptions } from './view.js';
export { DIALECTS, type DialectName } from './dialect.js';
export { TABLES, type Tables } from './tables.js';
export type { ScoringModel } from './model.js';

/** The tables of every scored account, sorted by id (the same workspace, the same bytes). Needs a full (not lean) analysis. */
export function tablesOfAnalysis(analysis: Analysis): Tables {
  const ids = [...analysis.scores.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return tablesOf(
    ids.flatMap((id) => {
      const entry = analysis.accounts.get(id);
      return entry ? [{ id, file: entry.file, account: entry.data }] : [];
    }),
  );
}

/** The model of the analysis's config and segments; `asOf` null leaves the date to the engine. */
export function modelOfAnalysis(analysis: Analysis, asOf: string | null): ScoringModel {
  const segments = new Map<string, Segment>();
  for (const [id, entry] of analysis.segments) segments.set(id, entry.data);
  return buildModel(analysis.config, segments, asOf);
}

/**
 * What each command hands its renderers: the command's data and how to print it. Every format
 * of a command takes the same view, so adding a format touches nothing else.
 */
import type { ChalkInstance } from 'chalk';
import type { Card } from '../core/card.js';
import type { DiffReport, HistoryReport } from '../core/diff.js';
import type { Analysis } from '../core/model.js';
import type { Problem } from '../core/problem.js';
import type { Agenda } from '../core/review.js';
import type { Report } from '../core/report/index.js';
import type { AccountScore } from '../core/scoring/account.js';
import type { ExportedAccount } from './export/rows.js';
import type { ListRow } from './list/rows.js';
import type { Explanation } from './score/explain.js';

export interface Style {
  chalk: ChalkInstance;
  quiet: boolean;
  /** Columns of the terminal, for the terminal formats; undefined: nothing is cut or wrapped. */
  width?: number;
}

/** `abx validate`. */
export interface ProblemReport extends Style {
  problems: readonly Problem[];
  /** Files checked (workspace-relative paths), in order. */
  files: readonly string[];
  version: string;
}

/**
 * A validate format in pieces, for `validate`, which takes each file's problems as the file is
 * finished and keeps only their text: the text of one file's problems, and the frame around
 * all of them, known once every problem is counted. `render` is these pieces put together.
 */
export interface ProblemPieces {
  /** The text of one file's problems (not empty, in output order). */
  file(problems: readonly Problem[]): string;
  /** Between the texts of two files. */
  between: string;
  /** One group per file (stylish): all problems of a file must come in one piece. */
  grouped: boolean;
  /** Before the first file's text and after the last. */
  frame(counts: { errors: number; warnings: number }, files: readonly string[]): [string, string];
}

/** What a format in pieces needs to know besides the problems. */
export type PiecesStyle = Omit<ProblemReport, 'problems' | 'files'>;

/** `abx score`. */
export interface ScoreView extends Style {
  asOf: string;
  scores: readonly AccountScore[];
  /** With `--explain`: where every number of a score came from. */
  explain?: (score: AccountScore) => Explanation;
}

/** `abx list`: the accounts the filters kept, sorted, and how many there are in all. */
export interface ListView extends Style {
  asOf: string;
  rows: readonly ListRow[];
  total: number;
}

/** `abx show`. */
export interface ShowView extends Style {
  card: Card;
}

/** `abx report`. */
export interface ReportView extends Style {
  report: Report;
}

/** `abx export`: accounts sorted by id, each with the score it was exported from. */
export interface ExportView extends Style {
  asOf: string;
  /** The whole analysis, for the warehouse tables. */
  analysis: Analysis;
  rows: readonly { score: AccountScore; account: ExportedAccount }[];
}

/** `abx diff`. */
export interface DiffView extends Style {
  report: DiffReport;
}

/** `abx history`. */
export interface HistoryView extends Style {
  report: HistoryReport;
}

/** `abx review`. */
export interface AgendaView extends Style {
  agenda: Agenda;
}

/** Several files by name, for a folder named with `--out` (`export --format tables`). */
export interface RenderedFiles {
  files: ReadonlyMap<string, string>;
}

/** A renderer's text, whole or in pieces (a JSON list of 50,000 accounts is written as it is made), or files. */
export type Rendered = string | Iterable<string> | RenderedFiles;

export type Renderer<V> = (view: V) => Rendered;

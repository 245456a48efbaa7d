/**
 * Every output of every command, by command and format: `src/format/<command>/<format>.ts`, each
 * exporting `render(view)`. A renderer's module is loaded only when it is used. Adding a format
 * is adding its file and its line here; the CLI's `--format` choices come from this table.
 */
import type { AgendaView, DiffView, ExportView, HistoryView, ListView, PiecesStyle, ProblemPieces, ProblemReport, Renderer, ReportView, ScoreView, ShowView } from './views.js';

type Loaders<V> = Record<string, () => Promise<{ render: Renderer<V> }>>;

const FORMATS = {
  validate: {
    stylish: () => import('./validate/stylish.js'),
    json: () => import('./validate/json.js'),
    github: () => import('./validate/github.js'),
    sarif: () => import('./validate/sarif.js'),
    junit: () => import('./validate/junit.js'),
  } satisfies Loaders<ProblemReport>,
  score: {
    table: () => import('./score/table.js'),
    json: () => import('./score/json.js'),
    csv: () => import('./score/csv.js'),
    markdown: () => import('./score/markdown.js'),
  } satisfies Loaders<ScoreView>,
  list: {
    table: () => import('./list/table.js'),
    json: () => import('./list/json.js'),
    csv: () => import('./list/csv.js'),
    markdown: () => import('./list/markdown.js'),
  } satisfies Loaders<ListView>,
  show: {
    text: () => import('./show/text.js'),
    json: () => import('./show/json.js'),
    markdown: () => import('./show/markdown.js'),
  } satisfies Loaders<ShowView>,
  report: {
    table: () => import('./report/table.js'),
    json: () => import('./report/json.js'),
    markdown: () => import('./report/markdown.js'),
    html: () => import('./report/html.js'),
  } satisfies Loaders<ReportView>,
  export: {
    csv: () => import('./export/csv.js'),
    json: () => import('./export/json.js'),
    jsonl: () => import('./export/jsonl.js'),
    tables: () => import('./export/tables.js'),
  } satisfies Loaders<ExportView>,
  diff: {
    table: () => import('./diff/table.js'),
    markdown: () => import('./diff/markdown.js'),
    json: () => import('./diff/json.js'),
  } satisfies Loaders<DiffView>,
  history: {
    table: () => import('./history/table.js'),
    json: () => import('./history/json.js'),
    markdown: () => import('./history/markdown.js'),
  } satisfies Loaders<HistoryView>,
  review: {
    markdown: () => import('./review/markdown.js'),
    table: () => import('./review/table.js'),
    json: () => import('./review/json.js'),
  } satisfies Loaders<AgendaView>,
};

export type Command = keyof typeof FORMATS;
type ViewOf<C extends Command> = (typeof FORMATS)[C] extends Loaders<infer V> ? V : never;

/** The formats of a command, the default first. */
export function formatNames(command: Command): string[] {
  return Object.keys(FORMATS[command]);
}

export async function renderer<C extends Command>(command: C, format: string): Promise<Renderer<ViewOf<C>>> {
  const load = (FORMATS[command] as Loaders<ViewOf<C>>)[format];
  // The command line only offers formatNames(command): another name is a bug.
  if (!load) throw new Error(`abx ${command} has no ${format} format`);
  return (await load()).render;
}

/** A validate format in pieces (views.ts, ProblemPieces), or undefined when it renders only whole reports. */
export async function problemPieces(format: string, style: PiecesStyle): Promise<ProblemPieces | undefined> {
  const load = (FORMATS.validate as Loaders<ProblemReport>)[format];
  if (!load) throw new Error(`abx validate has no ${format} format`);
  const module = (await load()) as { pieces?: (style: PiecesStyle) => ProblemPieces };
  return module.pieces?.(style);
}

export type { Rendered, Renderer } from './views.js';

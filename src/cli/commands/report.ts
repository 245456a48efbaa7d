import { plainChalk } from '../colour.js';
import { parseWeights } from '../../core/report/calibration.js';
import { buildReport, REPORT_NAMES, type ReportName, type ReportOptions } from '../../core/report/index.js';
import { isRoiPeriodOption } from '../../core/report/roi.js';
import { filterScores, isFiltered } from '../../core/filter.js';
import type { AccountScore } from '../../core/scoring/account.js';
import { terminalText } from '../../format/escape/terminal.js';
import { didYouMean } from '../../core/suggest.js';
import { renderer } from '../../format/index.js';
import { UsageError, type Context } from '../context.js';
import { accountFilter } from '../filters.js';
import { finish, writeOut, writeRendered } from '../output.js';
import { openWorkspace } from '../workspace.js';

export async function run(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const name = String(args[0] ?? '');
  const names = reportNames(name);
  const format = (options.format as string | undefined) ?? 'table';
  const out = typeof options.out === 'string' ? options.out : undefined;
  if (out === '') throw new UsageError('--out needs a file name');

  const reportOptions = optionsOf(names, options);

  // Only a count of the warnings is printed, so they are counted, not located.
  const ws = await openWorkspace(ctx, { warnings: 'count' });
  // The account filters narrow the accounts the tiers and signals reports read; the other reports are the workspace's.
  const filter = accountFilter(options, ws.analysis);
  const { analysis } = ws;
  // Examples `abx init` wrote and nobody edited are not the team's accounts, bets or segments.
  const real = <T extends { file: string }>(entries: Map<string, T>) => new Map([...entries].filter(([, e]) => !analysis.templates.has(e.file)));
  const isTemplate = (id: string) => analysis.templates.has(analysis.accounts.get(id)?.file ?? '');
  const scoresOf = (list: Iterable<AccountScore>) => new Map([...list].filter((s) => !isTemplate(s.id)).map((s) => [s.id, s]));
  const base = { ...analysis, bets: real(analysis.bets), segments: real(analysis.segments), journeys: real(analysis.journeys) };
  // Deals, investments and KPIs belong to the whole workspace: ROI, calibration and computed KPIs
  // keep every account's tier; only the sections about accounts are narrowed.
  const narrowed = isFiltered(filter) ? { names: NARROWED_BY_FILTERS, analysis: { ...base, scores: scoresOf(filterScores(analysis.scores.values(), filter)) } } : undefined;
  const report = buildReport({ ...base, scores: scoresOf(analysis.scores.values()) }, names, reportOptions, narrowed);
  if (analysis.templates.size > 0 && !ctx.quiet) {
    ctx.stderr.write(`Left out ${analysis.templates.size === 1 ? '1 example file' : `${analysis.templates.size} example files`} from abx init until edited: ${[...analysis.templates].sort().join(', ')}\n`);
  }
  const text = (await renderer('report', format))({ report, chalk: out === undefined ? ctx.chalk : plainChalk, quiet: ctx.quiet, width: out === undefined ? ctx.width : undefined });

  if (out === undefined) {
    writeRendered(ctx.stdout, text);
  } else {
    writeOut(ctx, out, text);
    if (!ctx.quiet) ctx.stderr.write(`Wrote the ${name} report (${format}) to ${out}\n`);
  }
  return finish(ctx, ws);
}

function reportNames(name: string): ReportName[] {
  if (name === 'all') return [...REPORT_NAMES];
  if ((REPORT_NAMES as readonly string[]).includes(name)) return [name as ReportName];
  throw new UsageError(`no report "${name}": choose one of ${REPORT_NAMES.join(', ')}, all${didYouMean(name, [...REPORT_NAMES, 'all'])}`);
}

/** `--period` for roi, `--weights` for calibration; each refused where it would do nothing. */
function optionsOf(names: readonly ReportName[], options: Record<string, unknown>): ReportOptions {
  const out: ReportOptions = {};
  if (typeof options.period === 'string') {
    if (!names.includes('roi')) throw new UsageError('--period is an option of abx report roi (and all)');
    if (!isRoiPeriodOption(options.period)) throw new UsageError(`--period must be month, quarter, a month (2026-10) or a quarter (2026-Q3), not "${terminalText(options.period, 60)}"`);
    out.period = options.period;
  }
  if (typeof options.weights === 'string') {
    if (!names.includes('calibration')) throw new UsageError('--weights is an option of abx report calibration (and all)');
    const weights = parseWeights(options.weights);
    if (!weights) throw new UsageError(`--weights must be four numbers, firmographic,technographic,intent,engagement, adding up to 100 (e.g. 40,20,25,15), not "${terminalText(options.weights, 60)}"`);
    out.weights = weights;
  }
  return out;
}

/** The reports that show accounts, and so follow --segment, --tier, --owner and the other account filters. */
const NARROWED_BY_FILTERS = new Set<ReportName>(['tiers', 'signals']);

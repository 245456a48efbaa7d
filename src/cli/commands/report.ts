import { plainChalk } from '../colour.js';
import { countBySeverity } from '../../core/problem.js';
import { buildReport, REPORT_NAMES, type Report, type ReportName } from '../../core/report/index.js';
import { didYouMean } from '../../core/suggest.js';
import { renderStylish } from '../../format/stylish.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type Context } from '../context.js';
import { writeOutputFile } from '../output.js';
import { allProblems, openWorkspace } from '../workspace.js';

type Format = 'table' | 'json' | 'markdown' | 'html';

export async function run(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const name = String(args[0] ?? '');
  const names = reportNames(name);
  const format = (options.format as Format | undefined) ?? 'table';
  const out = typeof options.out === 'string' ? options.out : undefined;
  if (out === '') throw new UsageError('--out needs a file name');

  const ws = await openWorkspace(ctx);
  const report = buildReport(ws.analysis, names);
  const text = await render(report, format, out === undefined ? ctx.chalk : plainChalk, out === undefined ? ctx.width : undefined);

  if (out === undefined) {
    ctx.stdout.write(text);
  } else {
    writeOutputFile(ctx.cwd, out, text);
    if (!ctx.quiet) ctx.stderr.write(`Wrote the ${name} report (${format}) to ${out}\n`);
  }

  const problems = allProblems(ws);
  const { errors, warnings } = countBySeverity(problems);
  if (errors > 0) {
    const errorList = problems.filter((p) => p.severity === 'error');
    ctx.stderr.write(`\n${renderStylish(errorList, { chalk: ctx.chalk, quiet: true, files: ws.analysis.fileCount, width: ctx.width })}`);
    return EXIT_PROBLEMS;
  }
  if (warnings > 0 && !ctx.quiet) ctx.stderr.write(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}: run abx validate to see ${warnings === 1 ? 'it' : 'them'}.\n`);
  return EXIT_OK;
}

function reportNames(name: string): ReportName[] {
  if (name === 'all') return [...REPORT_NAMES];
  if ((REPORT_NAMES as readonly string[]).includes(name)) return [name as ReportName];
  throw new UsageError(`no report "${name}": choose one of ${REPORT_NAMES.join(', ')}, all${didYouMean(name, [...REPORT_NAMES, 'all'])}`);
}

async function render(report: Report, format: Format, chalk: Context['chalk'], width: number | undefined): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return (await import('../../format/report-markdown.js')).renderReportMarkdown(report);
    case 'html':
      return (await import('../../format/report-html.js')).renderReportHtml(report);
    default:
      return (await import('../../format/report-table.js')).renderReportTable(report, chalk, width);
  }
}

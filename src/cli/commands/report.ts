import { plainChalk } from '../colour.js';
import { buildReport, REPORT_NAMES, type ReportName } from '../../core/report/index.js';
import { didYouMean } from '../../core/suggest.js';
import { renderer } from '../../format/index.js';
import { UsageError, type Context } from '../context.js';
import { finish, writeOut, writeRendered } from '../output.js';
import { openWorkspace } from '../workspace.js';

export async function run(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const name = String(args[0] ?? '');
  const names = reportNames(name);
  const format = (options.format as string | undefined) ?? 'table';
  const out = typeof options.out === 'string' ? options.out : undefined;
  if (out === '') throw new UsageError('--out needs a file name');

  const ws = await openWorkspace(ctx);
  const report = buildReport(ws.analysis, names);
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

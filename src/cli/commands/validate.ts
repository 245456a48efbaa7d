import { countBySeverity } from '../../core/problem.js';
import { renderer } from '../../format/index.js';
import { CONFIG_FILE } from '../../workspace/root.js';
import { ConfigInvalid, requireRoot } from '../../workspace/load.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS, UsageError, type Context } from '../context.js';
import { writeRendered } from '../output.js';
import { pathFilter, repositoryPathPrefix } from '../paths.js';
import { abxVersion } from '../version.js';
import { allProblems, openWorkspace } from '../workspace.js';

export async function run(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const format = (options.format as string | undefined) ?? 'stylish';
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const root = requireRoot(ctx.cwd);
  // GitHub, code scanning and CI test reports match paths against the repository root, not the workspace.
  const prefix = ['github', 'sarif', 'junit'].includes(format) ? repositoryPathPrefix(root, options.pathPrefix) : '';
  const renderWorkspace = await renderer('validate', format);
  const render: typeof renderWorkspace = (r) =>
    prefix === '' ? renderWorkspace(r) : renderWorkspace({ ...r, problems: r.problems.map((p) => ({ ...p, file: prefix + p.file })), files: r.files.map((f) => prefix + f) });
  const base = { chalk: ctx.chalk, quiet: ctx.quiet, version: abxVersion(), width: ctx.width };

  const inScope = pathFilter(ctx.cwd, root, args);
  let ws;
  try {
    ws = await openWorkspace(ctx, { lean: true, keepScores: false });
  } catch (err) {
    if (!(err instanceof ConfigInvalid)) throw err;
    writeRendered(ctx.stdout, render({ ...base, problems: err.problems, files: [CONFIG_FILE] }));
    return EXIT_FAILURE;
  }

  const files = ws.sources.map((s) => s.path).filter((f) => !inScope || inScope(f));
  const problems = allProblems(ws).filter((p) => !inScope || inScope(p.file) || p.file === CONFIG_FILE);
  writeRendered(ctx.stdout, render({ ...base, problems, files }));

  const { errors, warnings } = countBySeverity(problems);
  if (errors > 0) return EXIT_PROBLEMS;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    if (format === 'stylish') ctx.stderr.write(`abx: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

function parseMaxWarnings(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings must be a whole number (0 or more), not "${text}"`);
  return Number(text);
}

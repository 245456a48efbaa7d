import { terminalText as printable } from '../../format/escape/terminal.js';
import { countBySeverity, RULE_IDS, type Problem } from '../../core/problem.js';
import { didYouMean } from '../../core/suggest.js';
import { problemPieces, renderer } from '../../format/index.js';
import type { ProblemPieces } from '../../format/views.js';
import { CONFIG_FILE } from '../../workspace/root.js';
import { ConfigInvalid, requireRoot } from '../../workspace/load.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS, UsageError, type Context } from '../context.js';
import { writeRendered } from '../output.js';
import { ProblemText } from '../problem-text.js';
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
  const rules = parseRules(options.rule);
  // --rule and --errors-only narrow what is shown, and the exit status follows what is shown.
  const shown = (p: Problem) =>
    (!inScope || inScope(p.file) || p.file === CONFIG_FILE) && (!rules || rules.has(p.rule)) && (!options.errorsOnly || p.severity === 'error');
  const pieces = withPrefix(await problemPieces(format, base), prefix);
  const text = pieces ? new ProblemText(pieces, shown) : undefined;
  let ws;
  try {
    ws = await openWorkspace(ctx, { lean: true, keepScores: false, onProblems: text?.add });
  } catch (err) {
    if (!(err instanceof ConfigInvalid)) throw err;
    writeRendered(ctx.stdout, render({ ...base, problems: err.problems, files: [CONFIG_FILE] }));
    return EXIT_FAILURE;
  }

  const files = ws.sources.map((s) => s.path).filter((f) => !inScope || inScope(f));
  let counts: { errors: number; warnings: number };
  if (text) {
    counts = text.write(ctx.stdout, ws.configProblems, files);
  } else {
    const problems = allProblems(ws).filter(shown);
    writeRendered(ctx.stdout, render({ ...base, problems, files }));
    counts = countBySeverity(problems);
  }

  const { errors, warnings } = counts;
  if (errors > 0) return EXIT_PROBLEMS;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    if (format === 'stylish') ctx.stderr.write(`abx: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

/** Pieces that name files from the repository root, as the whole-report path does for github, sarif and junit. */
function withPrefix(pieces: ProblemPieces | undefined, prefix: string): ProblemPieces | undefined {
  if (!pieces || prefix === '') return pieces;
  return {
    ...pieces,
    file: (problems) => pieces.file(problems.map((p) => ({ ...p, file: prefix + p.file }))),
    frame: (counts, files) => pieces.frame(counts, files.map((f) => prefix + f)),
  };
}

/** `--rule a --rule b` or `--rule a,b`; an id that is no rule is a usage error with the nearest one. */
function parseRules(value: unknown): Set<string> | undefined {
  if (value === undefined) return undefined;
  const ids = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter((v) => v !== '');
  for (const id of ids) {
    if (!(RULE_IDS as readonly string[]).includes(id)) throw new UsageError(`no rule "${printable(id, 60)}"${didYouMean(id, RULE_IDS)}: the rules are listed in docs/rules.md`);
  }
  return new Set(ids);
}

function parseMaxWarnings(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings must be a whole number (0 or more), not "${text}"`);
  return Number(text);
}

/**
 * The `abx` program: global options, the command table and the one place that turns failures
 * into exit codes. Each command's module is imported only when that command runs, so
 * `abx --version` and `abx --help` stay fast.
 */
import { Command, CommanderError, Option } from 'commander';
import { EXIT_FAILURE, EXIT_OK, UsageError, localToday, type Context } from './context.js';
import { isDate } from '../core/dates.js';
import { abxVersion } from './version.js';
import { formatNames } from '../format/index.js';
import { colourFor } from './colour.js';
import { withFilters, withSort } from './filter-options.js';

type Run = (ctx: Context, args: string[], options: Record<string, unknown>) => Promise<number>;
type Loader = () => Promise<{ run: Run }>;

const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let exitCode = EXIT_OK;
  // A reader that stops early (`abx validate | head`) closes the pipe: that is not a failure.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(exitCode);
      throw err;
    });
  }
  const stdout = { write: (t: string) => void process.stdout.write(t) };
  const stderr = { write: (t: string) => void process.stderr.write(t) };

  const program = new Command();
  program
    .name('abx')
    .description('Account-Based Everything as code: validate, score and report on an ABX strategy kept as markdown files in git.')
    .version(abxVersion(), '-v, --version', 'print the version')
    .option('-C, --cwd <dir>', 'run as if abx was started in <dir>')
    .option('--as-of <date>', 'the date scores and rules are computed for (YYYY-MM-DD; default: the config as_of, else today)')
    .option('--no-color', 'no colours in the output (also: the NO_COLOR variable)')
    .option('-q, --quiet', 'print only problems and results, no summaries or progress')
    .showHelpAfterError('(run abx --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) });

  const context = async (): Promise<Context> => {
    const g = program.opts<{ cwd?: string; asOf?: string; color: boolean; quiet?: boolean }>();
    if (g.asOf !== undefined && !isDate(g.asOf)) throw new UsageError(`--as-of must be a date in the form YYYY-MM-DD, not "${g.asOf}"`);
    // --no-color and NO_COLOR (when not empty) win; FORCE_COLOR asks for colour where there is no terminal (CI logs).
    const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
    const color = g.color !== false && !env.NO_COLOR && (forced || (Boolean(process.stdout.isTTY) && env.TERM !== 'dumb'));
    return {
      cwd: g.cwd ?? process.cwd(),
      asOf: g.asOf,
      today: localToday(),
      quiet: Boolean(g.quiet),
      color,
      stdout,
      stderr,
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
      chalk: await colourFor(color),
      env,
      width: process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined,
    };
  };

  const define = (cmd: Command, load: Loader) =>
    cmd.action(async (...params: unknown[]) => {
      const command = params[params.length - 1] as Command;
      const options = command.opts();
      const args = params.slice(0, -2).flatMap((a) => (a === undefined ? [] : Array.isArray(a) ? (a as string[]) : [String(a)]));
      const { run } = await load();
      exitCode = await run(await context(), args, options);
    });

  define(
    program
      .command('init')
      .argument('[dir]', 'the folder to create the workspace in', '.')
      .description('scaffold a workspace: config, folders with annotated templates, a README and a CI workflow')
      .option('-y, --yes', 'take the defaults without prompting')
      .option('--example', 'write a complete demo workspace (a fictional company) instead of templates')
      .option('--no-workflow', 'write no CI workflow (.github/workflows/abx.yml): for a team with its own CI')
      .option('--force', 'overwrite files that already exist')
      .option('--company <name>', 'the company name for the config')
      .addOption(new Option('--stage <stage>', 'the company stage, for budget guidance').choices(['early', 'scaling', 'leader']))
      .option('--segments <names>', 'first segments, comma-separated (one template each)')
      .addHelpText('after', examples(['abx init', 'abx init strategy --yes --company "Orbital Freight"', 'abx init demo --example'])),
    () => import('./commands/init.js'),
  );

  define(
    program
      .command('validate')
      .argument('[paths...]', 'files or folders to report on (default: the whole workspace)')
      .description('check every file: syntax, schema, references and the methodology rules')
      .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames('validate')).default(formatNames('validate')[0]))
      .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this')
      .option('--path-prefix <folder>', 'github/sarif/junit: put this before every path (default: the workspace folder inside its git repository)')
      .option('--rule <id...>', 'show only problems of these rules (repeat or separate with commas)')
      .option('--errors-only', 'show errors, not warnings')
      .addHelpText('after', examples(['abx validate', 'abx validate accounts/acme.md --format json', 'abx validate --format github --max-warnings 0', 'abx validate --rule fit-incomplete', 'abx validate --errors-only'])),
    () => import('./commands/validate.js'),
  );

  define(
    withSort(withFilters(program
      .command('list')
      .description('browse accounts: name, segment, owner, tiers, MQA and next action, filtered and sorted')
      .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames('list')).default(formatNames('list')[0]))))
      .addHelpText('after', examples(['abx list', 'abx list --owner "Dana Ruiz" --tier 1', 'abx list --search prairie', 'abx list --mqa --sort owner --format csv'])),
    () => import('./commands/list.js'),
  );

  define(
    program
      .command('show')
      .argument('<id>', 'an account id, or a unique part of its id, name or domain')
      .description("one account's card: scores with tiers, committee, open signals, next actions and recent changes")
      .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames('show')).default(formatNames('show')[0]))
      .addHelpText('after', examples(['abx show acme-space', 'abx show prairie', 'abx show acme-space --format json'])),
    () => import('./commands/show.js'),
  );

  define(
    withSort(withFilters(program
      .command('score')
      .argument('[ids...]', 'account ids, or unique parts of an id, name or domain (default: every account)')
      .description('score accounts: PURE tier, weighted fit, engagement, buying committee and MQA')
      .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames('score')).default(formatNames('score')[0]))))
      .option('--explain', 'show every component, its weight and contribution, and where it came from')
      .option('--write', 'rewrite the generated pure and fit blocks in each account file')
      .option('--at <rev>', 'score the workspace as it was at a git revision')
      .addHelpText('after', examples(['abx score', 'abx score acme-space --explain', 'abx score --format json --as-of 2026-11-24', 'abx score --tier fit:1 --sort pure', 'abx score --write'])),
    () => import('./commands/score.js'),
  );

  define(
    withFilters(program
      .command('report')
      .argument('<name>', 'tiers | kpis | bets | signals | messaging | collateral | plan | roi | calibration | all')
      .description('reports for pipeline meetings and bet reviews: tiers, KPIs, bet board, signals, messaging, collateral, 90-day plan, ROI, calibration')
      .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames('report')).default(formatNames('report')[0]))
      .option('-o, --out <file>', 'write the report to a file')
      .option('--period <period>', 'roi: month | quarter (default), or one period: 2026-10, 2026-Q3')
      .option('--weights <f,t,i,e>', 'calibration: also score the deals under these fit weights (e.g. 40,20,25,15)'))
      .addHelpText('after', examples(['abx report tiers', 'abx report kpis --format markdown', 'abx report roi --period month', 'abx report calibration --weights 30,20,30,20', 'abx report all --format html --out report.html'])),
    () => import('./commands/report.js'),
  );

  define(
    program
      .command('review')
      .argument('<cadence>', 'weekly | biweekly | monthly | quarterly')
      .description('the learning-loop agenda for the as-of date: signals, tier changes, deals, bets, KPIs, ROI, calibration')
      .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames('review')).default(formatNames('review')[0]))
      .addHelpText('after', examples(['abx review weekly', 'abx review quarterly --format table', 'abx review biweekly --format json'])),
    () => import('./commands/review.js'),
  );

  define(
    program
      .command('diff')
      .argument('[base]', 'the revision to compare with (default: the merge-base with main or master)')
      .description('what changed in scores and tiers between two revisions')
      .option('--head <rev>', 'the revision to compare (default: the working tree)')
      .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames('diff')).default(formatNames('diff')[0]))
      .addHelpText('after', examples(['abx diff', 'abx diff origin/main --format markdown > comment.md', 'abx diff v1 --head v2 --format json'])),
    () => import('./commands/diff.js'),
  );

  define(
    program
      .command('history')
      .argument('<account>', 'an account id')
      .description("an account's PURE and fit scores at each commit that changed it or the config")
      .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames('history')).default(formatNames('history')[0]))
      .addHelpText('after', examples(['abx history acme-space', 'abx history acme-space --format json'])),
    () => import('./commands/history.js'),
  );

  define(
    program
      .command('fmt')
      .argument('[paths...]', 'files or folders (default: the whole workspace)')
      .description('rewrite generated blocks and normalise frontmatter layout, keeping comments and key order')
      .option('--check', 'write nothing; exit 1 when a file would change')
      .addHelpText('after', examples(['abx fmt', 'abx fmt --check', 'abx fmt accounts/'])),
    () => import('./commands/fmt.js'),
  );

  define(
    program
      .command('import')
      .argument('<file>', 'a CSV export from your CRM')
      .description('create or update accounts from a CRM export, matching existing accounts by domain')
      .option('--from <source>', 'hubspot | salesforce | a mapping file (YAML: csv column → account field)', 'hubspot')
      .option('--segment <id>', 'put the accounts of the export (new and matched) into this segment, unless a row names its own')
      .option('--dry-run', 'report what would change, write nothing')
      .addHelpText('after', examples(['abx import companies.csv --from hubspot --dry-run', 'abx import accounts.csv --from salesforce', 'abx import export.csv --from mapping.yaml'])),
    () => import('./commands/import.js'),
  );

  define(
    withFilters(program
      .command('export')
      .description('every account with its facts and scores, for spreadsheets, BI tools and warehouses')
      .addOption(new Option('-f, --format <format>', 'output format (tables: one CSV per table and schema.sql, into the --out folder)').choices(formatNames('export')).default(formatNames('export')[0]))
      .option('-o, --out <file>', 'write to a file instead of standard output (a folder for --format tables)'))
      .addHelpText('after', examples(['abx export > accounts.csv', 'abx export --format jsonl --out accounts.jsonl', 'abx export --format tables --out tables/'])),
    () => import('./commands/export.js'),
  );

  define(
    program
      .command('sql')
      .description('print the scoring model as SQL: a view abx_scores over the tables of export --format tables, as of --as-of, else the config as_of, else the engine\'s current date')
      .addOption(new Option('--dialect <engine>', 'SQL dialect').choices(['duckdb', 'postgres', 'bigquery', 'snowflake']).default('duckdb'))
      .option('--load <from>', 'first create the tables and load them from what export --format tables wrote: a folder (duckdb, postgres), gs://bucket/path (bigquery), @stage/path (snowflake)')
      .option('--dbt', 'print a dbt model ({{ ref(...) }} for the tables) instead of CREATE VIEW')
      .addHelpText('after', examples(['abx export --format tables --out t/ && abx sql --load t/ | duckdb', 'abx sql --dialect postgres --load t/ | psql', 'abx sql --dialect snowflake --load @abx_stage/t --as-of 2026-11-24', 'abx sql --dialect bigquery --dbt > models/abx_scores.sql'])),
    () => import('./commands/sql.js'),
  );

  define(
    program
      .command('new')
      .argument('<kind>', 'segment | account | bet | journey | messaging | collateral | investment')
      .argument('<id>', 'the new id: lowercase letters, digits and -, at most 200 characters')
      .description('create a segment, account, bet, journey, messaging file, collateral asset or investment record (prompts on a terminal, flags otherwise)')
      .option('--name <name>', 'display name')
      .option('--segment <id>', 'segment (accounts, journeys, collateral; messaging: comma-separated ids)')
      .option('--domain <domain>', 'web domain (accounts)')
      .option('--owner <owner>', 'owner (accounts, bets)')
      .option('--motion <motion>', 'detect | decode | engage | accelerate | expand (accounts)')
      .option('--painful <0-3>', 'PURE painful score (accounts)')
      .option('--painful-evidence <text>', 'evidence for painful')
      .option('--urgent <0-3>', 'PURE urgent score')
      .option('--urgent-evidence <text>', 'evidence for urgent')
      .option('--recognized <0-3>', 'PURE recognized score')
      .option('--recognized-evidence <text>', 'evidence for recognized')
      .option('--expensive <0-3>', 'PURE expensive score')
      .option('--expensive-evidence <text>', 'evidence for expensive')
      .option('--category <category>', 'messaging | channel | abm-motion | product-launch | other (bets)')
      .option('--status <status>', 'proposed | running | won | killed (bets)')
      .option('--hypothesis <text>', 'bet hypothesis')
      .option('--test <text>', 'how the bet is tested')
      .option('--success-criteria <text>', 'what success looks like')
      .option('--kill-condition <text>', 'when to stop')
      .option('--learning-output <text>', 'what the team will learn')
      .option('--started <date>', 'when the bet started, YYYY-MM-DD (bets; needed for --status running)')
      .option('--review-by <date>', 'when to review it, YYYY-MM-DD (bets; needed for --status running)')
      .option('--result <text>', 'what happened (bets; needed for --status won or killed)')
      .option('--persona <persona>', 'persona (journeys)')
      .option('--type <type>', 'roi-calculator | datasheet | case-study | battle-card | executive-presentation | other (collateral)')
      .option('--purpose <text>', 'what the asset is for (collateral)')
      .option('--narrative <text>', 'the category narrative (messaging)')
      .option('--period <period>', 'a month (2026-10) or quarter (2026-Q4) (investments; default: the id)')
      .addHelpText('after', examples([
        'abx new account acme-space',
        'abx new account acme-space --name "Acme Space" --segment defense-primes --painful 3 --painful-evidence "Launch slips" --urgent 2 --urgent-evidence "RFP in Q3" --recognized 1 --recognized-evidence "Asked once" --expensive 0',
        'abx new bet linkedin-pilot --name "LinkedIn pilot" --category channel --hypothesis "…" --test "…" --success-criteria "…" --kill-condition "…" --learning-output "…"',
      ])),
    () => import('./commands/new.js'),
  );

  define(
    program
      .command('schema')
      .argument('[kind]', 'segment | account | bet | journey | kpi | config (default: all, as one document)')
      .description("print the JSON Schema of a kind's frontmatter, for editors and other tools")
      .addHelpText('after', examples(['abx schema account > .abx/account.schema.json', 'abx schema'])),
    () => import('./commands/schema.js'),
  );

  define(
    program
      .command('mcp')
      .description('serve the workspace to AI assistants over the Model Context Protocol (stdio): validate, score, report, create and update files')
      .option('--read-only', 'refuse every write (create and update)')
      .addHelpText('after', examples(['abx mcp', 'abx -C strategy mcp --read-only', 'npx @modelcontextprotocol/inspector abx mcp'])),
    () => import('./commands/mcp.js'),
  );

  define(
    program
      .command('lsp')
      .description('serve the workspace to editors over the Language Server Protocol (stdio): problems as you type, completion, hover, go to definition, quick fixes')
      .option('--stdio', 'talk over standard input and output (the default; editors pass it)')
      .addHelpText('after', examples(['abx lsp', 'abx -C strategy lsp'])),
    () => import('./commands/lsp.js'),
  );

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    return handleFailure(err, stderr, env);
  }
}

async function handleFailure(err: unknown, stderr: { write(t: string): void }, env: NodeJS.ProcessEnv): Promise<number> {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT_OK;
    // Commander has printed its message already.
    return EXIT_FAILURE;
  }
  const { describeFailure } = await import('./failure.js');
  stderr.write(describeFailure(err, env.ABX_DEBUG === '1'));
  return EXIT_FAILURE;
}

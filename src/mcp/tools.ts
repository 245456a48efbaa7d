/**
 * The tools. `validate`, `score`, `report`, `diff` and `review` run the command modules (`run.ts`), so a
 * result is the text `abx <command> --format json` prints; `create` and `update` write through
 * `write.ts`. Every failure is a tool result with `isError: true` and a message (the problems,
 * where validation refused a write): the server never stops on a bad call.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { describeFailure } from '../cli/failure.js';
import { REPORT_NAMES } from '../core/report/index.js';
import { renderValidateJson } from '../format/validate/json.js';
import { confine, RefusedPath } from './paths.js';
import { capture, type CommandRun, type ServerSetting } from './run.js';
import { diffShape, reportShape, reviewShape, scoreShape, validateShape, writtenShape } from './shapes.js';
import { createFile, Refused, updateFile, WRITABLE_KINDS, type Written } from './write.js';

const text = (t: string) => ({ type: 'text' as const, text: t });

function refusal(message: string, extra: string[] = []): CallToolResult {
  return { isError: true, content: [text(message), ...extra.map(text)] };
}

/** A command's output as a result: stdout first (the CLI's JSON); the errors it printed on stderr after. */
async function command(setting: ServerSetting, load: () => Promise<{ run: CommandRun }>, args: string[], options: Record<string, unknown>): Promise<CallToolResult> {
  const { run } = await load();
  const r = await capture(setting, run, args, { ...options, format: 'json' });
  const content = [text(r.stdout)];
  if (r.stderr.trim() !== '') content.push(text(r.stderr));
  // Exit 1 is a finding (problems, errors in the workspace), not a failed call; exit 2 is.
  return r.code >= 2 ? { isError: true, content } : { content, structuredContent: JSON.parse(r.stdout) as Record<string, unknown> };
}

/** Any throw becomes the one line the CLI would print for it. */
function guarded<A>(fn: (args: A) => Promise<CallToolResult>): (args: A) => Promise<CallToolResult> {
  return async (args) => {
    try {
      return await fn(args);
    } catch (err) {
      if (err instanceof Refused) return refusal(`abx: ${err.message}`, err.problems.length > 0 ? [renderValidateJson(err.problems, 1)] : []);
      if (err instanceof RefusedPath) return refusal(`abx: refused: ${err.message}`);
      return refusal(describeFailure(err, false));
    }
  };
}

function written(w: Written): CallToolResult {
  // The file's warnings in the shape of `abx validate --format json` (errors would have stopped the write).
  const { warnings, problems } = JSON.parse(renderValidateJson(w.problems, 1)) as { warnings: number; problems: unknown[] };
  const result = { file: w.file, created: w.created, warnings, problems, ...(w.score ? { score: w.score } : {}) };
  return { content: [text(`${JSON.stringify(result, null, 2)}\n`)], structuredContent: result };
}

/** A revision as git would take it, never as an option. */
function revision(value: string | undefined, what: string): string | undefined {
  if (value !== undefined && (value === '' || value.startsWith('-') || /[\0\s]/.test(value))) throw new Refused(`${what} ${JSON.stringify(value)} is not a revision`);
  return value;
}

const READS = { readOnlyHint: true, openWorldHint: false } as const;

export function registerTools(server: McpServer, setting: ServerSetting): void {
  server.registerTool(
    'validate',
    {
      title: 'Validate the workspace',
      description:
        'Checks every workspace file (syntax, schema, references, the method\'s rules), or only the files and folders named. Returns the JSON of `abx validate --format json`: { files, errors, warnings, problems: [{ file, line, column, severity, rule, message }] }.',
      inputSchema: { paths: z.array(z.string()).max(1000).optional().describe('workspace-relative files or folders to report on (default: all)') },
      outputSchema: validateShape,
      annotations: READS,
    },
    guarded(async ({ paths }) => {
      const rels = (paths ?? []).map((p) => {
        const c = confine(setting.root, p);
        if (!c.exists) throw new RefusedPath(`no such file or folder: ${JSON.stringify(p)}`);
        return c.rel;
      });
      return command(setting, () => import('../cli/commands/validate.js'), rels, {});
    }),
  );

  server.registerTool(
    'score',
    {
      title: 'Score accounts',
      description:
        'Scores accounts with the real model: PURE tier, weighted fit, engagement, buying committee, MQA. Returns the JSON of `abx score --format json` ({ asOf, accounts }); with explain, each account carries every component, its weight, its contribution and the file and line it came from.',
      inputSchema: {
        ids: z.array(z.string()).max(1000).optional().describe('account ids (default: every account)'),
        segment: z.string().optional().describe('only accounts of this segment'),
        tier: z.union([z.string(), z.number()]).optional().describe('a PURE tier 1-5, or fit:1-3 / pure:1-5'),
        explain: z.boolean().optional().describe('include how each score was computed'),
      },
      outputSchema: scoreShape,
      annotations: READS,
    },
    guarded(({ ids, segment, tier, explain }) =>
      command(setting, () => import('../cli/commands/score.js'), ids ?? [], { segment, tier: tier === undefined ? undefined : String(tier), explain: explain === true ? true : undefined }),
    ),
  );

  server.registerTool(
    'report',
    {
      title: 'Build a report',
      description: 'A report for pipeline meetings and bet reviews, as the JSON of `abx report <name> --format json`.',
      inputSchema: { name: z.enum([...REPORT_NAMES, 'all'] as [string, ...string[]]).describe('the report') },
      outputSchema: reportShape,
      annotations: READS,
    },
    guarded(({ name }) => command(setting, () => import('../cli/commands/report.js'), [name], {})),
  );

  server.registerTool(
    'diff',
    {
      title: 'What changed between revisions',
      description: 'Scores and tiers that changed between two git revisions, as the JSON of `abx diff --format json`. Without base: the merge-base with main or master; without head: the working tree.',
      inputSchema: {
        base: z.string().max(256).optional().describe('the revision to compare with'),
        head: z.string().max(256).optional().describe('the revision to compare (default: the working tree)'),
      },
      outputSchema: diffShape,
      annotations: READS,
    },
    guarded(async ({ base, head }) => {
      const b = revision(base, 'base');
      return command(setting, () => import('../cli/commands/diff.js'), b === undefined ? [] : [b], { head: revision(head, 'head') });
    }),
  );

  server.registerTool(
    'review',
    {
      title: 'The learning-loop agenda',
      description: 'The agenda of a weekly, bi-weekly, monthly or quarterly review for the as-of date (docs/review.md), as the JSON of `abx review <cadence> --format json`. The weekly one compares tiers with the workspace as committed a week earlier.',
      inputSchema: { cadence: z.enum(['weekly', 'biweekly', 'monthly', 'quarterly']).describe('which review') },
      outputSchema: reviewShape,
      annotations: READS,
    },
    guarded(({ cadence }) => command(setting, () => import('../cli/commands/review.js'), [cadence], {})),
  );

  const kind = z.enum(WRITABLE_KINDS as [string, ...string[]]).describe('the kind of file (its JSON Schema: resource abx://schema/<kind>)');
  const id = z.string().max(200).describe('the id: the file name without .md; lowercase letters, digits and single dashes');

  server.registerTool(
    'create',
    {
      title: 'Create a file',
      description:
        'Creates one file of a kind: the frontmatter from fields (in the order given), then body (default: a heading with the name). It is validated with the rest of the workspace first and written only when it has no errors; an existing file is never replaced. Accounts get their generated score blocks. Refused: isError with the problems as the JSON of abx validate.',
      inputSchema: {
        kind,
        id,
        fields: z.record(z.string(), z.unknown()).describe('the frontmatter, as an object'),
        body: z.string().max(500_000).optional().describe('the markdown after the frontmatter'),
      },
      outputSchema: writtenShape,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    guarded(async (args) => written(await createFile(setting, args))),
  );

  server.registerTool(
    'update',
    {
      title: 'Set fields of a file',
      description:
        'Sets frontmatter fields of one existing file and changes nothing else: comments, key order, quoting and the body stay. Keys are fields or dotted paths (pure.urgent.score), values text, numbers, true/false or lists of those; nested objects set the fields inside. Validated before writing; refused (isError, with the problems) when the change would add an error.',
      inputSchema: { kind, id, set: z.record(z.string(), z.unknown()).describe('fields to set') },
      outputSchema: writtenShape,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    guarded(async (args) => written(await updateFile(setting, args))),
  );
}

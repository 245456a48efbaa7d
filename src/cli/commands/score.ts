import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unscorableText, type Unscorable } from '../../core/diff.js';
import { countBySeverity } from '../../core/problem.js';
import type { AccountScore } from '../../core/scoring/account.js';
import { didYouMean } from '../../core/suggest.js';
import { locatePath } from '../../core/yaml/locate.js';
import { explanationOf, renderExplainText, type SourceLocator } from '../../format/explain.js';
import { renderScoreTable } from '../../format/score-table.js';
import { accountJson, CSV_COLUMNS, csvRow, scoreJsonChunks, scoresMarkdown, toCsv } from '../../format/scores.js';
import { renderStylish } from '../../format/stylish.js';
import { unscorableAccounts } from '../../workspace/compare.js';
import type { Workspace } from '../../workspace/load.js';
import { CONFIG_FILE } from '../../workspace/root.js';
import { refreshBlocks } from '../../workspace/generated-blocks.js';
import { writeFileAtomic } from '../../workspace/write.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type Context } from '../context.js';
import { allProblems, openWorkspace } from '../workspace.js';

type Format = 'table' | 'json' | 'csv' | 'markdown';

export async function run(ctx: Context, ids: string[], options: Record<string, unknown>): Promise<number> {
  const format = (options.format as Format | undefined) ?? 'table';
  const sort = (options.sort as 'fit' | 'pure' | 'name' | undefined) ?? 'fit';
  const tier = parseTier(options.tier);
  let ws: Workspace;
  if (options.at !== undefined) {
    const { loadWorkspaceAt } = await import('../../workspace/revision.js');
    ws = await loadWorkspaceAt(ctx, String(options.at));
  } else {
    // Explanations and block writes need every record and text; plain scores do not.
    const lean = !options.explain && !options.write;
    ws = await openWorkspace(ctx, { lean, warnings: lean ? 'count' : 'list' });
  }
  const { analysis } = ws;

  // An account whose file has errors exists but has no score: its problems are the answer, not "no account".
  const unscorable = ids.some((id) => !analysis.scores.has(id)) ? unscorableAccounts(ws) : new Map<string, Unscorable>();
  for (const id of ids) {
    if (!analysis.accounts.has(id) && !analysis.scores.has(id) && !unscorable.has(id)) {
      throw new UsageError(`no account "${id}"${didYouMean(id, [...analysis.scores.keys(), ...unscorable.keys()])}`);
    }
  }
  if (typeof options.segment === 'string' && !analysis.segments.has(options.segment)) {
    throw new UsageError(`no segment "${options.segment}"${didYouMean(options.segment, analysis.segments.keys())}`);
  }

  let scores = [...analysis.scores.values()];
  if (ids.length > 0) scores = scores.filter((s) => ids.includes(s.id));
  if (typeof options.segment === 'string') scores = scores.filter((s) => s.segment === options.segment);
  if (tier) scores = scores.filter((s) => (tier.kind === 'fit' ? s.fit.tier === tier.value : s.pure?.tier === tier.value));
  scores.sort(comparator(sort));

  if (options.write) {
    if (options.at !== undefined) throw new UsageError('--write cannot be combined with --at: history is not rewritten');
    const written = writeScoreBlocks(ws, scores);
    if (!ctx.quiet) ctx.stderr.write(`${written === 0 ? 'Generated blocks are up to date' : `Updated the generated blocks in ${written} ${written === 1 ? 'file' : 'files'}`}.\n`);
  }

  const locator = sourceLocator(ws);
  const explain = Boolean(options.explain);
  switch (format) {
    case 'json': {
      const accounts = (function* () {
        for (const s of scores) {
          const base = accountJson(s);
          yield explain ? { ...base, explain: explanationOf(s, ws.config, locator, fileOf(ws, s)) } : base;
        }
      })();
      for (const chunk of scoreJsonChunks(analysis.asOf, accounts)) ctx.stdout.write(chunk);
      break;
    }
    case 'csv':
      ctx.stdout.write(toCsv(CSV_COLUMNS, scores.map(csvRow)));
      break;
    case 'markdown':
      ctx.stdout.write(scoresMarkdown(scores));
      break;
    default:
      if (explain) {
        if (scores.length === 0 && !ctx.quiet) ctx.stdout.write('No accounts to explain.\n');
        ctx.stdout.write(scores.map((s) => renderExplainText(s, explanationOf(s, ws.config, locator, fileOf(ws, s)), ctx.chalk)).join('\n'));
      } else if (!(ids.length > 0 && ids.every((id) => unscorable.has(id)))) {
        // (Only unscorable accounts asked for: their problems follow, an empty table would say "no accounts yet".)
        ctx.stdout.write(renderScoreTable(scores, ctx.chalk, ctx.quiet));
      }
  }

  const problems = allProblems(ws);
  const counts = countBySeverity(problems);
  const errors = counts.errors;
  const warnings = counts.warnings + analysis.unlistedWarnings;
  if (errors > 0) {
    const errorList = problems.filter((p) => p.severity === 'error');
    for (const id of ids) {
      const u = unscorable.get(id);
      if (u) ctx.stderr.write(`abx: account "${id}" cannot be scored: ${u.path} has ${unscorableText(u)}\n`);
    }
    ctx.stderr.write(`\n${renderStylish(errorList, { chalk: ctx.chalk, quiet: true, files: analysis.fileCount })}`);
    return EXIT_PROBLEMS;
  }
  if (warnings > 0 && !ctx.quiet) ctx.stderr.write(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}: run abx validate to see ${warnings === 1 ? 'it' : 'them'}.\n`);
  return EXIT_OK;
}

function fileOf(ws: Workspace, s: AccountScore): string {
  return ws.analysis.accounts.get(s.id)?.file ?? `accounts/${s.id}.md`;
}

function parseTier(value: unknown): { kind: 'pure' | 'fit'; value: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^(?:(pure|fit):)?([1-5])$/.exec(String(value).trim().toLowerCase());
  const kind = (m?.[1] as 'pure' | 'fit' | undefined) ?? 'pure';
  const n = Number(m?.[2]);
  if (!m || (kind === 'fit' && n > 3)) throw new UsageError(`--tier takes a PURE tier 1-5, or fit:1-3 / pure:1-5, not "${String(value)}"`);
  return { kind, value: n };
}

function comparator(sort: 'fit' | 'pure' | 'name'): (a: AccountScore, b: AccountScore) => number {
  const byName = (a: AccountScore, b: AccountScore) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const byPure = (a: AccountScore, b: AccountScore) => (b.pure?.total ?? -1) - (a.pure?.total ?? -1);
  const byFit = (a: AccountScore, b: AccountScore) => b.fit.score - a.fit.score;
  if (sort === 'name') return byName;
  if (sort === 'pure') return (a, b) => byPure(a, b) || byFit(a, b) || byName(a, b);
  return (a, b) => byFit(a, b) || byPure(a, b) || byName(a, b);
}

function writeScoreBlocks(ws: Workspace, scores: readonly AccountScore[]): number {
  let written = 0;
  for (const s of scores) {
    const entry = ws.analysis.accounts.get(s.id);
    if (!entry) continue;
    const path = join(ws.root, entry.file);
    const text = readFileSync(path, 'utf8');
    const next = refreshBlocks(text, s);
    if (next !== text) {
      writeFileAtomic(ws.root, path, next);
      written++;
    }
  }
  return written;
}

function sourceLocator(ws: Workspace): SourceLocator {
  return {
    where(score, source, path) {
      if (source === 'account') {
        const entry = ws.analysis.accounts.get(score.id);
        if (!entry) return '';
        return `${entry.file}:${entry.locate(path).line}`;
      }
      if (source === 'segment') {
        const entry = score.segment ? ws.analysis.segments.get(score.segment) : undefined;
        if (!entry) return '';
        return `${entry.file}:${entry.locate(path).line}`;
      }
      const doc = ws.configDocument();
      return doc ? `${CONFIG_FILE}:${locatePath(doc.doc, doc.lineCounter, path).line}` : CONFIG_FILE;
    },
  };
}

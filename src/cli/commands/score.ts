import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unscorableText, type Unscorable } from '../../core/diff.js';
import type { AccountScore } from '../../core/scoring/account.js';
import { didYouMean } from '../../core/suggest.js';
import { plural } from '../../core/words.js';
import { locatePath } from '../../core/yaml/locate.js';
import { renderer } from '../../format/index.js';
import { explanationOf, type SourceLocator } from '../../format/score/explain.js';
import { unscorableAccounts } from '../../workspace/compare.js';
import type { Workspace } from '../../workspace/load.js';
import { CONFIG_FILE } from '../../workspace/root.js';
import { refreshBlocks } from '../../workspace/generated-blocks.js';
import { writeFileAtomic } from '../../workspace/write.js';
import { UsageError, type Context } from '../context.js';
import { finish, writeRendered } from '../output.js';
import { openWorkspace } from '../workspace.js';

export async function run(ctx: Context, ids: string[], options: Record<string, unknown>): Promise<number> {
  const format = (options.format as string | undefined) ?? 'table';
  const sort = (options.sort as 'fit' | 'pure' | 'name' | undefined) ?? 'fit';
  const tier = parseTier(options.tier);
  let ws: Workspace;
  if (options.at !== undefined) {
    const { loadWorkspaceAt } = await import('../../workspace/revision.js');
    ws = await loadWorkspaceAt(ctx.cwd, String(options.at), { asOf: ctx.asOf, today: ctx.today });
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
    if (!ctx.quiet) ctx.stderr.write(`${written === 0 ? 'Generated blocks are up to date' : `Updated the generated blocks in ${plural(written, 'file')}`}.\n`);
  }

  const locator = sourceLocator(ws);
  const explain = options.explain ? (s: AccountScore) => explanationOf(s, ws.config, locator, fileOf(ws, s)) : undefined;
  // Only unscorable accounts asked for: their problems follow, and an empty table would say "no accounts yet".
  const onlyUnscorable = ids.length > 0 && ids.every((id) => unscorable.has(id));
  if (!(format === 'table' && !explain && onlyUnscorable)) writeRendered(ctx.stdout, (await renderer('score', format))({ asOf: analysis.asOf, scores, explain, chalk: ctx.chalk, quiet: ctx.quiet, width: ctx.width }));
  for (const id of ids) {
    const u = unscorable.get(id);
    if (u) ctx.stderr.write(`abx: account "${id}" cannot be scored: ${u.path} has ${unscorableText(u)}\n`);
  }
  return finish(ctx, ws);
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

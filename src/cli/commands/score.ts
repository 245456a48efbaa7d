import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unscorableText, type Unscorable } from '../../core/diff.js';
import type { AccountScore } from '../../core/scoring/account.js';
import { comparator, filterScores, type SortKey } from '../../core/filter.js';
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
import { accountFilter, namedAccounts } from '../filters.js';
import { finish, writeRendered } from '../output.js';
import { openWorkspace } from '../workspace.js';

export async function run(ctx: Context, ids: string[], options: Record<string, unknown>): Promise<number> {
  const format = (options.format as string | undefined) ?? 'table';
  const sort = (options.sort as SortKey | undefined) ?? 'fit';
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
  // Other ids name an account by its id or a unique part of its id, name or domain.
  const named = ids.filter((id) => !unscorable.has(id) && !(analysis.accounts.has(id) && !analysis.scores.has(id)));
  const filter = accountFilter(options, analysis);
  const chosen = ids.length > 0 ? namedAccounts(named, analysis.scores.values(), unscorable.keys()) : analysis.scores.values();
  const scores = filterScores(chosen, filter).sort(comparator(sort));

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

function writeScoreBlocks(ws: Workspace, scores: readonly AccountScore[]): number {
  let written = 0;
  for (const s of scores) {
    const entry = ws.analysis.accounts.get(s.id);
    if (!entry) continue;
    const path = join(ws.root, entry.file);
    const text = readFileSync(path, 'utf8');
    const next = refreshBlocks(text, s, { blocks: ws.config.generatedBlocks });
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

/**
 * `abx fmt`: every file's frontmatter in the normal layout (src/core/layout.ts) and every
 * account's generated blocks up to date. Files that do not parse are reported and never written;
 * writes are atomic. `--check` writes nothing and exits 1 when a file would change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kindDef } from '../../core/kinds/index.js';
import { terminalText } from '../../format/escape/terminal.js';
import { normaliseLayout } from '../../core/layout.js';
import { markerProblems, refreshBlocks } from '../../workspace/generated-blocks.js';
import { writeFileAtomic } from '../../workspace/write.js';
import { EXIT_OK, EXIT_PROBLEMS, type Context } from '../context.js';
import { pathFilter } from '../paths.js';
import { openWorkspace } from '../workspace.js';
import type { Workspace } from '../../workspace/load.js';
import type { SourceFile } from '../../core/model.js';
import { fileId } from '../../core/analyze.js';
import { plural } from '../../core/words.js';


export async function run(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const check = Boolean(options.check);
  // fmt prints no problems: warnings are counted, not located (the slow part of a warned workspace).
  const ws = await openWorkspace(ctx, { warnings: 'count' });
  const filter = pathFilter(ctx.cwd, ws.root, args);
  const sources = ws.sources.filter((s) => !filter || filter(s.path));

  const changed: string[] = [];
  const failures: string[] = [];
  for (const source of sources) {
    if (source.text === undefined) {
      failures.push(`${terminalText(source.path)}:1:1: not formatted: ${source.unreadable ?? 'the file cannot be read'}`);
      continue;
    }
    // Decided on the text the workspace was analysed from (its byte-order mark set aside, which
    // fmt keeps, so it cannot make a difference); a file to write is read again for its bytes.
    const formatted = format(ws, source, source.text);
    if (typeof formatted !== 'string') {
      failures.push(formatted.failure);
      continue;
    }
    if (formatted === source.text) continue;
    changed.push(source.path);
    if (check) continue;
    const abs = join(ws.root, source.path);
    let original: string;
    try {
      original = readFileSync(abs, 'utf8');
    } catch (err) {
      changed.pop();
      failures.push(`${terminalText(source.path)}:1:1: not formatted: the file cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      continue;
    }
    const next = format(ws, source, original);
    if (typeof next !== 'string') {
      changed.pop();
      failures.push(next.failure);
      continue;
    }
    if (next === original) {
      changed.pop();
      continue;
    }
    try {
      writeFileAtomic(ws.root, abs, next);
    } catch (err) {
      changed.pop();
      failures.push(`${terminalText(source.path)}:1:1: not written: ${(err as Error).message}`);
    }
  }

  for (const path of changed) ctx.stdout.write(`${terminalText(path)}\n`);
  for (const f of failures) ctx.stderr.write(`${f}\n`);
  if (!ctx.quiet) {
    const unchanged = sources.length - changed.length - failures.length;
    const head = sources.length === 0
      ? 'No files to format.'
      : check
      ? changed.length === 0
        ? `All ${plural(sources.length - failures.length, 'file is', 'files are')} formatted.`
        : `${plural(changed.length, 'file', 'files')} would change: run abx fmt to rewrite ${changed.length === 1 ? 'it' : 'them'}.`
      : changed.length === 0
        ? `Nothing to change (${plural(unchanged, 'file', 'files')} already formatted).`
        : `Formatted ${plural(changed.length, 'file', 'files')} (${unchanged} unchanged).`;
    ctx.stderr.write(`${head}${failures.length > 0 ? ` ${plural(failures.length, 'file', 'files')} could not be formatted.` : ''}\n`);
  }
  if (failures.length > 0) return EXIT_PROBLEMS;
  return check && changed.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** The file in the normal layout with its generated blocks up to date, or why it cannot be. */
function format(ws: Workspace, source: SourceFile, original: string): string | { failure: string } {
  const laid = normaliseLayout(original, kindDef(source.kind).format === 'yaml');
  if (!laid.ok) {
    const why = laid.syntax ? 'frontmatter-syntax' : 'not formatted';
    return { failure: `${terminalText(source.path)}:${laid.line}:${laid.column}: ${why}: ${terminalText(laid.message, 200)}${laid.syntax ? ' (not formatted)' : ''}` };
  }
  let next = laid.text;
  const score = source.kind === 'accounts' ? ws.analysis.scores.get(fileId(source.path, source.kind)) : undefined;
  if (score && ws.analysis.accounts.get(score.id)?.file === source.path) next = refreshBlocks(next, score, { appendMissing: false, blocks: ws.config.generatedBlocks });
  if (source.kind === 'accounts') {
    const markers = markerProblems(next);
    // One entry per file (the summary counts files); each marker problem on its own line.
    if (markers.length > 0) return { failure: markers.map((m) => `${terminalText(source.path)}:${m.line}:1: block-markers: ${terminalText(m.message, 200)}: fix the markers by hand`).join('\n') };
  }
  return next;
}

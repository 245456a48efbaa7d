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
import type { FileRef } from '../../core/model.js';
import type { Config } from '../../core/config.js';
import type { AccountScore } from '../../core/scoring/account.js';
import { plural } from '../../core/words.js';


export async function run(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const check = Boolean(options.check);
  // Each file is decided as the analysis finishes it, on the text it was analysed from (its
  // byte-order mark set aside, which fmt keeps, so it cannot make a difference), and let go: a
  // lean run holds no texts. Only what a file decides is kept, and the score of a file to write.
  const decided = new Map<string, Decision>();
  let blocks: Config['generatedBlocks'] = [];
  // fmt prints no problems: warnings are counted, not located (the slow part of a warned workspace).
  const ws = await openWorkspace(ctx, {
    warnings: 'count',
    lean: true,
    keepScores: false,
    onFile: (file, score, config) => {
      blocks = config.generatedBlocks;
      if (file.text === undefined) {
        decided.set(file.path, { failure: `${terminalText(file.path)}:1:1: not formatted: ${file.unreadable ?? 'the file cannot be read'}` });
        return;
      }
      const formatted = format(file, score, blocks, file.text);
      if (typeof formatted !== 'string') decided.set(file.path, formatted);
      else if (formatted !== file.text) decided.set(file.path, { score });
    },
  });
  const filter = pathFilter(ctx.cwd, ws.root, args);
  const sources = ws.sources.filter((s) => !filter || filter(s.path));

  const changed: string[] = [];
  const failures: string[] = [];
  for (const source of sources) {
    const decision = decided.get(source.path);
    if (decision === undefined) continue;
    if ('failure' in decision) {
      failures.push(decision.failure);
      continue;
    }
    changed.push(source.path);
    if (check) continue;
    // The file to write is read again for its bytes.
    const abs = join(ws.root, source.path);
    let original: string;
    try {
      original = readFileSync(abs, 'utf8');
    } catch (err) {
      changed.pop();
      failures.push(`${terminalText(source.path)}:1:1: not formatted: the file cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      continue;
    }
    const next = format(source, decision.score, blocks, original);
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

/** What fmt decided for a file while the workspace was analysed: it cannot be formatted, or it changes. */
type Decision = { failure: string } | { score: AccountScore | undefined };

/**
 * The file in the normal layout with its generated blocks up to date, or why it cannot be. The
 * score is the account's own (a second file with the same id is not scored, so its blocks stay).
 */
function format(file: FileRef, score: AccountScore | undefined, blocks: Config['generatedBlocks'], original: string): string | { failure: string } {
  const laid = normaliseLayout(original, kindDef(file.kind).format === 'yaml');
  if (!laid.ok) {
    const why = laid.syntax ? 'frontmatter-syntax' : 'not formatted';
    return { failure: `${terminalText(file.path)}:${laid.line}:${laid.column}: ${why}: ${terminalText(laid.message, 200)}${laid.syntax ? ' (not formatted)' : ''}` };
  }
  let next = laid.text;
  if (file.kind === 'accounts') {
    if (score) next = refreshBlocks(next, score, { appendMissing: false, blocks });
    const markers = markerProblems(next);
    // One entry per file (the summary counts files); each marker problem on its own line.
    if (markers.length > 0) return { failure: markers.map((m) => `${terminalText(file.path)}:${m.line}:1: block-markers: ${terminalText(m.message, 200)}: fix the markers by hand`).join('\n') };
  }
  return next;
}

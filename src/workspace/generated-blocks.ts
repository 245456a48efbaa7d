/**
 * Rewriting an account file's generated blocks from its score, shared by `abx score --write`,
 * `abx fmt`, `abx new` and `abx import`. The body is found in the text given (a byte-order mark
 * kept in front), so the text may differ from the one the workspace was analysed from.
 */
import { scanBlocks, writeBlocks } from '../core/blocks.js';
import { splitFrontmatter } from '../core/frontmatter.js';
import type { AccountScore } from '../core/scoring/account.js';

export function refreshBlocks(text: string, score: AccountScore, options: { appendMissing?: boolean } = {}): string {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const split = splitFrontmatter(text.slice(bom));
  if (!split.ok) return text;
  return writeBlocks(text, split.bodyOffset + bom, score, options);
}

/** Marker problems abx cannot repair (unbalanced, interleaved), with their 1-based line in the file. */
export function markerProblems(text: string): { line: number; message: string }[] {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const split = splitFrontmatter(text.slice(bom));
  if (!split.ok || !split.body.includes('abx:')) return [];
  return scanBlocks(split.body).problems.map((p) => ({ line: split.bodyLine + p.lineIndex, message: p.message }));
}

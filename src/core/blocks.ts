/**
 * Generated blocks: the parts of a body between `<!-- abx:begin NAME -->` and
 * `<!-- abx:end NAME -->` that abx writes from the frontmatter. Everything outside them is the
 * author's and is never touched. A marker inside a fenced code block (``` or ~~~, as CommonMark
 * reads them) is an example the author wrote, not a marker.
 */
import type { Account } from './kinds/account.js';
import type { Entry } from './kinds/kind.js';
import type { Finding } from './problem.js';
import { FIT_COMPONENTS, PURE_CRITERIA } from './schemas.js';
import type { AccountScore } from './scoring/account.js';
import { roundTenth } from './scoring/exact.js';
import { FIT_LABELS } from './scoring/fit.js';
import { PURE_LABELS } from './scoring/pure.js';

export const BLOCK_NAMES = ['pure', 'fit'] as const;
export type BlockName = (typeof BLOCK_NAMES)[number];

/** A CommonMark fence opening or closing line: up to three spaces, then 3+ backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

const MARKER = /^[ \t]*<!--[ \t]*abx:(begin|end)[ \t]+([a-z0-9-]+)[ \t]*-->[ \t]*\r?$/;

export interface Block {
  name: string;
  /** 0-based line index of the begin marker within the body. */
  beginIndex: number;
  endIndex: number;
  /** Offsets within the body: where the content starts (after the begin line) and ends (start of the end line). */
  contentStart: number;
  contentEnd: number;
}

export interface BlockScan {
  blocks: Block[];
  problems: { lineIndex: number; message: string }[];
}

export function scanBlocks(body: string): BlockScan {
  const blocks: Block[] = [];
  const problems: BlockScan['problems'] = [];
  let open: { name: string; index: number; contentStart: number } | undefined;
  let offset = 0;
  let index = 0;
  let fence: string | undefined;
  while (offset <= body.length) {
    const nl = body.indexOf('\n', offset);
    const end = nl === -1 ? body.length : nl;
    const line = body.slice(offset, end).replace(/\r$/, '');
    const f = FENCE.exec(line);
    const m = fence === undefined ? MARKER.exec(line) : null;
    if (f) {
      const [, run = '', rest = ''] = f;
      // A backtick fence's info string has no backtick; a closing fence is the opening character, at least as long, and nothing else.
      if (fence === undefined) {
        if (!(run[0] === '`' && rest.includes('`'))) fence = run;
      } else if (run[0] === fence[0] && run.length >= fence.length && rest.trim() === '') fence = undefined;
    }
    if (m) {
      const [, which, name = ''] = m;
      if (which === 'begin') {
        if (open) problems.push({ lineIndex: open.index, message: `generated block "${open.name}" is not closed before another begins` });
        open = { name, index, contentStart: nl === -1 ? body.length : nl + 1 };
      } else if (!open || open.name !== name) {
        problems.push({ lineIndex: index, message: `<!-- abx:end ${name} --> has no matching begin` });
      } else {
        blocks.push({ name, beginIndex: open.index, endIndex: index, contentStart: open.contentStart, contentEnd: offset });
        open = undefined;
      }
    }
    if (nl === -1) break;
    offset = nl + 1;
    index++;
  }
  if (open) problems.push({ lineIndex: open.index, message: `generated block "${open.name}" is never closed: add <!-- abx:end ${open.name} -->` });
  return { blocks, problems };
}

/** Markdown table cells hold one line and no unescaped pipes (a lone `\r` or U+2028 ends a row too). */
export function cell(value: string): string {
  return value.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ').replace(/\|/g, '\\|').trim();
}

const num = (n: number) => String(n);

export function renderPureBlock(score: AccountScore): string[] {
  const pure = score.pure;
  if (!pure) return ['_Not scored yet: add a `pure` block with the four criteria to the frontmatter._'];
  const lines = ['| Criterion | Score (0-3) | Evidence |', '|---|---|---|'];
  for (const c of PURE_CRITERIA) lines.push(`| ${PURE_LABELS[c]} | ${pure.scores[c]} | ${cell(pure.evidence[c])} |`);
  lines.push(`| TOTAL | ${pure.total}/12 | Tier: ${pure.tier} (${pure.tierName}) |`);
  return lines;
}

export function renderFitBlock(score: AccountScore): string[] {
  const lines = ['| Component | Value | Weight | Contribution | Source |', '|---|---|---|---|---|'];
  for (const c of FIT_COMPONENTS) {
    const comp = score.fit.components[c];
    lines.push(`| ${FIT_LABELS[c]} | ${num(roundTenth(comp.value))} | ${num(comp.weight)}% | ${num(roundTenth(comp.contribution))} | ${cell(comp.detail)} |`);
  }
  lines.push(`| FIT SCORE | ${num(score.fit.score)} | | | Tier: ${score.fit.tier} (${score.fit.tierName}, ${score.fit.motion}) |`);
  return lines;
}

export function renderBlock(name: BlockName, score: AccountScore): string[] {
  return name === 'pure' ? renderPureBlock(score) : renderFitBlock(score);
}

function isBlockName(name: string): name is BlockName {
  return (BLOCK_NAMES as readonly string[]).includes(name);
}

/** Blocks of an account body abx writes and checks: the workspace's `generated_blocks`. */
export type BlockSet = readonly BlockName[];

export function checkGeneratedBlocks(entry: Entry<Account>, score: AccountScore, blocks: BlockSet): Finding[] {
  if (!entry.body.includes('abx:')) return [];
  const scan = scanBlocks(entry.body);
  const findings: Finding[] = [];
  for (const p of scan.problems) {
    findings.push({
      rule: 'block-markers',
      line: entry.bodyLine + p.lineIndex,
      column: 1,
      message: `${p.message}; abx cannot rewrite this file's generated blocks until the markers are fixed by hand`,
    });
  }
  // With unbalanced markers no block is rewritten, so advising `score --write` would be false.
  if (scan.problems.length > 0) return findings;
  for (const block of scan.blocks) {
    // A block the workspace did not opt into is left to its author: never checked, never rewritten.
    if (!isBlockName(block.name) || !blocks.includes(block.name)) continue;
    const actual = entry.body.slice(block.contentStart, block.contentEnd).replace(/\r\n/g, '\n').replace(/\n$/, '');
    const expected = renderBlock(block.name, score).join('\n');
    if (actual !== expected) {
      findings.push({
        rule: 'table-drift',
        line: entry.bodyLine + block.beginIndex,
        column: 1,
        message: `the generated ${block.name} block no longer matches the frontmatter: run abx score --write`,
      });
    }
  }
  return findings;
}

/**
 * The file text with its generated blocks rewritten (and missing pure/fit blocks appended unless
 * `appendMissing` is false),
 * every byte outside the blocks kept. Returns the text unchanged when a block is malformed.
 */
export function writeBlocks(text: string, bodyOffset: number, score: AccountScore, options: { appendMissing?: boolean; blocks: BlockSet }): string {
  const body = text.slice(bodyOffset);
  const scan = scanBlocks(body);
  if (scan.problems.length > 0) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let out = '';
  let cursor = 0;
  const present = new Set<string>();
  for (const block of scan.blocks) {
    if (!isBlockName(block.name) || !options.blocks.includes(block.name)) continue;
    present.add(block.name);
    out += body.slice(cursor, block.contentStart) + renderBlock(block.name, score).join(eol) + eol;
    cursor = block.contentEnd;
  }
  out += body.slice(cursor);
  for (const name of BLOCK_NAMES) {
    if (present.has(name) || options.appendMissing === false || !options.blocks.includes(name)) continue;
    const head = text.slice(0, bodyOffset) + out;
    const sep = head.endsWith(eol + eol) || (out === '' && head.endsWith('\n')) ? '' : head.endsWith('\n') ? eol : eol + eol;
    out += `${sep}<!-- abx:begin ${name} -->${eol}${renderBlock(name, score).join(eol)}${eol}<!-- abx:end ${name} -->${eol}`;
  }
  return text.slice(0, bodyOffset) + out;
}

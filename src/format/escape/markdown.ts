/**
 * Text from files and file names on its way into markdown (pull-request comments, reports).
 * GitHub renders that markdown, so user text must not become a link, an image, HTML, a heading,
 * a list, a table cell boundary, an autolink or an @mention.
 *
 * - markdownText: prose (names, results, summaries). One line; every markdown punctuation
 *   character that can open markup is backslash-escaped (CommonMark allows that for all ASCII
 *   punctuation, so the rendered text is unchanged); `www.` loses its autolink and `@` is followed by a zero-width
 *   space, because GitHub finds mentions and e-mail addresses in the rendered text, where
 *   backslashes are gone.
 * - markdownCode: identifiers and paths, as a code span that the value cannot close: the fence is
 *   one backtick longer than the longest run of backticks inside. Control characters and line
 *   breaks are shown as escapes (`\n`), as in the terminal. In a table cell, `|` is escaped (GFM
 *   splits cells before it reads code spans, and un-escapes `\|` inside them).
 */
import { terminalText } from './terminal.js';

// eslint-disable-next-line no-control-regex
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;
// What can open markup anywhere in a line: code, emphasis, links and images, HTML and entities,
// headings and list markers (after a list item's marker), table cells, autolinks (`:`), math (`$`).
const PUNCTUATION = /[\\`*_{}[\]()<>#+!|~&:$]/g;
const ZERO_WIDTH_SPACE = '&#8203;';

/** A safe, one-line, inline piece of markdown showing `value` as plain text. */
export function markdownText(value: string, max = Infinity): string {
  let text = value.replace(BREAKS, ' ').trim();
  if (text.length > max) text = `${text.slice(0, Math.max(0, max - 1))}…`;
  return text
    .replace(PUNCTUATION, (c) => `\\${c}`)
    .replace(/(www)\./gi, '$1\\.')
    .replace(/@/g, `@${ZERO_WIDTH_SPACE}`);
}

/** `value` as a code span nothing inside can close; `table` when it stands in a table cell. */
export function markdownCode(value: string, options: { table?: boolean; max?: number } = {}): string {
  const text = terminalText(value, options.max);
  if (text === '') return '` `';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space on each side keeps a leading or trailing backtick out of the fence (and is stripped again).
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ')) ? ' ' : '';
  const span = `${fence}${pad}${text}${pad}${fence}`;
  return options.table ? span.replace(/\|/g, '\\|') : span;
}

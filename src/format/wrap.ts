/**
 * Text measured and wrapped in what a terminal shows: colour codes count for nothing, wide East
 * Asian characters count 2. Apart from the tables of fit-width.ts, so that a command printing only
 * lines (validate) does not load the table library at start-up.
 */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a string takes on a terminal (longest line; wide East Asian characters count 2). */
export function visibleWidth(text: string): number {
  let max = 0;
  for (const line of text.replace(ANSI, '').split('\n')) {
    let w = 0;
    for (const ch of line) w += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
    if (w > max) max = w;
  }
  return max;
}

function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

/**
 * Plain text broken into lines of at most `width` columns, at spaces where it can; a word longer
 * than a line is cut (a number or range such as `10-12` is never split at its dash).
 */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    // The line's width is kept as it grows, so a long text costs one pass.
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      let rest = word;
      let restWidth = visibleWidth(rest);
      while (restWidth > w) {
        if (line !== '') {
          lines.push(line);
          line = '';
          lineWidth = 0;
        }
        const cut = cutAt(rest, w);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
        restWidth = visibleWidth(rest);
      }
      if (line === '') {
        line = rest;
        lineWidth = restWidth;
      } else if (lineWidth + 1 + restWidth <= w) {
        line += ` ${rest}`;
        lineWidth += 1 + restWidth;
      } else {
        lines.push(line);
        line = rest;
        lineWidth = restWidth;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Lines of plain output (one report line each) wrapped to `width`, continuing `indent` spaces in; unchanged without a width. */
export function fitLines(text: string, width: number | undefined, indent = 2): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .flatMap((line) => (visibleWidth(line) <= width ? [line] : wrapText(line, width - indent).map((l, i) => (i === 0 ? l : `${' '.repeat(indent)}${l}`))))
    .join('\n');
}

/** Characters of `text` that fit `width` columns. */
function cutAt(text: string, width: number): number {
  let w = 0;
  let i = 0;
  for (const ch of text) {
    const cw = isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
    if (w + cw > width) break;
    w += cw;
    i += ch.length;
  }
  return Math.max(i, 1);
}

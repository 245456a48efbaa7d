/**
 * Splits a markdown file into frontmatter and body. Our own splitter, not gray-matter's: the
 * opening line must be exactly `---` (a `---js` block is an error, never code to run), the
 * closing line exactly `---` or `...`, and an unterminated block is an error rather than a body
 * silently turned into data.
 */

export interface FrontmatterSplit {
  ok: true;
  yaml: string;
  /** Line of the file on which the YAML text starts (the line after the opening fence). */
  yamlLine: number;
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
  /** Offset of the body in the file text. */
  bodyOffset: number;
}

export interface FrontmatterFailure {
  ok: false;
  rule: 'frontmatter-missing' | 'frontmatter-syntax';
  message: string;
  line: number;
  column: number;
}

const FENCE = /^---[ \t]*\r?$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/;
const LANGUAGE_FENCE = /^---[ \t]*([^\s-][^\r]*?)[ \t]*\r?$/;

export function splitFrontmatter(text: string): FrontmatterSplit | FrontmatterFailure {
  if (text.trim() === '') {
    return { ok: false, rule: 'frontmatter-missing', message: 'the file is empty: it needs YAML frontmatter between two --- lines', line: 1, column: 1 };
  }
  const firstEnd = lineEnd(text, 0);
  const first = text.slice(0, firstEnd);
  if (!FENCE.test(first)) {
    const lang = LANGUAGE_FENCE.exec(first);
    if (lang) {
      return {
        ok: false,
        rule: 'frontmatter-syntax',
        message: `frontmatter in "${(lang[1] ?? '').slice(0, 60)}" is not supported: abx reads YAML only and never runs code (use a plain --- line)`,
        line: 1,
        column: 4,
      };
    }
    return { ok: false, rule: 'frontmatter-missing', message: 'the file does not start with a --- line opening YAML frontmatter', line: 1, column: 1 };
  }
  let pos = firstEnd + 1;
  let line = 2;
  while (pos <= text.length) {
    const end = lineEnd(text, pos);
    if (CLOSE.test(text.slice(pos, end))) {
      const yaml = text.slice(firstEnd + 1, pos);
      const bodyOffset = Math.min(end + 1, text.length);
      return { ok: true, yaml, yamlLine: 2, body: text.slice(bodyOffset), bodyLine: line + 1, bodyOffset };
    }
    if (end >= text.length) break;
    pos = end + 1;
    line++;
  }
  return {
    ok: false,
    rule: 'frontmatter-syntax',
    message: 'the frontmatter opened on line 1 is never closed: add a line with only --- after the YAML',
    line: 1,
    column: 1,
  };
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i === -1 ? text.length : i;
}

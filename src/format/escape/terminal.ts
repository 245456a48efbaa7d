/**
 * Text from files and file names on its way to a terminal (or any line-based plain text: stylish,
 * tables, `--explain`, messages on stderr). Nothing in it can move the cursor, change colours,
 * ring the bell, reorder the line (bidi controls) or start a new line: every such character is
 * shown as an escape (`\n`, `\x1b`, `\u202e`), never emitted. Long text is cut at `max`
 * characters with an ellipsis.
 */

// C0 and C1 controls, DEL, line/paragraph separators and the bidirectional overrides/isolates.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function shown(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of safe text, at most `max` characters (the escapes count). */
export function terminalText(value: string, max = Infinity): string {
  const clean = value.replace(UNSAFE, shown);
  return clean.length > max ? `${clean.slice(0, Math.max(0, max - 1))}…` : clean;
}

/** Whether a string holds anything terminalText would change (for tests and checks). */
export function hasUnsafeTerminalText(value: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(value);
}

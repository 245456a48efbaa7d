/**
 * The files `abx init` writes as examples carry a comment line in their frontmatter with a hash
 * of the rest of the file. While the hash still matches, nobody has edited the file, and reports
 * leave it out: an "Example bet" is not a real bet. Any edit (or removing the line) makes it the
 * user's file like any other.
 */
const MARK = /^# abx:template ([0-9a-f]{8})\b.*\r?\n/m;

/** FNV-1a, 32 bits: enough to tell an edited file from the one init wrote. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The text with the mark after its opening `---` line. */
export function markTemplate(text: string): string {
  const nl = text.indexOf('\n');
  if (!text.startsWith('---') || nl === -1) return text;
  const line = `# abx:template ${hash(text)}: an example from abx init; reports leave it out until you edit this file\n`;
  return text.slice(0, nl + 1) + line + text.slice(nl + 1);
}

export function isUneditedTemplate(text: string): boolean {
  if (!text.includes('abx:template')) return false;
  const m = MARK.exec(text);
  if (!m) return false;
  return hash(text.slice(0, m.index) + text.slice(m.index + m[0].length)) === m[1];
}

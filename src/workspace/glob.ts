/**
 * The small part of glob syntax workspace paths need: `**`, `*`, `?` and `{a,b}`.
 *
 * Matching works on path segments without regular expressions: a regular expression with many
 * `**` parts backtracks exponentially on a deep path that does not match (twelve `**\/` and one
 * file 25 folders deep took 35 s). Here a glob is split into segments once; `**` matches any
 * number of whole segments, found by a table over (glob segment, path segment) pairs, and a
 * segment's `*` and `?` are matched by the two-pointer method, so a test costs at most the
 * product of the lengths. Braces are expanded first (at most MAX_ALTERNATIVES alternatives).
 */

export interface GlobMatcher {
  test(path: string): boolean;
}

/** Past this many alternatives from `{…}` the rest are dropped (a config with more is not for real). */
export const MAX_ALTERNATIVES = 256;

type Segment = { globstar: true } | { globstar: false; text: string };

export function compileGlob(glob: string): GlobMatcher {
  const alternatives = expandBraces(glob).map(compileSegments);
  return { test: (path) => alternatives.some((segments) => matchSegments(segments, path.split('/'))) };
}

function compileSegments(glob: string): Segment[] {
  return glob.split('/').map((part) => (part === '**' ? { globstar: true } : { globstar: false, text: part.replace(/\*\*+/g, '*') }));
}

function matchSegments(glob: Segment[], path: string[]): boolean {
  const width = path.length + 1;
  // known[g * width + p]: 0 not yet known, 1 matches, 2 does not.
  const known = new Uint8Array((glob.length + 1) * width);
  const match = (g: number, p: number): boolean => {
    const slot = g * width + p;
    if (known[slot]) return known[slot] === 1;
    let ok: boolean;
    const segment = glob[g];
    if (!segment) ok = p === path.length;
    else if (segment.globstar) {
      // A trailing `**` needs at least one more segment (`accounts/**` holds files below accounts/).
      ok = g === glob.length - 1 ? p < path.length : match(g + 1, p) || (p < path.length && match(g, p + 1));
    } else ok = p < path.length && matchName(segment.text, path[p] as string) && match(g + 1, p + 1);
    known[slot] = ok ? 1 : 2;
    return ok;
  };
  return match(0, 0);
}

/** `*` and `?` within one name, by the two-pointer method (no backtracking past the last star). */
function matchName(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    const c = pattern[p];
    if (c === '*') {
      star = p++;
      resume = n;
    } else if (c !== undefined && (c === '?' || c === name[n])) {
      p++;
      n++;
    } else if (star !== -1) {
      p = star + 1;
      n = ++resume;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** `a{b,c{d,e}}f` → `abf`, `acdf`, `acef`; a `{` without its `}` is a plain character. */
function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open === -1) return [glob];
  let depth = 0;
  let close = -1;
  const commas: number[] = [];
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      close = i;
      break;
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close === -1) return [glob];
  const bounds = [open, ...commas, close];
  const rest = expandBraces(glob.slice(close + 1));
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    for (const inner of expandBraces(glob.slice((bounds[k] as number) + 1, bounds[k + 1]))) {
      for (const tail of rest) {
        if (out.length >= MAX_ALTERNATIVES) return out.map((a) => glob.slice(0, open) + a);
        out.push(inner + tail);
      }
    }
  }
  return out.map((a) => glob.slice(0, open) + a);
}

/** The folder a glob can only match below: `accounts/**\/*.md` → `accounts`. */
export function globBase(glob: string): string {
  const parts = glob.split('/');
  const base: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (/[*?{]/.test(part)) break;
    base.push(part);
  }
  return base.join('/');
}

/** "Did you mean" for keys, ids and rule names: the closest candidate within a small edit distance. */

export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  if (needle.length > 100) return undefined;
  const allowed = Math.max(2, Math.floor(needle.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Only a candidate nearer than the best so far, and near enough to be offered, can change the answer.
    const bound = Math.min(allowed, bestDistance - 1);
    const other = candidate.toLowerCase();
    if (Math.abs(other.length - needle.length) > bound) continue;
    const d = distanceWithin(needle, other, bound);
    if (d <= bound) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

let rows = new Int32Array(0);

/**
 * The edit distance of `a` and `b` when it is at most `bound`, else some number above `bound`: a
 * row whose every cell is past the bound ends the count, so a "did you mean" over a schema's keys
 * or a criterion's values costs little more than comparing lengths.
 */
function distanceWithin(a: string, b: string, bound: number): number {
  if (a === b) return 0;
  const n = b.length;
  if (rows.length < 2 * (n + 1)) rows = new Int32Array(2 * (n + 1));
  let prev = 0;
  let cur = n + 1;
  for (let j = 0; j <= n; j++) rows[j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[cur] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const v = Math.min(rows[prev + j]! + 1, rows[cur + j - 1]! + 1, rows[prev + j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      rows[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > bound) return bound + 1;
    [prev, cur] = [cur, prev];
  }
  return rows[prev + n]!;
}

export function didYouMean(input: string, candidates: Iterable<string>): string {
  const guess = closest(input, candidates);
  return guess ? ` (did you mean "${guess}"?)` : '';
}

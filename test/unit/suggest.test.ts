import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from '../../src/core/suggest.js';

/** Levenshtein distance by its plain definition: the reference the bounded count in suggest.ts is held to. */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}

/** The plain definition: the first candidate at the least distance, offered when within a third of the input. */
function closestByDefinition(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  if (needle.length > 100) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(needle, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(needle.length / 3)) ? best : undefined;
}

describe('closest', () => {
  it('answers as the plain definition does on random words (ties, case, letters that change length when lowered)', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const letters = 'abcdeE_-İı';
    const word = (max: number) => Array.from({ length: Math.floor(rnd() * max) }, () => letters[Math.floor(rnd() * letters.length)]).join('');
    let compared = 0;
    for (let t = 0; t < 20000; t++) {
      const candidates = Array.from({ length: Math.floor(rnd() * 8) }, () => word(14));
      const near = candidates.length > 0 && rnd() < 0.5 ? `${candidates[Math.floor(rnd() * candidates.length)]!.slice(0, -1)}x` : word(14);
      expect(closest(near, candidates), `${near} in ${JSON.stringify(candidates)}`).toBe(closestByDefinition(near, candidates));
      compared++;
    }
    expect(compared).toBe(20000);
  });

  it('offers the first of equally near candidates, and nothing beyond a third of the input', () => {
    expect(closest('segmnt', ['segment', 'segments'])).toBe('segment');
    expect(closest('ab', ['xy', 'ay', 'ab_'])).toBe('ay');
    expect(closest('linkedin_url', ['name', 'domain', 'segment', 'owner', 'motion'])).toBeUndefined();
    expect(didYouMean('OWNR', ['name', 'owner'])).toBe(' (did you mean "owner"?)');
    expect(closest('x'.repeat(101), ['x'.repeat(101)])).toBeUndefined();
  });
});

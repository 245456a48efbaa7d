/** Words and numbers shared by the diff and history renderers. */
import type { AccountChange, ScoreSnapshot } from '../../core/diff.js';

export const shortCommit = (commit: string | null): string => (commit ? commit.slice(0, 7) : 'working tree');

export { plural } from '../../core/words.js';

export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

const pureValue = (s: ScoreSnapshot | null) => (s === null ? '–' : s.pure ? String(s.pure.total) : 'unscored');
const pureTier = (s: ScoreSnapshot | null) => (s?.pure ? s.pure.tier : null);

/** `9 → 10` or `10`: one value when both sides agree. */
export function moved(base: string, head: string): string {
  return base === head ? head : `${base} → ${head}`;
}

export interface ChangeCells {
  pure: string;
  pureTier: string;
  fit: string;
  fitTier: string;
}

/** The four values of a change; for a new or removed account, the side that exists. */
export function changeCells(c: AccountChange, arrow: (base: number | null, head: number | null) => string = tierArrow): ChangeCells {
  const base = c.base ?? c.head;
  const head = c.head ?? c.base;
  const tier = (b: number | null, h: number | null) => (b === h ? (h === null ? '–' : String(h)) : `${b ?? '–'} → ${h ?? '–'}${arrow(b, h)}`);
  return {
    pure: moved(pureValue(base), pureValue(head)),
    pureTier: tier(pureTier(base), pureTier(head)),
    fit: moved(String(base?.fit.score ?? '–'), String(head?.fit.score ?? '–')),
    fitTier: tier(base?.fit.tier ?? null, head?.fit.tier ?? null),
  };
}

/** Tier 1 is the top: a smaller number is a move up. */
export function tierArrow(base: number | null, head: number | null): string {
  if (base === null || head === null || base === head) return '';
  return head < base ? ' ↑' : ' ↓';
}

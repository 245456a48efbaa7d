/** An account as lists and the weekly meeting show it: who owns it, where it stands, what is next. */
import type { AccountScore } from './scoring/account.js';

export interface AccountSummary {
  id: string;
  name: string;
  /** null: no segment assigned (fit stays incomplete until one is). */
  segment: string | null;
  owner: string | null;
  motion: string | null;
  pureTier: number | null;
  pureTierName: string | null;
  fitScore: number;
  fitTier: number;
  fitTierName: string;
  mqa: boolean;
  nextAction: string | null;
}

export function accountSummary(s: AccountScore): AccountSummary {
  return {
    id: s.id,
    name: s.name,
    segment: s.segment,
    owner: s.owner,
    motion: s.motion,
    pureTier: s.pure?.tier ?? null,
    pureTierName: s.pure?.tierName ?? null,
    fitScore: s.fit.score,
    fitTier: s.fit.tier,
    fitTierName: s.fit.tierName,
    mqa: s.mqa,
    nextAction: s.nextAction,
  };
}

/** The lines of an account's card that every `show` format words the same way. */
import type { Card, CardMember } from '../../core/card.js';
import { roundTenth } from '../../core/scoring/exact.js';
import { FIT_COMPONENTS, PURE_CRITERIA } from '../../core/schemas.js';
import { plural } from '../../core/words.js';

export function pureLine(card: Card): string {
  const p = card.score.pure;
  if (!p) return 'unscored: add a pure block with the four criteria';
  return `${p.total}/12 · tier ${p.tier} ${p.tierName} (${PURE_CRITERIA.map((c) => `${c} ${p.scores[c]}`).join(', ')})`;
}

export function fitLine(card: Card): string {
  const f = card.score.fit;
  const parts = FIT_COMPONENTS.map((c) => `${c} ${roundTenth(f.components[c].value)}`).join(', ');
  const missing = f.missing.length > 0 ? `; missing: ${f.missing.join(', ')}` : '';
  return `${f.score} · tier ${f.tier} ${f.tierName} (${parts}${missing})`;
}

export function mqaLine(card: Card): string {
  const s = card.score;
  const r = card.mqaRule;
  const has = `${plural(s.engagedStakeholders, 'engaged stakeholder')}, ${s.seniorEngaged} senior`;
  return `${s.mqa ? 'yes' : 'no'}: ${has} (needs ${r.minEngaged} engaged, ${r.minSenior} senior, within ${plural(r.windowDays, 'day')})`;
}

export function memberLine(m: CardMember): string {
  const who = [m.role, m.seniority].filter((x) => x !== null).join(', ');
  const last = m.lastEngaged ? `, last engaged ${m.lastEngaged}` : '';
  const status = m.status === 'engaged' && !m.engaged ? 'engaged, but outside the window' : m.status;
  return `${m.name}${m.title ? `, ${m.title}` : ''} — ${who}; ${status}${last}`;
}

export function age(days: number): string {
  return plural(days, 'day');
}

export function factsLine(card: Card): string {
  return [`segment ${card.segment ?? 'none assigned'}`, `owner ${card.owner ?? 'none'}`, `motion ${card.motion ?? 'none'}`, card.domain ? `domain ${card.domain}` : undefined]
    .filter((x) => x !== undefined)
    .join(' · ');
}

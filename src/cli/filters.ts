/**
 * The account filter options of `list`, `score`, `report` and `export`, read once
 * (`accountFilter`; declared in `filter-options.ts`) and applied by `core/filter.ts`.
 */
import { accountsNamed, folded, parseTierFilter, type AccountFilter } from '../core/filter.js';
import { terminalText as printable } from '../format/escape/terminal.js';
import type { Analysis } from '../core/model.js';
import { MOTIONS } from '../core/schemas.js';
import type { AccountScore } from '../core/scoring/account.js';
import { closest, didYouMean } from '../core/suggest.js';
import { UsageError } from './context.js';

/** The filter the options ask for; a UsageError for a segment or owner no account has. */
export function accountFilter(options: Record<string, unknown>, analysis: Analysis): AccountFilter {
  const f: AccountFilter = {};
  if (typeof options.segment === 'string') {
    if (!analysis.segments.has(options.segment)) throw new UsageError(`no segment "${options.segment}"${didYouMean(options.segment, analysis.segments.keys())}`);
    f.segment = options.segment;
  }
  if (options.tier !== undefined) {
    const tier = parseTierFilter(String(options.tier));
    if (!tier) throw new UsageError(`--tier takes a PURE tier 1-5, or fit:1-3 / pure:1-5, not "${String(options.tier)}"`);
    f.tier = tier;
  }
  if (typeof options.owner === 'string') {
    const owners = new Set<string>();
    for (const s of analysis.scores.values()) if (s.owner !== null) owners.add(s.owner);
    const wanted = folded(options.owner);
    if (![...owners].some((o) => folded(o) === wanted)) {
      const guess = closest(options.owner, owners);
      const known = [...owners].sort((a, b) => a.localeCompare(b, 'en'));
      const list = known.length === 0 ? 'no account has an owner yet' : `owners: ${known.slice(0, 10).map((o) => printable(o, 40)).join(', ')}${known.length > 10 ? ', …' : ''}`;
      throw new UsageError(`no account is owned by "${printable(options.owner, 60)}"${guess ? ` (did you mean "${guess}"?)` : ''}; ${list}`);
    }
    f.owner = options.owner;
  }
  if (typeof options.motion === 'string') {
    if (!(MOTIONS as readonly string[]).includes(options.motion)) throw new UsageError(`--motion "${printable(options.motion, 40)}" is not a motion${didYouMean(options.motion, MOTIONS)}; motions: ${MOTIONS.join(', ')}`);
    f.motion = options.motion;
  }
  if (options.mqa === true) f.mqa = true;
  if (typeof options.search === 'string') f.search = options.search;
  return f;
}

/**
 * The accounts the ids on the command line name, each an id or a unique part of an id, name or
 * domain. A part that names several accounts is a UsageError listing them.
 */
export function namedAccounts(ids: readonly string[], scores: Iterable<AccountScore>, otherIds: Iterable<string> = []): AccountScore[] {
  const all = [...scores];
  const others = [...otherIds];
  const out = new Map<string, AccountScore>();
  for (const id of ids) {
    const found = accountsNamed(id, all);
    if (found.length === 0) throw new UsageError(`no account "${printable(id, 60)}"${didYouMean(id, [...all.map((s) => s.id), ...others])}`);
    if (found.length > 1) {
      // One line (failure messages are): the candidates with their names, ten at most.
      const shown = found.slice(0, 10).map((s) => `${s.id} (${printable(s.name, 60)})`);
      const more = found.length > 10 ? `, and ${found.length - 10} more` : '';
      throw new UsageError(`"${id}" matches ${found.length} accounts: ${shown.join(', ')}${more}; name one of them`);
    }
    const [one] = found;
    if (one) out.set(one.id, one);
  }
  return [...out.values()];
}

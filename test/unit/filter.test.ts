import { describe, expect, it } from 'vitest';
import { accountsNamed, comparator, filterScores, isFiltered, parseTierFilter } from '../../src/core/filter.js';
import type { AccountScore } from '../../src/core/scoring/account.js';

/** Just the fields filters and sorting read. */
function score(id: string, o: { name?: string; owner?: string | null; domain?: string | null; segment?: string | null; motion?: string | null; pure?: number | null; fit?: number; fitTier?: number; mqa?: boolean } = {}): AccountScore {
  const pure = o.pure === undefined || o.pure === null ? null : { total: o.pure, tier: o.pure >= 10 ? 1 : 3, tierName: 'x' };
  return {
    id,
    name: o.name ?? id,
    owner: o.owner ?? null,
    domain: o.domain ?? null,
    segment: o.segment ?? null,
    motion: o.motion ?? null,
    nextAction: null,
    pure,
    fit: { score: o.fit ?? 50, tier: o.fitTier ?? 2 },
    mqa: o.mqa ?? false,
  } as unknown as AccountScore;
}

const all = [
  score('prairie-grain', { name: 'Prairie Grain Co', owner: 'Dana Ruiz', domain: 'prairiegrain.example', segment: 'ag', motion: 'engage', pure: 11, fit: 80, fitTier: 1, mqa: true }),
  score('prairie-power', { name: 'Prairie Power', owner: 'dana ruiz ', segment: 'energy', pure: 6, fit: 60 }),
  score('acme', { name: 'Acme', domain: 'acme.example', owner: null, fit: 60 }),
];

describe('account filters', () => {
  it('matches owner case-insensitively on the whole value, and search on id, name or domain', () => {
    expect(filterScores(all, { owner: 'DANA RUIZ' }).map((s) => s.id)).toEqual(['prairie-grain', 'prairie-power']);
    expect(filterScores(all, { owner: 'Dana' }).map((s) => s.id)).toEqual([]);
    expect(filterScores(all, { search: 'GRAIN' }).map((s) => s.id)).toEqual(['prairie-grain']);
    expect(filterScores(all, { search: 'acme.ex' }).map((s) => s.id)).toEqual(['acme']);
    expect(filterScores(all, { mqa: true, motion: 'engage', segment: 'ag' }).map((s) => s.id)).toEqual(['prairie-grain']);
    expect(filterScores(all, { tier: { kind: 'fit', value: 2 } }).map((s) => s.id)).toEqual(['prairie-power', 'acme']);
    expect(filterScores(all, { tier: { kind: 'pure', value: 1 } }).map((s) => s.id)).toEqual(['prairie-grain']);
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ mqa: false })).toBe(false);
    expect(isFiltered({ search: 'x' })).toBe(true);
  });

  it('parses tiers as PURE 1-5, pure:N or fit:1-3', () => {
    expect(parseTierFilter('2')).toEqual({ kind: 'pure', value: 2 });
    expect(parseTierFilter(' FIT:3 ')).toEqual({ kind: 'fit', value: 3 });
    expect(parseTierFilter('fit:4')).toBeUndefined();
    expect(parseTierFilter('6')).toBeUndefined();
  });

  it('sorts by owner with accounts nobody owns last, ties by PURE then fit', () => {
    expect([...all].sort(comparator('owner')).map((s) => s.id)).toEqual(['prairie-grain', 'prairie-power', 'acme']);
    expect([...all].sort(comparator('fit')).map((s) => s.id)).toEqual(['prairie-grain', 'prairie-power', 'acme']);
    expect([...all].sort(comparator('name')).map((s) => s.id)).toEqual(['acme', 'prairie-grain', 'prairie-power']);
  });

  it('names accounts by exact id first, else by a part of id, name or domain', () => {
    expect(accountsNamed('acme', all).map((s) => s.id)).toEqual(['acme']);
    expect(accountsNamed('Prairie', all).map((s) => s.id)).toEqual(['prairie-grain', 'prairie-power']);
    expect(accountsNamed('grain co', all).map((s) => s.id)).toEqual(['prairie-grain']);
    expect(accountsNamed('nothing', all)).toEqual([]);
  });
});

import { regionOf } from '../../src/core/import/regions.js';

describe('country to region', () => {
  it('maps the countries CRMs export to the regions segment criteria use, the config first', () => {
    expect(regionOf('United States')).toBe('North America');
    expect(regionOf(' germany ')).toBe('Europe');
    expect(regionOf('Japan')).toBe('Asia Pacific');
    expect(regionOf('Atlantis')).toBeUndefined();
    expect(regionOf('Mexico', { mexico: 'Latin America' })).toBe('Latin America');
  });
});

import { describe, expect, it } from 'vitest';
import { diffConfig, diffScores, historyRows, reusableScores, type ScoreSnapshot, type SideFile } from '../../src/core/diff.js';
import type { AccountScore } from '../../src/core/scoring/account.js';
import { renderDiffMarkdown } from '../../src/format/diff/markdown.js';
import { markdownText } from '../../src/format/escape/markdown.js';

/** Just the fields the diff reads. */
function score(id: string, name: string, pure: [number, number, string] | null, fit: [number, number, string]): AccountScore {
  return {
    id,
    name,
    pure: pure && { total: pure[0], tier: pure[1], tierName: pure[2] },
    fit: { score: fit[0], tier: fit[1], tierName: fit[2] },
  } as unknown as AccountScore;
}
const map = (...scores: AccountScore[]) => new Map(scores.map((s) => [s.id, s]));

describe('diffScores', () => {
  const base = map(
    score('acme', 'Acme', [9, 2, 'Burning Platform'], [66, 2, 'Scale']),
    score('bolt', 'Bolt', [6, 3, 'Active Pain'], [50, 3, 'Programmatic']),
    score('gone', 'Gone Ltd', [3, 4, 'Emerging Need'], [20, 3, 'Programmatic']),
    score('same', 'Same Co', [5, 3, 'Active Pain'], [55.5, 3, 'Programmatic']),
    score('tiny', 'Tiny', null, [61, 2, 'Scale']),
    score('unsc', 'Unscored Inc', null, [40, 3, 'Programmatic']),
  );
  const head = map(
    score('acme', 'Acme Space', [10, 1, 'Hair-on-Fire'], [66, 2, 'Scale']),
    score('bolt', 'Bolt', [6, 3, 'Active Pain'], [50.2, 3, 'Programmatic']),
    score('same', 'Same Co', [5, 3, 'Active Pain'], [55.6, 3, 'Programmatic']),
    score('tiny', 'Tiny', null, [61.1, 2, 'Scale']),
    score('unsc', 'Unscored Inc', [4, 3, 'Active Pain'], [40, 3, 'Programmatic']),
    score('zeta', 'Zeta', [8, 2, 'Burning Platform'], [81, 1, 'Strategic']),
  );
  const diff = diffScores(base, head);

  it('lists tier moves (PURE and fit, scoring an unscored account counts), then new, removed and score changes over 0.1', () => {
    expect(diff.tierMoves.map((c) => [c.id, c.pureTierMoved, c.fitTierMoved, c.pureDelta, c.fitDelta])).toEqual([
      ['acme', true, false, 1, 0],
      ['unsc', true, false, null, 0],
    ]);
    expect(diff.added.map((c) => c.id)).toEqual(['zeta']);
    expect(diff.removed.map((c) => c.id)).toEqual(['gone']);
    expect(diff.scoreChanges.map((c) => [c.id, c.fitDelta])).toEqual([['bolt', 0.2]]);
    // 55.5 → 55.6 and 61 → 61.1 are exactly 0.1: rounding, not news.
    expect(diff.unchanged).toBe(2);
    expect(diff.tierMoves[0]?.name).toBe('Acme Space');
    expect(diff.removed[0]?.head).toBeNull();
  });

  it('renders a pull-request comment with a headline, a table and collapsed details', () => {
    const md = renderDiffMarkdown({ diff, config: [], notes: [], base: { label: 'main', commit: '0123456789abcdef' }, head: { label: 'the working tree', commit: null }, asOf: '2026-11-24' });
    expect(md).toBe(
      [
        '<!-- abx-diff -->',
        '### abx: 2 accounts change tier',
        '',
        'Scores at main (`0123456`) compared with the working tree, as of 2026-11-24: 1 new, 1 removed, 1 score change.',
        '',
        '| Account | PURE | PURE tier | Fit | Fit tier |',
        '|---|---|---|---|---|',
        '| Acme Space (`acme`) | 9 → 10 | 2 → 1 ↑ | 66 | 2 |',
        '| Unscored Inc (`unsc`) | unscored → 4 | – → 3 | 40 | 3 |',
        '',
        '<details>',
        '<summary>1 new, 1 removed, 1 score change</summary>',
        '',
        '#### New accounts',
        '',
        '| Account | PURE | PURE tier | Fit | Fit tier |',
        '|---|---|---|---|---|',
        '| Zeta (`zeta`) | 8 | 2 | 81 | 1 |',
        '',
        '#### Removed accounts',
        '',
        '| Account | PURE | PURE tier | Fit | Fit tier |',
        '|---|---|---|---|---|',
        '| Gone Ltd (`gone`) | 3 | 4 | 20 | 3 |',
        '',
        '#### Score changes over 0.1 (same tiers)',
        '',
        '| Account | PURE | PURE tier | Fit | Fit tier |',
        '|---|---|---|---|---|',
        '| Bolt (`bolt`) | 6 | 3 | 50 → 50.2 | 3 |',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing moved', () => {
    const same = diffScores(base, base);
    expect(renderDiffMarkdown({ diff: same, config: [], notes: [], base: { label: 'abc1234', commit: 'abc1234ffff' }, head: { label: 'HEAD', commit: 'fedcba987' }, asOf: '2026-11-24' })).toBe(
      '<!-- abx-diff -->\n### abx: no account changes tier\n\nScores at `abc1234` compared with HEAD (`fedcba9`), as of 2026-11-24.\n\nNo account changed tier or score (6 accounts compared).\n',
    );
  });

  it('escapes names from the pull request so they cannot inject markup, links or mentions', () => {
    expect(markdownText('<img src=x onerror=alert(1)> [click](http://e.vil) @team | *x*\n# h')).toBe(
      '\\<img src=x onerror=alert\\(1\\)\\> \\[click\\]\\(http\\://e.vil\\) @&#8203;team \\| \\*x\\* \\# h',
    );
  });
});

describe('historyRows', () => {
  const ref = (n: number) => ({ commit: `c${n}`, date: `2026-10-0${n}`, author: 'Dana', subject: `s${n}` });
  const s = (total: number) => score('acme', 'Acme', [total, total >= 10 ? 1 : 2, ''], [60, 2, 'Scale']);

  it('is newest first, leaves out commits before the account existed and keeps the one that removed it', () => {
    const rows = historyRows([
      { ref: ref(1), score: undefined },
      { ref: ref(2), score: s(9) },
      { ref: ref(3), score: s(10) },
      { ref: ref(4), score: undefined },
      { ref: ref(5), score: undefined },
    ]);
    expect(rows.map((r) => [r.commit, r.score?.pure?.total ?? null])).toEqual([
      ['c4', null],
      ['c3', 10],
      ['c2', 9],
    ]);
    const snapshot: ScoreSnapshot | null = rows[1]?.score ?? null;
    expect(snapshot).toEqual({ name: 'Acme', pure: { total: 10, tier: 1, tierName: '' }, fit: { score: 60, tier: 2, tierName: 'Scale' } });
  });
});

describe('diffScores with what git and the analysis know', () => {
  const a = score('acme', 'Acme', [9, 2, 'Burning Platform'], [66, 2, 'Scale']);
  const b = score('bolt', 'Bolt', [6, 3, 'Active Pain'], [50, 3, 'Programmatic']);
  const broken = { path: 'accounts/bolt.md', errors: 2, rules: ['frontmatter-syntax', 'schema'] };

  it('an account with errors at head cannot be scored there: not removed', () => {
    const d = diffScores(map(a, b), map(a), { headUnscorable: new Map([['bolt', broken]]) });
    expect([d.removed, d.unscorable.map((c) => [c.id, c.unscorable])]).toEqual([[], [['bolt', { ...broken, side: 'head' }]]]);
  });

  it('an account with errors at base is not new at head', () => {
    const d = diffScores(map(a), map(a, b), { baseUnscorable: new Map([['bolt', broken]]) });
    expect([d.added, d.unscorable.map((c) => [c.id, c.unscorable?.side])]).toEqual([[], [['bolt', 'base']]]);
  });

  it('broken on both sides is no change of this diff', () => {
    const d = diffScores(map(a), map(a), { baseUnscorable: new Map([['bolt', broken]]), headUnscorable: new Map([['bolt', broken]]) });
    expect([d.unscorable, d.unchanged]).toEqual([[], 1]);
  });

  it('a rename pairs the two sides; without a score change it is listed as renamed', () => {
    const renamed = score('bolt-inc', 'Bolt', [6, 3, 'Active Pain'], [50, 3, 'Programmatic']);
    const d = diffScores(map(a, b), map(a, renamed), { renames: new Map([['bolt', 'bolt-inc']]) });
    expect([d.added, d.removed, d.renamed.map((c) => [c.id, c.renamedFrom]), d.unchanged]).toEqual([[], [], [['bolt-inc', 'bolt']], 1]);
    const moved = score('bolt-inc', 'Bolt', [10, 1, 'Hair-on-Fire'], [50, 3, 'Programmatic']);
    const m = diffScores(map(a, b), map(a, moved), { renames: new Map([['bolt', 'bolt-inc']]) });
    expect(m.tierMoves.map((c) => [c.id, c.renamedFrom, c.pureDelta])).toEqual([['bolt-inc', 'bolt', 4]]);
  });

  it('a rename is ignored when the old id still exists at head', () => {
    const copy = score('bolt-inc', 'Bolt', [6, 3, 'Active Pain'], [50, 3, 'Programmatic']);
    const d = diffScores(map(b), map(b, copy), { renames: new Map([['bolt', 'bolt-inc']]) });
    expect([d.added.map((c) => c.id), d.renamed]).toEqual([['bolt-inc'], []]);
  });
});

describe('diffConfig', () => {
  it('names each changed setting by path, base keys first; absent is null', () => {
    const base = { version: 1, scoring: { weights: { firmographic: 40, technographic: 20, intent: 25, engagement: 15 } }, as_of: '2026-11-24' };
    const head = { version: 1, scoring: { weights: { firmographic: 20, technographic: 20, intent: 45, engagement: 15 }, fit_tiers: [80, 60] } };
    expect(diffConfig(base, head)).toEqual([
      { path: 'scoring.weights.firmographic', base: 40, head: 20 },
      { path: 'scoring.weights.intent', base: 25, head: 45 },
      { path: 'scoring.fit_tiers', base: null, head: [80, 60] },
      { path: 'as_of', base: '2026-11-24', head: null },
    ]);
    expect(diffConfig(base, structuredClone(base))).toEqual([]);
  });
});

describe('reusableScores: base files that need no second scoring', () => {
  const scored = (id: string, segment: string | null) => ({ ...score(id, id, null, [50, 3, 'Programmatic']), segment }) as AccountScore;
  const file = (path: string, oid: string | undefined): SideFile => ({ path, kind: path.startsWith('segments/') ? 'segments' : 'accounts', oid });
  const base = [file('segments/ports.md', 's1'), file('segments/rail.md', 'r1'), file('accounts/a.md', 'a1'), file('accounts/b.md', 'b1'), file('accounts/c.md', 'c1'), file('accounts/d.md', 'd1'), file('accounts/solo.md', 'o1')];
  const head = [file('segments/ports.md', 's1'), file('segments/rail.md', 'r2'), file('accounts/a.md', 'a1'), file('accounts/b.md', 'b2'), file('accounts/c.md', 'c1'), file('accounts/d.md', 'd1'), file('accounts/solo.md', 'o1')];
  const scores = map(scored('a', 'ports'), scored('b', 'ports'), scored('c', 'rail'), scored('d', null), scored('solo', 'gone'));

  it('takes the same bytes in an unchanged segment (or none, or one missing on both sides), not a changed file or a changed segment', () => {
    expect([...reusableScores(base, head, scores, true).keys()]).toEqual(['accounts/a.md', 'accounts/d.md', 'accounts/solo.md']);
    expect(reusableScores(base, head, scores, true).get('accounts/a.md')).toBe(scores.get('a'));
  });

  it('takes nothing when the config changed', () => {
    expect(reusableScores(base, head, scores, false).size).toBe(0);
  });

  it('leaves to the analysis a file the head could not score or read, and an id two files share', () => {
    const noScore = new Map([...scores].filter(([id]) => id !== 'a'));
    expect([...reusableScores(base, head, noScore, true).keys()]).toEqual(['accounts/d.md', 'accounts/solo.md']);
    const unread = head.map((f) => (f.path === 'accounts/d.md' ? { ...f, oid: undefined } : f));
    expect([...reusableScores(base, unread, scores, true).keys()]).toEqual(['accounts/a.md', 'accounts/solo.md']);
    const twice = [...head, file('accounts/more/a.md', 'a9')];
    expect([...reusableScores(base, twice, scores, true).keys()]).toEqual(['accounts/d.md', 'accounts/solo.md']);
    // `twice` as the base: every file but a's is the head's own, so only a is left out.
    expect([...reusableScores(twice, head, scores, true).keys()]).toEqual(['accounts/b.md', 'accounts/c.md', 'accounts/d.md', 'accounts/solo.md']);
  });

  it('a segment added or removed on one side is a change', () => {
    const added = [...head, file('segments/gone.md', 'g1')];
    expect([...reusableScores(base, added, scores, true).keys()]).toEqual(['accounts/a.md', 'accounts/d.md']);
  });
});

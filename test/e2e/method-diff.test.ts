/** `abx diff`: one line for messaging coverage and one for overdue collateral when they move (method.md §1, §2). */
import { describe, expect, it } from 'vitest';
import { runAbx, tempDir } from '../helpers.js';
import { commit, config, gitIn, write } from './diff-repo.js';

const segment = '---\nname: Core\npersonas: [{ title: CTO }, { title: CFO }]\npain_points: [a, b, c]\n---\n';
const messaging = (benefit: boolean) =>
  `---\nname: Story\nsegments: [core]\ncategory_narrative: Why.\ncapabilities:\n  - { capability: Alerts, so_what: Early, benefits: { ${benefit ? 'core: Sooner' : ''} } }\n  - { capability: Portal, so_what: Self-serve, benefits: { core: Fewer calls } }\npersonas:\n  - { persona: CTO, message: Sleep, proof_points: [deck] }\n---\n`;
const asset = (name: string, reviewed: string) => `---\nname: ${name}\ntype: case-study\nlast_reviewed: ${reviewed}\nmetrics: [{ metric: Uses, target: 1, value: 2 }]\n---\n`;

describe('abx diff on messaging and collateral', () => {
  it('says how coverage moved and which assets became or stopped being overdue', () => {
    const dir = tempDir();
    gitIn(dir, ['init', '-q', '-b', 'main']);
    write(dir, { 'abx.config.yaml': config(), 'segments/core.md': segment, 'messaging/story.md': messaging(false), 'collateral/deck.md': asset('Deck', '2026-11-20'), 'collateral/old.md': asset('Old', '2026-01-01') });
    const base = commit(dir, 'base', '2026-11-20');
    write(dir, { 'messaging/story.md': messaging(true), 'collateral/deck.md': asset('Deck', '2026-10-01'), 'collateral/old.md': asset('Old', '2026-11-23') });

    const md = runAbx(['diff', base, '--format', 'markdown'], { cwd: dir });
    expect(md.code).toBe(0);
    expect(md.stdout.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- Messaging coverage: benefits 50% (1 of 2) → 100% (2 of 2); personas 50% (1 of 2) → 50% (1 of 2).',
      '- Collateral overdue for review: 1 → 1 (now overdue deck; reviewed old).',
    ]);
    const json = JSON.parse(runAbx(['diff', base, '--format', 'json'], { cwd: dir }).stdout);
    expect(json.overdueCollateral).toEqual({ base: ['old'], head: ['deck'], added: ['deck'], resolved: ['old'], changed: true });
    expect(json.messagingCoverage.head.benefits).toEqual({ filled: 2, expected: 2, percent: 100 });

    // Nothing moved: no lines.
    commit(dir, 'head', '2026-11-21');
    const same = runAbx(['diff', 'HEAD', '--format', 'markdown'], { cwd: dir });
    expect(same.stdout).not.toContain('Messaging coverage');
    expect(same.stdout).not.toContain('Collateral overdue');
  });
});

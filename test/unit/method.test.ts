/** The pure parts of method.md §1, §2, §7: persona matching, metric targets, plan phases, discovery. */
import { describe, expect, it } from 'vitest';
import { meets, parseTarget } from '../../src/core/kinds/collateral.js';
import { messagingRules, type Messaging } from '../../src/core/kinds/messaging.js';
import { planPhases, planRules } from '../../src/core/kinds/plan.js';
import { dayNumber } from '../../src/core/dates.js';

describe('messaging rules', () => {
  const personas = (id: string) => ({ core: ['CTO', 'VP Sales'], edge: [] as string[] })[id];
  const base: Messaging = { name: 'M', segments: ['core'], category_narrative: 'Why', capabilities: [{ capability: 'A', so_what: 'So', benefits: { core: 'B' } }] };

  it('matches persona titles case-insensitively and names an unknown one with a suggestion', () => {
    const m: Messaging = { ...base, personas: [{ persona: ' cto ', proof_points: ['deck'] }, { persona: 'VP Sale', proof_points: ['deck'] }] };
    expect(messagingRules(m, { segmentPersonas: personas }).map((f) => [f.rule, f.path, f.message])).toEqual([
      ['persona-message-missing', ['segments'], 'the persona "VP Sales" of a served segment has no entry in personas: every buyer gets a message'],
      ['unknown-reference', ['personas', 1, 'persona'], 'personas[1].persona "VP Sale" is not a persona title of a served segment (did you mean "VP Sales"?); titles: CTO, VP Sales'],
    ]);
  });

  it('does not judge persona titles when a served segment could not be read', () => {
    const m: Messaging = { ...base, segments: ['core', 'gone'], capabilities: [], personas: [{ persona: 'Nobody', proof_points: ['x'] }] };
    expect(messagingRules(m, { segmentPersonas: personas }).map((f) => f.rule)).toEqual(['persona-message-missing', 'persona-message-missing']);
  });

  it('counts a blank benefit or so_what as missing', () => {
    const m: Messaging = { ...base, capabilities: [{ capability: 'A', so_what: '  ', benefits: { core: ' ' } }], personas: [] };
    expect(messagingRules(m, { segmentPersonas: () => [] }).map((f) => f.rule)).toEqual(['messaging-incomplete', 'capability-benefit-missing']);
  });
});

describe('collateral metric targets', () => {
  it('reads numbers as "at least" and comparisons as written', () => {
    expect(parseTarget(5)).toEqual({ op: '>=', value: 5 });
    expect(parseTarget('>= 0.4')).toEqual({ op: '>=', value: 0.4 });
    expect(parseTarget('<72')).toEqual({ op: '<', value: 72 });
    expect(parseTarget('≤ 3')).toEqual({ op: '<=', value: 3 });
    expect(parseTarget('about 5')).toBeUndefined();
    expect(meets(0.4, { op: '>=', value: 0.4 })).toBe(true);
    expect(meets(0.1 + 0.2, { op: '<=', value: 0.3 })).toBe(true);
    expect(meets(72, { op: '<', value: 72 })).toBe(false);
  });
});

describe('the 90-day plan', () => {
  const body = '\n## Days 1–30\n- [x] a\n* [ ] b\n```\n- [ ] fenced\n```\n### days 31 - 60: more\n+ [X] c\n\n## Days 61-90\n';
  it('reads phases from headings with any dash, tasks with any bullet, and skips code fences', () => {
    expect(planPhases(body, 10).map((p) => [p.heading, p.line, p.tasks.map((t) => `${t.done ? 'x' : ' '}${t.text}@${t.line}`)])).toEqual([
      ['Days 1–30', 11, ['xa@12', ' b@13']],
      ['days 31 - 60: more', 17, ['xc@18']],
      ['Days 61-90', 20, []],
    ]);
  });

  it('is overdue from the day after a phase ends', () => {
    const plan = { name: 'P', started: '2026-01-01' };
    const end = (dayNumber('2026-01-01') as number) + 30;
    expect(planRules(plan, body, 10, end)).toEqual([]);
    expect(planRules(plan, body, 10, end + 1).map((f) => [f.rule, f.line])).toEqual([['plan-phase-overdue', 11]]);
  });
});

describe('abx new messaging and collateral on a terminal', () => {
  const setting = { id: 'core-story', file: 'messaging/core-story.md', segments: [{ id: 'core', name: 'Core' }, { id: 'edge', name: 'Edge' }], journeyStages: [], out: { write: () => undefined } };
  const prompter = (answers: unknown[]) => {
    const asked: string[] = [];
    const next = (m: string) => {
      asked.push(m);
      return answers.shift();
    };
    return { asked, input: async (c: { message: string }) => String(next(c.message)), select: async <T,>(c: { message: string }) => next(c.message) as T, confirm: async (c: { message: string }) => Boolean(next(c.message)) };
  };

  it('messaging asks the name, which segments it serves and the narrative', async () => {
    const { messagingAnswers, messagingFile } = await import('../../src/core/kinds/messaging.js');
    const p = prompter(['Core story', true, false, 'Why it matters']);
    const answers = await messagingAnswers({}, setting, p);
    expect(p.asked).toEqual(['Messaging name (the product or offer)', 'Serves Core (core)?', 'Serves Edge (edge)?', 'Category narrative: why this matters to the world (optional)']);
    expect(messagingFile(answers)).toBe('---\nname: Core story\nsegments: [core]\ncategory_narrative: Why it matters\ncapabilities: []\npersonas: []\nkeywords: []\n---\n\n# Core story\n');
  });

  it('collateral asks the name, the type and the purpose; flags answer their questions', async () => {
    const { collateralAnswers } = await import('../../src/core/kinds/collateral.js');
    const p = prompter(['Deck', 'battle-card', '']);
    expect(await collateralAnswers({ owner: 'me@x.example' }, { ...setting, id: 'deck' }, p)).toEqual({ name: 'Deck', type: 'battle-card', purpose: undefined, owner: 'me@x.example', segment: undefined });
    expect(p.asked).toEqual(['Asset name', 'Type', 'Purpose: what the asset is for (optional)']);
    const q = prompter([]);
    expect(await collateralAnswers({ name: 'D', type: 'datasheet', purpose: 'P' }, setting, q)).toMatchObject({ name: 'D', type: 'datasheet', purpose: 'P' });
    expect(q.asked).toEqual([]);
  });
});

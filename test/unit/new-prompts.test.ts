import { describe, expect, it } from 'vitest';
import { accountAnswers, betAnswers, Cancelled, journeyAnswers, newFileText, parseKind, segmentAnswers, type NewSetting, type Prompter } from '../../src/cli/commands/new.js';
import { UsageError } from '../../src/cli/context.js';
import { accountFile } from '../../src/core/kinds/account-questions.js';

/** Answers by question, in order; records every question asked. */
function fakePrompter(answers: Record<string, unknown[]>): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = (message: string, kind: string) => {
    asked.push(`${kind}: ${message}`);
    const key = Object.keys(answers).find((k) => message.startsWith(k));
    if (key === undefined || (answers[key] ?? []).length === 0) throw new Error(`unexpected question: ${message}`);
    return (answers[key] as unknown[]).shift();
  };
  return {
    asked,
    input: async (c) => {
      const v = String(next(c.message, 'input'));
      const ok = c.validate ? c.validate(v) : true;
      if (ok !== true) throw new Error(`rejected "${v}": ${String(ok)}`);
      return v;
    },
    select: async <T,>(c: { message: string; choices: { value: T }[] }) => {
      const v = next(c.message, 'select') as T;
      if (!c.choices.some((ch) => ch.value === v)) throw new Error(`not a choice: ${String(v)}`);
      return v;
    },
    confirm: async (c) => Boolean(next(c.message, 'confirm')),
  };
}

function setting(): NewSetting & { printed: string[] } {
  const printed: string[] = [];
  return {
    id: 'acme-space',
    file: 'accounts/acme-space.md',
    segments: [{ id: 'defense-primes', name: 'Defense primes' }],
    journeyStages: ['identification', 'validation'],
    out: { write: (t: string) => void printed.push(t) },
    printed,
  };
}

describe('abx new account on a terminal', () => {
  it('asks for name, domain, segment and the four PURE scores with evidence, shows the tier, then confirms', async () => {
    const p = fakePrompter({
      'Account name': ['Acme Space Systems'],
      'Web domain': ['https://www.acmespace.com/'],
      Segment: ['defense-primes'],
      'Score the PURE': [true],
      'Painful (0-3)': [3],
      'Evidence for painful': ['Launch slips cost $2M a month'],
      'Urgent (0-3)': [2],
      'Evidence for urgent': ['RFP closes in Q3'],
      'Recognized (0-3)': [3],
      'Evidence for recognized': ['CTO asked publicly'],
      'Expensive (0-3)': [0],
      'Write accounts/acme-space.md?': [true],
    });
    const s = setting();
    const answers = await accountAnswers({}, s, p);
    expect(answers).toEqual({
      name: 'Acme Space Systems',
      domain: 'acmespace.com',
      segment: 'defense-primes',
      owner: undefined,
      motion: undefined,
      pure: {
        painful: { score: 3, evidence: 'Launch slips cost $2M a month' },
        urgent: { score: 2, evidence: 'RFP closes in Q3' },
        recognized: { score: 3, evidence: 'CTO asked publicly' },
        expensive: { score: 0, evidence: '' },
      },
    });
    expect(s.printed.join('')).toBe('\nPURE 8/12 → tier 2 (Burning Platform): Proactive outreach, personalized content\n');
    expect(p.asked).not.toContain('input: Evidence for expensive (what did you see or hear?)');
    expect(accountFile(answers)).toBe(
      [
        '---',
        'name: Acme Space Systems',
        'domain: acmespace.com',
        'segment: defense-primes',
        'pure:',
        '  painful: { score: 3, evidence: Launch slips cost $2M a month }',
        '  urgent: { score: 2, evidence: RFP closes in Q3 }',
        '  recognized: { score: 3, evidence: CTO asked publicly }',
        '  expensive: { score: 0 }',
        '---',
        '',
        '# Acme Space Systems',
        '',
      ].join('\n'),
    );
  });

  it('asks only for what the flags leave open, and can leave the account unscored', async () => {
    const p = fakePrompter({ 'Web domain': [''], 'Score the PURE': [false], 'Write ': [true] });
    const answers = await accountAnswers({ name: 'Acme', segment: 'defense-primes' }, setting(), p);
    expect(answers).toMatchObject({ name: 'Acme', segment: 'defense-primes', pure: undefined, domain: undefined });
    expect(p.asked).toEqual(['input: Web domain (optional; matches CRM imports)', 'confirm: Score the PURE criteria now (you need evidence for each score above 0)?', 'confirm: Write accounts/acme-space.md?']);
  });

  it('does not accept a score above 0 without evidence', async () => {
    const p = fakePrompter({ 'Account name': ['A'], 'Web domain': [''], Segment: [''], 'Score the PURE': [true], 'Painful (0-3)': [2], 'Evidence for painful': ['  '] });
    await expect(accountAnswers({}, setting(), p)).rejects.toThrow('rejected "  ": evidence is required for a score above 0');
  });

  it('writes nothing when the author declines at the end', async () => {
    const p = fakePrompter({ 'Web domain': [''], 'Score the PURE': [false], 'Write ': [false] });
    await expect(accountAnswers({ name: 'A', segment: 'defense-primes' }, setting(), p)).rejects.toBeInstanceOf(Cancelled);
  });
});

describe('abx new bet, segment and journey on a terminal', () => {
  it('asks for the five bet components', async () => {
    const p = fakePrompter({
      'Bet name': ['LinkedIn pilot'],
      Category: ['channel'],
      Hypothesis: ['We believe'],
      Test: ['Run ads'],
      'Success criteria': ['10 meetings'],
      'Kill condition': ['No meetings by March'],
      'Learning output': ['Whether LinkedIn works'],
    });
    const text = await newFileText('bet', {}, { ...setting(), id: 'linkedin-pilot', file: 'bets/linkedin-pilot.md' }, p);
    expect(text).toBe(
      '---\nname: LinkedIn pilot\ncategory: channel\nstatus: proposed\nhypothesis: We believe\ntest: Run ads\nsuccess_criteria: 10 meetings\nkill_condition: No meetings by March\nlearning_output: Whether LinkedIn works\n---\n\n# LinkedIn pilot\n',
    );
  });
  it('asks for a segment matrix in short', async () => {
    const p = fakePrompter({ 'Segment name': ['Regional 3PL'], 'Ideal customer': ['Mid-size 3PLs'], 'The first': ['No tracking'], 'The second': ['Churn'], 'The third': [''], 'Key message': [''] });
    expect(await segmentAnswers({}, setting(), p)).toEqual({ name: 'Regional 3PL', icp: 'Mid-size 3PLs', pain_points: ['No tracking', 'Churn'] });
  });
  it('writes every configured journey stage', async () => {
    const p = fakePrompter({ 'Journey name': ['COO journey'], Segment: ['defense-primes'], Persona: ['COO'] });
    const text = await newFileText('journey', {}, setting(), p);
    expect(text).toContain('segment: defense-primes\npersona: COO\nstages:\n  identification:\n    customer_activities: []\n');
    expect(text).toContain('  validation:\n    customer_activities: []\n    internal_activities: []\n    stakeholders: []\n    deliverables: []\n---');
    expect(await journeyAnswers({ name: 'J' }, setting())).toEqual({ name: 'J', segment: undefined, persona: undefined, stages: ['identification', 'validation'] });
  });
});

describe('abx new without a terminal', () => {
  const usage = async (f: () => Promise<unknown>) => {
    try {
      await f();
    } catch (err) {
      expect(err).toBeInstanceOf(UsageError);
      return (err as Error).message;
    }
    throw new Error('no error');
  };
  it('names every missing flag', async () => {
    expect(await usage(() => accountAnswers({}, setting()))).toBe('abx new account is not on a terminal, so it cannot ask: give --name (see abx new --help)');
    expect(await usage(() => accountAnswers({ name: 'A', painful: '2', urgent: '0' }, setting()))).toBe(
      'abx new account is not on a terminal, so it cannot ask: give --painful-evidence, --recognized, --expensive (see abx new --help)',
    );
    expect(await usage(() => betAnswers({ name: 'B', hypothesis: 'h' }, setting()))).toBe(
      'abx new bet is not on a terminal, so it cannot ask: give --test, --success-criteria, --kill-condition, --learning-output (see abx new --help)',
    );
  });
  it('checks scores, motions and segments', async () => {
    expect(await usage(() => accountAnswers({ name: 'A', painful: '4' }, setting()))).toBe('--painful must be 0, 1, 2 or 3, not "4"');
    expect(await usage(() => accountAnswers({ name: 'A', motion: 'engag' }, setting()))).toBe('--motion must be one of detect, decode, engage, accelerate, expand, not "engag" (did you mean "engage"?)');
    expect(await usage(() => accountAnswers({ name: 'A', segment: 'defence-primes' }, setting()))).toBe('no segment "defence-primes" (did you mean "defense-primes"?); segments: defense-primes');
    expect(await usage(async () => parseKind('acount'))).toBe('cannot create a "acount": use one of segment, account, bet, journey, messaging, collateral, investment (did you mean "account"?)');
  });
  it('takes everything from flags', async () => {
    const a = await accountAnswers({ name: 'A', domain: 'A.com', painful: '1', painfulEvidence: 'e', urgent: '0', recognized: '0', expensive: '0' }, setting());
    expect(a.pure?.painful).toEqual({ score: 1, evidence: 'e' });
    expect(a.domain).toBe('a.com');
    expect(parseKind('accounts')).toBe('account');
  });
});

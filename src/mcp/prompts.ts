/**
 * One prompt per use the method names. Each tells the assistant what to read, which tools to
 * call and in what order, and the two rules that keep a strategy repo honest: evidence is
 * quoted from a source the user gave or a workspace file, never invented; and nothing is
 * written except through `create` and `update`, which validate first.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { KIND_DEFS } from '../core/kinds/index.js';

const RULES = [
  'Rules for this work:',
  '- Quote evidence word for word from what the user gave you or from a workspace file, and say where it came from. Never invent a fact, a number, a name or a quote; where there is none, say so and leave the field out or score it 0.',
  '- Read the method first: resources abx://method/format.md, abx://method/rules.md and abx://method/scoring.md, and the kind\'s template (abx://templates/…) and JSON Schema (abx://schema/<kind>).',
  '- Write files only with the create and update tools: they validate before writing. When one is refused, read the problems it returns, fix what they name, and try again; do not work around a rule.',
  '- After writing, run validate and show the user the problems that remain.',
].join('\n');

/** Kinds that exist in this build, for prompts that use one when it is there (messaging, collateral come with the method's second part). */
const hasKind = (singular: string) => (KIND_DEFS as readonly { singular: string }[]).some((k) => k.singular === singular);

interface PromptDef {
  name: string;
  title: string;
  description: string;
  args: Record<string, string>;
  text: (a: Record<string, string>) => string;
}

const PROMPTS: PromptDef[] = [
  {
    name: 'score-account-pure',
    title: 'Score an account with PURE',
    description: 'Apply the PURE framework (painful, urgent, recognized, expensive) to a company, and create or update its account file',
    args: { company: 'the company', context: 'what you know about it: notes, links, call transcripts' },
    text: (a) =>
      [
        `Apply the PURE framework to ${a.company}, based on this context:\n\n${a.context}\n`,
        '1. Read abx://method/scoring.md (PURE and fit) and abx://templates/accounts/example-account.md.',
        '2. Read the segment files (resources abx://workspace/segments/…) and call score to see how existing accounts are scored; pick the segment that fits, and say why.',
        '3. For each of painful, urgent, recognized and expensive give a score 0-3 and the sentence from the context that supports it, as its evidence.',
        `4. If the account exists (score with its id), change the scores with update; otherwise call create with kind "account".`,
        '5. Call score with its id and explain: true, and walk the user through the tier and each contribution.',
      ].join('\n'),
  },
  {
    name: 'capability-translation-matrix',
    title: 'Capability-to-benefit translation matrix',
    description: 'Translate a product\'s capabilities into "so what" and a benefit per segment',
    args: { product: 'the product or offer' },
    text: (a) =>
      [
        `Create a capability-to-benefit translation matrix for ${a.product}.`,
        '1. Read the segments (resources abx://workspace/segments/…): their pains, personas and triggers are the only buyer facts to use.',
        '2. For each capability: what it does, so what (why the buyer should care), and the benefit for each segment, in that segment\'s words.',
        hasKind('messaging')
          ? '3. Write it as a messaging file with create (kind "messaging"; see abx://schema/messaging), then call report with name "messaging" and show the coverage gaps.'
          : '3. Give the matrix to the user as a table (this workspace has no messaging files); propose one bet with create (kind "bet", category "messaging") to test the strongest message.',
      ].join('\n'),
  },
  {
    name: 'testable-bets',
    title: 'Five testable messaging bets for a segment',
    description: 'Propose five bets, each with a hypothesis, a test, success criteria and a kill condition',
    args: { segment: 'the segment id' },
    text: (a) =>
      [
        `Propose 5 testable messaging bets for the segment ${a.segment}.`,
        `1. Read abx://workspace/segments/${a.segment}.md and the existing bets (report with name "bets") so you do not repeat one.`,
        '2. Each bet: a hypothesis that can be wrong, a test that can be run in weeks, success criteria with a number, a kill condition, and what the team learns either way.',
        '3. Show the five to the user; create each one they accept with create (kind "bet", status "proposed", category "messaging").',
      ].join('\n'),
  },
  {
    name: 'journey-map',
    title: 'Customer journey map for a persona',
    description: 'Map the stages a persona goes through, with touchpoints and content per stage',
    args: { persona: 'the persona (a title from a segment file)', segment: 'the segment id' },
    text: (a) =>
      [
        `Build a customer journey map for the persona "${a.persona}" in the segment ${a.segment}.`,
        '1. Read abx://workspace/abx.config.yaml (the journey stages), the segment file, and abx://templates/journeys/example-journey.md.',
        '2. For every stage: what the persona is trying to do, the questions they ask, the touchpoints and content that answer them. Use the segment\'s own pains and triggers.',
        '3. Create it with create (kind "journey"); every stage of the config must be there.',
      ].join('\n'),
  },
  {
    name: 'battle-card',
    title: 'Battle card against a competitor',
    description: 'Where you win, where you lose, the traps to set and the objections to answer',
    args: { competitor: 'the competitor' },
    text: (a) =>
      [
        `Draft a battle card against ${a.competitor}.`,
        `1. Find what the workspace already says about ${a.competitor}: list the resources and read the accounts and bets that name it (abx://workspace/…).`,
        '2. The card: why we win, why we lose, landmines to set, objections and answers, proof. Every claim quotes its source; a claim without one is marked "to verify".',
        hasKind('collateral')
          ? '3. Create it with create (kind "collateral", type "battle-card"), with an owner, a review cadence and at least one metric.'
          : '3. Give the card to the user as markdown (this workspace has no collateral files).',
      ].join('\n'),
  },
  {
    name: 'bet-board',
    title: 'Bet board for a launch',
    description: 'Design the set of bets that will show whether a launch works',
    args: { product: 'what is being launched' },
    text: (a) =>
      [
        `Design a bet board for launching ${a.product}.`,
        '1. Call report with name "bets" (the board today) and name "tiers" (where the accounts are), and read the segments.',
        '2. Propose bets across categories (messaging, channel, abm-motion, product-launch), each with a hypothesis, test, success criteria, kill condition and learning output, and say which segment each is for.',
        '3. Create the ones the user accepts with create (kind "bet"); then call report with name "bets" and show the board.',
      ].join('\n'),
  },
];

export function registerPrompts(server: McpServer): void {
  for (const p of PROMPTS) {
    const argsSchema = Object.fromEntries(Object.entries(p.args).map(([k, d]) => [k, z.string().describe(d)]));
    server.registerPrompt(p.name, { title: p.title, description: p.description, argsSchema }, (args: Record<string, string>) => ({
      description: p.description,
      messages: [{ role: 'user' as const, content: { type: 'text' as const, text: `${p.text(args)}\n\n${RULES}` } }],
    }));
  }
}

/** `abx show` in the terminal: the account's card, section by section. */
import { terminalText as printable } from '../escape/terminal.js';
import type { Renderer, ShowView } from '../views.js';
import { age, factsLine, fitLine, memberLine, mqaLine, pureLine } from './card.js';

export const render: Renderer<ShowView> = ({ card, chalk }) => {
  const t = (s: string, max = 200) => printable(s, max);
  const out: string[] = [];
  const heading = (s: string) => out.push('', chalk.bold(s));
  out.push(`${chalk.bold(t(card.name, 80))} (${card.id}) · ${card.file}`);
  out.push(t(factsLine(card), 300));
  out.push('', `PURE  ${pureLine(card)}`, `Fit   ${fitLine(card)}`, `MQA   ${mqaLine(card)}`);

  heading('Buying committee');
  if (card.committee.length === 0) out.push('  nobody yet: add buying_committee members');
  for (const m of card.committee) out.push(`  ${m.engaged ? chalk.green('●') : chalk.dim('○')} ${t(memberLine(m))}`);

  heading('Open signals');
  if (card.openSignals.length === 0) out.push('  none: every signal has had a first touch');
  for (const s of card.openSignals) out.push(`  ${s.date}  ${age(s.ageDays)} open  ${s.type}: ${t(s.summary)}`);

  heading('Next actions');
  if (card.nextActions.length === 0) out.push('  none: add next_actions to the account');
  for (const a of card.nextActions) out.push(`  - ${t(a)}`);

  heading('Last changes');
  if (card.changes === null) out.push('  not in a git repository');
  else if (card.changes.length === 0) out.push('  not committed yet');
  for (const c of card.changes ?? []) out.push(`  ${c.commit}  ${c.date}  ${t(c.author, 40)}  ${t(c.subject, 100)}`);
  return `${out.join('\n')}\n`;
};

/** `abx show --format markdown`: the card for meeting notes or a pull request comment. */
import { markdownCode, markdownText } from '../escape/markdown.js';
import type { Renderer, ShowView } from '../views.js';
import { age, factsLine, fitLine, memberLine, mqaLine, pureLine } from './card.js';

const md = (s: string) => markdownText(s, 300);
/** The score lines are abx's own words and numbers (no user text, no pipes): shown as they are. */
const cell = (s: string) => s;

export const render: Renderer<ShowView> = ({ card }) => {
  const out: string[] = [`## ${md(card.name)} (${markdownCode(card.id)})`, '', md(factsLine(card)), ''];
  out.push('| | |', '|---|---|', `| PURE | ${cell(pureLine(card))} |`, `| Fit | ${cell(fitLine(card))} |`, `| MQA | ${cell(mqaLine(card))} |`, '');
  out.push('### Buying committee', '');
  if (card.committee.length === 0) out.push('Nobody yet.');
  for (const m of card.committee) out.push(`- ${m.engaged ? '**engaged**' : 'not engaged'}: ${md(memberLine(m))}`);
  out.push('', '### Open signals', '');
  if (card.openSignals.length === 0) out.push('None.');
  for (const s of card.openSignals) out.push(`- ${s.date}, ${age(s.ageDays)} open, ${s.type}: ${md(s.summary)}`);
  out.push('', '### Next actions', '');
  if (card.nextActions.length === 0) out.push('None.');
  for (const a of card.nextActions) out.push(`- ${md(a)}`);
  if (card.changes && card.changes.length > 0) {
    out.push('', '### Last changes', '');
    for (const c of card.changes) out.push(`- ${markdownCode(c.commit)} ${c.date} ${md(c.author)}: ${md(c.subject)}`);
  }
  return `${out.join('\n')}\n`;
};

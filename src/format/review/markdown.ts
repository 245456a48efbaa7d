/** `abx review` (default): the agenda as markdown for meeting notes or an issue, with a checkbox per item. */
import { markdownText } from '../escape/markdown.js';
import type { AgendaView, Renderer } from '../views.js';

/** User text on one line, with no markdown, HTML, link or mention of its own. */
const md = (value: string): string => markdownText(value, 300);

export const render: Renderer<AgendaView> = ({ agenda }) => {
  const out = [`# ${agenda.cadence[0]?.toUpperCase()}${agenda.cadence.slice(1)} review · ${agenda.asOf}`, '', `Looking back to ${agenda.since}.`];
  for (const s of agenda.sections) {
    out.push('', `## ${md(s.title)}`, '');
    if (s.items.length === 0) out.push(md(s.note ?? ''));
    else out.push(...s.items.map((i) => `- [ ] ${md(i)}`));
  }
  return `${out.join('\n')}\n`;
};

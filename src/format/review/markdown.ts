/** `abx review` (default): the agenda as markdown for meeting notes or an issue, with a checkbox per item. */
import { cell } from '../../core/blocks.js';
import { printable } from '../../core/frontmatter.js';
import type { AgendaView, Renderer } from '../views.js';

/** User text on one line, with no markdown or HTML of its own. */
function md(value: string): string {
  return cell(printable(value, 300)).replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([*_`[\]#])/g, '\\$1');
}

export const render: Renderer<AgendaView> = ({ agenda }) => {
  const out = [`# ${agenda.cadence[0]?.toUpperCase()}${agenda.cadence.slice(1)} review · ${agenda.asOf}`, '', `Looking back to ${agenda.since}.`];
  for (const s of agenda.sections) {
    out.push('', `## ${md(s.title)}`, '');
    if (s.items.length === 0) out.push(md(s.note ?? ''));
    else out.push(...s.items.map((i) => `- [ ] ${md(i)}`));
  }
  return `${out.join('\n')}\n`;
};

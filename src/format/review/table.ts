/** `abx review --format table`: the agenda in the terminal, one heading per section. */
import { terminalText } from '../escape/terminal.js';
import type { AgendaView, Renderer } from '../views.js';

export const render: Renderer<AgendaView> = ({ agenda, chalk }) => {
  const out = [chalk.bold(`${agenda.cadence[0]?.toUpperCase()}${agenda.cadence.slice(1)} review · as of ${agenda.asOf} (since ${agenda.since})`)];
  for (const s of agenda.sections) {
    out.push('', chalk.bold.underline(terminalText(s.title, 200)));
    if (s.items.length === 0) out.push(chalk.dim(terminalText(s.note ?? '', 300)));
    else out.push(...s.items.map((i) => `  • ${terminalText(i, 300)}`));
  }
  return `${out.join('\n')}\n`;
};

/** `abx list --format markdown`: the list as a table for a meeting's notes or a pull request. */
import { cell } from '../../core/blocks.js';
import type { ListView, Renderer } from '../views.js';
import { fitTierText, NO_OWNER, NO_SEGMENT, pureTierText } from './rows.js';

export const render: Renderer<ListView> = ({ rows }) => {
  const lines = ['| Account | Segment | Owner | PURE tier | Fit tier | MQA | Next action |', '|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(
      `| ${cell(r.name)} (\`${r.id}\`) | ${cell(r.segment ?? `*${NO_SEGMENT}*`)} | ${cell(r.owner ?? `*${NO_OWNER}*`)} | ${pureTierText(r)} | ${fitTierText(r)} | ${r.mqa ? 'yes' : 'no'} | ${r.nextAction === null ? '—' : cell(r.nextAction)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
};

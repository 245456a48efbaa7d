/** `abx list --format markdown`: the list as a table for a meeting's notes or a pull request. */
import { markdownCode, markdownText } from '../escape/markdown.js';
import type { ListView, Renderer } from '../views.js';
import { fitTierText, NO_OWNER, NO_SEGMENT, pureTierText } from './rows.js';

export const render: Renderer<ListView> = ({ rows }) => {
  const lines = ['| Account | Segment | Owner | PURE tier | Fit tier | MQA | Next action |', '|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(
      `| ${markdownText(r.name, 80)} (${markdownCode(r.id, { table: true })}) | ${r.segment === null ? `*${NO_SEGMENT}*` : markdownText(r.segment, 60)} | ${r.owner === null ? `*${NO_OWNER}*` : markdownCode(r.owner, { table: true, max: 80 })} | ${pureTierText(r)} | ${fitTierText(r)} | ${r.mqa ? 'yes' : 'no'} | ${r.nextAction === null ? '—' : markdownText(r.nextAction, 200)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
};

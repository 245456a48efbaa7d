/** `abx show --format json`: the card, its score in the shape of `score --format json`. */
import { accountJson } from '../score/rows.js';
import type { Renderer, ShowView } from '../views.js';

export const render: Renderer<ShowView> = ({ card }) => {
  const { score, ...rest } = card;
  return `${JSON.stringify({ ...rest, score: accountJson(score) }, null, 2)}\n`;
};

/** `abx score --format json`: the shape of cli.md, `--explain` adding each account's explanation. */
import type { Renderer, ScoreView } from '../views.js';
import { accountJson } from './rows.js';

/**
 * `{ asOf, accounts }` as `JSON.stringify(…, null, 2)` would print it, in pieces: a workspace of
 * 50,000 accounts is written without building one 40 MB string and every object at once.
 */
export function* scoreJsonChunks(asOf: string, accounts: Iterable<unknown>, batch = 500): Generator<string> {
  let out = `{\n  "asOf": ${JSON.stringify(asOf)},\n  "accounts": [`;
  let count = 0;
  for (const account of accounts) {
    out += `${count === 0 ? '' : ','}\n    ${JSON.stringify(account, null, 2).replace(/\n/g, '\n    ')}`;
    count++;
    if (count % batch === 0) {
      yield out;
      out = '';
    }
  }
  yield `${out}${count === 0 ? ']' : '\n  ]'}\n}\n`;
}

export const render: Renderer<ScoreView> = (v) =>
  scoreJsonChunks(
    v.asOf,
    (function* () {
      for (const s of v.scores) yield v.explain ? { ...accountJson(s), explain: v.explain(s) } : accountJson(s);
    })(),
  );

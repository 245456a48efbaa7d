/**
 * Colour for the terminal. Most runs have none (CI, pipes, NO_COLOR): they get a stand-in that
 * returns text as it is, and chalk is loaded only when there is a terminal to colour.
 */
import type { ChalkInstance } from 'chalk';

const identity = (...text: unknown[]) => text.join(' ');

/**
 * Every style is itself again (`plain.red.bold('x')` is `'x'`), and its level is 0. It has no
 * `then`, or `await` would take it for a promise.
 */
export const plainChalk: ChalkInstance = new Proxy(identity, {
  get: (_target, property) => (property === 'level' ? 0 : property === 'then' || typeof property === 'symbol' ? undefined : plainChalk),
  apply: (_target, _this, args: unknown[]) => identity(...args),
}) as unknown as ChalkInstance;

export async function colourFor(enabled: boolean): Promise<ChalkInstance> {
  if (!enabled) return plainChalk;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}

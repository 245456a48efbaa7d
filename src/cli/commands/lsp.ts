/** `abx lsp`: a language server for editors over stdin/stdout (src/lsp/), until the client exits. */
import { resolve } from 'node:path';
import { EXIT_OK, localToday, type Context } from '../context.js';
import { abxVersion } from '../version.js';

export async function run(ctx: Context): Promise<number> {
  // Someone who starts it by hand sees what it is; stdout belongs to the protocol.
  if (process.stdin.isTTY) ctx.stderr.write('abx lsp: a language server for editors, on stdin/stdout; see docs/editors.md to set one up. Ctrl-C ends it.\n');
  const { serve } = await import('../../lsp/server.js');
  // -C names the workspace; without it the client's folders do (an editor starts servers in all sorts of places).
  const named = resolve(ctx.cwd) === resolve(process.cwd()) ? undefined : ctx.cwd;
  await serve({ cwd: ctx.cwd, named, asOf: ctx.asOf, today: localToday, version: abxVersion() });
  return EXIT_OK;
}

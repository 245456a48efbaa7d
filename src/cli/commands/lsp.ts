/** `abx lsp`: a language server for editors over stdin/stdout (src/lsp/), until the client exits. */
import { EXIT_OK, type Context } from '../context.js';
import { abxVersion } from '../version.js';

export async function run(ctx: Context): Promise<number> {
  // Someone who starts it by hand sees what it is; stdout belongs to the protocol.
  if (process.stdin.isTTY) ctx.stderr.write('abx lsp: a language server for editors, on stdin/stdout; see docs/editors.md to set one up. Ctrl-C ends it.\n');
  const { serve } = await import('../../lsp/server.js');
  await serve({ cwd: ctx.cwd, asOf: ctx.asOf, today: ctx.today, version: abxVersion() });
  return EXIT_OK;
}

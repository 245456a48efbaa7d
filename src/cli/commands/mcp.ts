/** `abx mcp`: serves the workspace to AI assistants (src/mcp/), until the client hangs up. */
import { terminalText } from '../../format/escape/terminal.js';
import { requireRoot } from '../../workspace/load.js';
import { EXIT_OK, type Context } from '../context.js';
import { abxVersion } from '../version.js';

export async function run(ctx: Context, _args: string[], options: Record<string, unknown>): Promise<number> {
  const root = requireRoot(ctx.cwd);
  const readOnly = options.readOnly === true;
  // Someone who starts it by hand sees what it is; stdout belongs to the protocol.
  if (process.stdin.isTTY) ctx.stderr.write(`abx mcp: serving ${terminalText(root)}${readOnly ? ' (read-only)' : ''} to an MCP client on stdin/stdout; see docs/mcp.md to add it to one. Ctrl-D ends it.\n`);
  const { serve } = await import('../../mcp/server.js');
  await serve({ root, asOf: ctx.asOf, env: ctx.env, readOnly }, abxVersion());
  return EXIT_OK;
}

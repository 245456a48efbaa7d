/**
 * `abx mcp`: the workspace served to an AI assistant over the Model Context Protocol, on stdin
 * and stdout. Standard output carries only protocol messages; the server ends when the client
 * closes its end, once every request it sent has been answered.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { registerPrompts } from './prompts.js';
import { registerResources } from './resources.js';
import type { ServerSetting } from './run.js';
import { registerTools } from './tools.js';

const INSTRUCTIONS =
  'abx keeps an Account-Based Everything strategy as markdown files with YAML frontmatter. Read the method (abx://method/…) before writing; ' +
  'score and report with the tools rather than by hand; write only with create and update, which validate first; quote evidence, never invent it.';

export async function serve(setting: ServerSetting, version: string): Promise<void> {
  const server = new McpServer({ name: 'abx', version }, { instructions: setting.readOnly ? `${INSTRUCTIONS} This server is read-only: create and update are refused.` : INSTRUCTIONS });
  registerTools(server, setting);
  registerResources(server, setting);
  registerPrompts(server);

  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve;
  });
  const transport = new StdioServerTransport();
  await server.connect(transport);

  // The transport does not watch for the end of input. A client that writes its requests and
  // closes stdin (a pipe, a script) still gets every answer: requests are counted in and out.
  const open = new Set<string | number>();
  let ended = false;
  const closeWhenAnswered = () => {
    if (ended && open.size === 0) void server.close();
  };
  const receive = transport.onmessage;
  transport.onmessage = (message: JSONRPCMessage) => {
    if ('method' in message && 'id' in message) open.add(message.id);
    receive?.(message);
  };
  const send = transport.send.bind(transport);
  transport.send = async (message: JSONRPCMessage) => {
    await send(message);
    if (!('method' in message) && 'id' in message && message.id !== undefined) {
      open.delete(message.id);
      closeWhenAnswered();
    }
  };
  const end = () => {
    ended = true;
    closeWhenAnswered();
  };
  process.stdin.once('end', end);
  process.stdin.once('close', end);
  await closed;
}

import { UsageError, type Context } from '../context.js';

export async function run(_ctx: Context, _args: string[], _options: Record<string, unknown>): Promise<number> {
  throw new UsageError('abx export is not available yet');
}

import { allJsonSchemas, kindJsonSchema, schemaKindOf, SCHEMA_KINDS } from '../../core/json-schema.js';
import { didYouMean } from '../../core/suggest.js';
import { EXIT_OK, UsageError, type Context } from '../context.js';

export async function run(ctx: Context, args: string[]): Promise<number> {
  const name = args[0];
  let doc: object;
  if (name === undefined) {
    doc = allJsonSchemas();
  } else {
    const kind = schemaKindOf(name);
    if (!kind) throw new UsageError(`no kind "${name}": use one of ${SCHEMA_KINDS.join(', ')}${didYouMean(name, SCHEMA_KINDS)}`);
    doc = kindJsonSchema(kind);
  }
  ctx.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  return EXIT_OK;
}

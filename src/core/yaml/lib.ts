/**
 * The `yaml` package, loaded on first use. Plain files never need it (js-yaml reads them and
 * positions are read off the lines), so `abx validate` on a clean workspace does not pay for
 * loading it at start-up.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

export function yamlLib(): typeof Yaml {
  lib ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return lib;
}

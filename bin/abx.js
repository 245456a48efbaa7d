#!/usr/bin/env node
import module from 'node:module';

// V8's compile cache (Node 22.1 and later): a later start reuses the compiled code of abx's
// bundle instead of compiling it again. Node 20 has no such cache and starts as before;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
try {
  module.enableCompileCache?.();
} catch {
  // A cache folder that cannot be made only costs the speed-up.
}

// `abx --version` answers without loading the command-line parser and the rest of the program.
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  const { abxVersion } = await import('../dist/cli/version.js');
  process.stdout.write(`${abxVersion()}\n`);
} else {
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(argv);
}

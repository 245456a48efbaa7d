#!/usr/bin/env node
// `abx --version` answers without loading the command-line parser and the rest of the program.
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  const { abxVersion } = await import('../dist/cli/version.js');
  process.stdout.write(`${abxVersion()}\n`);
} else {
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(argv);
}

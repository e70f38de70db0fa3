#!/usr/bin/env node
// The knack CLI: a thin shell over the public API (STYLE.md rule 24).
import { createRequire } from 'node:module';
import { cac } from 'cac';
import { registerCommands } from './commands/index.js';
import { fail, log } from './output.js';

function packageVersion(): string {
  const require = createRequire(import.meta.url);
  // Run from source the manifest is two folders up; built (dist/src/cli) it is three.
  for (const path of ['../../package.json', '../../../package.json']) {
    try {
      return (require(path) as { version: string }).version;
    } catch {
      // not at this depth; try the next
    }
  }
  return 'unknown';
}

const cli = cac('knack');
registerCommands(cli);
cli.help();
cli.version(packageVersion());

try {
  cli.parse(process.argv, { run: false });
  if (!cli.matchedCommand && cli.args.length > 0) {
    log(`Unknown command \`${cli.args.join(' ')}\`. Run \`knack --help\` for the list.`);
    process.exitCode = 2;
  } else if (!cli.matchedCommand && !cli.options['help'] && !cli.options['version']) {
    cli.outputHelp();
  } else {
    await cli.runMatchedCommand();
  }
} catch (error) {
  if (error instanceof Error && error.name === 'CACError') {
    log(`${error.message}. Run \`knack --help\`.`);
    process.exitCode = 2;
  } else {
    fail(error);
  }
}

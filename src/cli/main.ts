#!/usr/bin/env node
// The knack CLI: a thin shell over the public API (STYLE.md rule 24).
import { cac } from 'cac';
import { registerCommands } from './commands/index.js';
import { fail, log } from './output.js';
import { packageVersion } from '../package-version.js';

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

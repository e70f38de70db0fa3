// Runs the knack CLI in a child process, as a user would, without colour: from source (runCli)
// or a built main.js (runBuiltCli).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** Node arguments that start `knack` from source: `[process.execPath, ...KNACK_FROM_SOURCE, 'serve', ...]`. */
export const KNACK_FROM_SOURCE: readonly string[] = ['--no-node-snapshot', '--import', 'tsx', main];

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function spawnCli(
  nodeArgs: readonly string[],
  args: readonly string[],
  env: Record<string, string>,
): CliResult {
  const result = spawnSync(process.execPath, ['--no-node-snapshot', ...nodeArgs, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `knack ...args` from source; `env` is added to the current environment (NO_COLOR is set). */
export function runCli(args: readonly string[], env: Record<string, string> = {}): CliResult {
  return spawnCli(['--import', 'tsx', main], args, env);
}

/** Runs `knack ...args` from a built `main.js` with plain Node, as an installed `knack` runs. */
export function runBuiltCli(
  builtMain: string,
  args: readonly string[],
  env: Record<string, string> = {},
): CliResult {
  return spawnCli([builtMain], args, env);
}

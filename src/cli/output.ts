import pc from 'picocolors';
import { KnackError } from '../../core/index.js';

/** Colours only on a TTY and never under NO_COLOR (picocolors also honours FORCE_COLOR). */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && pc.isColorSupported;
}

/** picocolors bound to whether stdout gets colour. */
export function colors(stream: NodeJS.WriteStream = process.stdout): ReturnType<typeof pc.createColors> {
  return pc.createColors(useColor(stream));
}

/** Machine output: one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Human output on stdout. */
export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Progress and logs go to stderr so `--json` stdout stays clean. */
export function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Reports a failure with its code and sets exit code 1 (2 for usage errors). */
export function fail(error: unknown): void {
  const c = colors(process.stderr);
  if (KnackError.isInstance(error)) {
    log(`${c.red(`error ${error.code}`)}: ${error.message}`);
    process.exitCode = error.code === 'INVALID_ARGUMENT' ? 2 : 1;
    return;
  }
  log(`${c.red('error')}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}

/** A usage error: exit 2. */
export function usageError(message: string): never {
  throw new KnackError('INVALID_ARGUMENT', message);
}

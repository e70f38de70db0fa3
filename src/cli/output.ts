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

// C0 and C1 control characters and DEL, the raw material of terminal escapes (erase a line,
// move the cursor, set the title). SGR colour sequences of our own picocolors are matched whole.
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const controlPattern = /\x1b\[[0-9;]*m|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
// eslint-disable-next-line no-control-regex -- as above, with newline and tab.
const controlAndLinePattern = /\x1b\[[0-9;]*m|[\x00-\x1f\x7f-\x9f]/g;

/** Options of `escapeControl`. */
export interface EscapeControlOptions {
  /** Keep `\n` (multi-line text of our own); skill text on one line passes false. @default true */
  keepNewlines?: boolean;
  /** Keep SGR colour sequences (`\x1b[31m`): only where colour is on. @default false */
  keepColors?: boolean;
}

/**
 * Text made inert for a terminal: every control character (tabs and, by default, newlines
 * kept) is written as a visible escape (`\x1b` -> `\u001b`), so text a skill returned, logged
 * or threw cannot erase, move or fake lines of the CLI's output.
 */
export function escapeControl(text: string, options: EscapeControlOptions = {}): string {
  const { keepNewlines = true, keepColors = false } = options;
  return text.replace(keepNewlines ? controlPattern : controlAndLinePattern, (match) => {
    if (match.length > 1) return keepColors ? match : match.replace('\x1b', '\\u001b');
    if (match === '\t' || (match === '\n' && keepNewlines)) return match;
    return `\\u${match.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Machine output: one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Human output on stdout. */
export function print(text: string): void {
  process.stdout.write(`${escapeControl(text, { keepColors: useColor(process.stdout) })}\n`);
}

/** Progress and logs go to stderr so `--json` stdout stays clean. */
export function log(text: string): void {
  process.stderr.write(`${escapeControl(text, { keepColors: useColor(process.stderr) })}\n`);
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

/** Rows of cells as columns padded to their widest cell, under the header and a rule. */
export function alignedTable(header: string[], body: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...body.map((line) => line[column]?.length ?? 0)),
  );
  const format = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...body.map(format)].join('\n');
}

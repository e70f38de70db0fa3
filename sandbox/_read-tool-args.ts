import { exceedsJsonDepth, formatIssues, MAX_JSON_DEPTH, type Validator } from '../core/index.js';
import { errorText } from './_error-text.js';

/** Tool arguments beyond this size are refused before parsing (the isolate built them; we pay). */
export const MAX_ARGS_CHARS: number = 8 * 1024 * 1024;

/** Tool arguments as the handler will get them, or why they are refused. */
export type ReadToolArgsResult = { ok: true; args: unknown } | { ok: false; reason: string };

/**
 * Deletes every own `__proto__` key in `value` (JSON.parse makes them; a handler's
 * `Object.assign({}, args)` would then set the prototype of its copy). The walk runs only when
 * the text could hold one: the name itself or a `\u` escape that could spell it.
 */
function stripProtoKeys(text: string, value: unknown): void {
  if (!text.includes('__proto__') && !text.includes('\\u')) return;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Object.hasOwn(node, '__proto__')) delete (node as Record<string, unknown>)['__proto__'];
    for (const child of Object.values(node)) if (typeof child === 'object') pending.push(child);
  }
}

/**
 * Reads the JSON text of a tool call's arguments from a worker (hostile input) and checks it
 * against the tool's input schema; every refusal is a reason, never a throw.
 */
export function readToolArgs(text: string, tool: string, checkInput: Validator<unknown>): ReadToolArgsResult {
  const refuse = (reason: string): ReadToolArgsResult => ({ ok: false, reason });
  if (text.length > MAX_ARGS_CHARS)
    return refuse(`arguments of \`${tool}\` exceed ${MAX_ARGS_CHARS} characters.`);
  // Validators recurse once per level: refused before any of them runs.
  if (exceedsJsonDepth(text))
    return refuse(`arguments of \`${tool}\` are nested deeper than ${MAX_JSON_DEPTH} levels.`);
  let args: unknown;
  try {
    args = text === '' ? undefined : JSON.parse(text);
  } catch {
    return refuse(`arguments of \`${tool}\` are not JSON.`);
  }
  stripProtoKeys(text, args);
  try {
    const checked = checkInput(args);
    return checked.ok ? { ok: true, args } : refuse(`tools.${tool}: ${formatIssues(checked.issues)}`);
  } catch (error) {
    // A format check that throws, a stack the schema still exhausts: the call is refused.
    return refuse(`arguments of \`${tool}\` cannot be checked: ${errorText(error, 200)}`);
  }
}

/** A fresh copy of arguments `readToolArgs` accepted, for the trace. */
export function copyToolArgs(text: string): unknown {
  if (text === '') return undefined;
  const args: unknown = JSON.parse(text);
  stripProtoKeys(text, args);
  return args;
}

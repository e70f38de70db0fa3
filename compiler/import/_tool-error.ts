import { safeParseJson } from '../../core/index.js';
import { messageText } from './_conversation.js';

/**
 * The default rule for OpenAI chat logs, whose tool messages carry no error flag: a tool message
 * is an error when its text starts with `Error:` (what recorders conventionally write) or is a
 * JSON object whose only fields are `error` (a string) and optionally `code`. The first capture
 * group of the pattern is the error message.
 */
export const DEFAULT_TOOL_ERROR_PATTERN: RegExp = /^\s*Error:\s*([\s\S]*)$/;

const errorObjectKeys = new Set(['error', 'code']);

/** The error message of an error-shaped tool answer under `pattern`, or undefined. */
export function errorFromText(
  text: string,
  pattern: RegExp = DEFAULT_TOOL_ERROR_PATTERN,
): string | undefined {
  const match = pattern.exec(text);
  if (match) return (match[1] ?? match[0]).trim() || text.trim();
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.includes('"error"')) return undefined;
  const parsed = safeParseJson(trimmed);
  return parsed.ok ? errorFromObject(parsed.value) : undefined;
}

/**
 * The error message of a recorded result that is itself an error: an MCP `CallToolResult` with
 * `isError: true` (its text content is the message), or `{ "error": "..." }` with nothing else
 * but a `code`.
 */
export function errorFromObject(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (record['isError'] === true) return messageText(record['content']) || 'the tool reported an error';
  const keys = Object.keys(record);
  if (typeof record['error'] === 'string' && keys.every((key) => errorObjectKeys.has(key)))
    return record['error'];
  return undefined;
}

import { safeParseJson } from '../../core/index.js';

/** Tool answers that are JSON text become values; any other text stays a string. */
export function parseToolResult(text: string): unknown {
  const trimmed = text.trim();
  if (!/^[[{"]|^-?\d|^(true|false|null)$/.test(trimmed)) return text;
  const parsed = safeParseJson(trimmed);
  return parsed.ok ? parsed.value : text;
}

import { safeParseJson, type JsonSchema } from '../../core/index.js';

function isStringSchema(schema: JsonSchema | undefined): boolean {
  return typeof schema === 'object' && schema !== null && schema.type === 'string';
}

/**
 * Tool answers that are JSON text become values; any other text stays a string. A tool whose
 * `outputSchema` is a string keeps its text as it is: a calculator answering `160` answered "160".
 */
export function parseToolResult(text: string, outputSchema?: JsonSchema): unknown {
  if (isStringSchema(outputSchema)) return text;
  const trimmed = text.trim();
  if (!/^[[{"]|^-?\d|^(true|false|null)$/.test(trimmed)) return text;
  const parsed = safeParseJson(trimmed);
  return parsed.ok ? parsed.value : text;
}

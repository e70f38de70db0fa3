import { KnackError, safeParseJson } from '../../core/index.js';

interface ContentBlock {
  type?: unknown;
  text?: unknown;
  uri?: unknown;
  mimeType?: unknown;
  resource?: { text?: unknown; uri?: unknown };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textValue(text: string): unknown {
  // Servers without an output schema often answer JSON as text; hand the skill the data.
  const parsed = safeParseJson(text);
  return parsed.ok ? parsed.value : text;
}

function describeBlock(block: ContentBlock): string {
  if (typeof block.text === 'string') return block.text;
  if (typeof block.resource?.text === 'string') return block.resource.text;
  const uri = block.uri ?? block.resource?.uri;
  return `[${String(block.type)}${typeof uri === 'string' ? ` ${uri}` : ''}]`;
}

/**
 * Turns a `tools/call` answer into the value the skill receives: `structuredContent` when the
 * server gave it; else the text content (one block: its text, parsed as JSON when it is JSON;
 * several: an array of them); else the content blocks as given; `null` when there is nothing.
 * @throws KnackError `MCP_TOOL_ERROR` with the server's text when the result has `isError`.
 */
export function readCallToolResult(result: unknown, toolName: string): unknown {
  if (!isRecord(result)) return null;
  // Servers on protocol 2024-10-07 answer `{ toolResult }`; the SDK passes it through.
  if ('toolResult' in result && !('content' in result)) return result['toolResult'] ?? null;
  const content = Array.isArray(result['content']) ? (result['content'] as ContentBlock[]) : [];
  if (result['isError'] === true) {
    const text = content.map(describeBlock).join('\n').trim();
    throw new KnackError(
      'MCP_TOOL_ERROR',
      text === '' ? `\`${toolName}\` answered with an error and no text.` : text,
    );
  }
  if (result['structuredContent'] !== undefined) return result['structuredContent'];
  if (content.length === 0) return null;
  if (content.every((block) => block.type === 'text' && typeof block.text === 'string')) {
    const values = content.map((block) => textValue(block.text as string));
    return values.length === 1 ? values[0] : values;
  }
  return content;
}

// MCP tool names may use `-` (and must match [A-Za-z0-9_.-]{1,128}); knack's are identifier
// segments joined by dots, because a skill calls `tools.get_sum(...)`. Each segment keeps its
// letters, digits, `_` and `$`; anything else becomes `_`, and a leading digit gets a `_` before it.
export function toKnackToolName(mcpName: string): string {
  return mcpName
    .split('.')
    .map((segment) => {
      const word = segment.replace(/[^\w$]/g, '_') || '_';
      return /^\d/.test(word) ? `_${word}` : word;
    })
    .join('.');
}

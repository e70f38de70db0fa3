/**
 * The deepest nesting of arrays and objects the layers accept in JSON from untrusted text (tool
 * arguments, a worker's report): validators, `JSON.stringify` and `structuredClone` recurse once
 * per level, and a few thousand levels overflow the stack.
 */
export const MAX_JSON_DEPTH = 256;

/**
 * Whether JSON `text` nests arrays and objects deeper than `maxDepth` levels. One pass, no
 * recursion, strings skipped: safe on any text, valid JSON or not.
 */
export function exceedsJsonDepth(text: string, maxDepth: number = MAX_JSON_DEPTH): boolean {
  // A text of fewer characters than the bound cannot nest past it.
  if (text.length <= maxDepth) return false;
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      // Skip the string: to the next quote not escaped by a backslash.
      for (index++; index < text.length; index++) {
        const inner = text.charCodeAt(index);
        if (inner === 0x5c) index++;
        else if (inner === 0x22) break;
      }
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return false;
}

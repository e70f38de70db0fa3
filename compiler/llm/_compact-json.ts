const MAX_VALUE_CHARS = 1500;

// Tool results can be huge (pages of search hits); the model needs their shape, not every byte.
function shrink(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.length > MAX_VALUE_CHARS
      ? `${value.slice(0, MAX_VALUE_CHARS)}… [${value.length} chars]`
      : value;
  }
  if (Array.isArray(value)) {
    const head = value.slice(0, 20).map(shrink);
    return value.length > 20 ? [...head, `… ${value.length - 20} more items`] : head;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shrink(inner)]));
  }
  return value;
}

/** One-line JSON with long strings and arrays cut short, for prompts. */
export function compactJson(value: unknown): string {
  return JSON.stringify(shrink(value)) ?? 'null';
}

/**
 * The message of something a tool handler (or any host code acting on a run) threw, as bounded
 * text; never throws. Handlers are the caller's code, but what they throw may be anything: a
 * null-prototype object (`String()` throws), an Error whose `message` getter throws, a revoked
 * Proxy.
 */
export function errorText(error: unknown, maxChars = 4000): string {
  let text: string;
  try {
    if (error instanceof Error) {
      const message: unknown = error.message;
      text = typeof message === 'string' ? message : String(message);
    } else {
      text = String(error);
    }
  } catch {
    text = '[a value that cannot be printed]';
  }
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}

/** A value thrown out of an isolate call (isolated-vm's host-side copy) as the JSON of a ThrownError. */
export function describeThrow(error: unknown): string {
  const { name = 'Error', message = String(error), stack = '' } = (error ?? {}) as Record<string, string>;
  return JSON.stringify({
    name: String(name),
    message: String(message).slice(0, 4000),
    stack: String(stack).slice(0, 16000),
  });
}

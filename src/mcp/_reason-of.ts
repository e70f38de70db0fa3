// One line saying why an SDK or transport call failed: the error's message plus its cause's code
// (a refused connection arrives as `fetch failed` with `ECONNREFUSED` underneath).
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail =
    typeof cause?.code === 'string'
      ? cause.code
      : typeof cause?.message === 'string'
        ? cause.message
        : undefined;
  const message = error.message.split('\n')[0] ?? '';
  return detail && !message.includes(detail) ? `${message} (${detail})` : message;
}

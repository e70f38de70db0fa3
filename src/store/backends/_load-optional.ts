import { KnackError } from '../../../core/index.js';

/**
 * Imports an optional backend package on first use; a missing one becomes DEPENDENCY_MISSING
 * naming the package and the install command.
 */
export async function loadOptional<T>(specifier: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new KnackError(
        'DEPENDENCY_MISSING',
        `[knack] The store backend needs the package \`${specifier}\`. Install it: npm install ${specifier}`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** The URL with any password replaced by `***`, safe for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    // not a WHATWG URL (a bare sqlite path): nothing to redact
    return url;
  }
}

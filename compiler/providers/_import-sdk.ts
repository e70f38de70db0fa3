import { KnackError } from '../../core/index.js';

/**
 * Imports an optional SDK on first use. `load` is a literal `import('pkg')` so bundlers see it.
 * @throws KnackError `DEPENDENCY_MISSING` naming the package and the install command.
 */
export async function importSdk<T>(packageName: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new KnackError(
        'DEPENDENCY_MISSING',
        `The model provider needs the optional package "${packageName}". Install it: npm install ${packageName}`,
        { cause: error },
      );
    }
    throw error;
  }
}

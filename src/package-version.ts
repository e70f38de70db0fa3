import { createRequire } from 'node:module';

/** knack's own version, from its package.json. */
export function packageVersion(): string {
  const require = createRequire(import.meta.url);
  // From source (src/) the manifest is one folder up; built (dist/src/) two.
  for (const path of ['../package.json', '../../package.json']) {
    try {
      return (require(path) as { version: string }).version;
    } catch {
      // not at this depth; try the next
    }
  }
  return 'unknown';
}

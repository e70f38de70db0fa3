import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { KnackError } from '../../core/index.js';
import type { DemoDomain } from '../demo-domain.js';

// Found by path at run time, so the library does not import its examples: `dist/skills/...` once
// built, the TypeScript file from a checkout.
const supportDeskModule = fileURLToPath(new URL('../../skills/support-desk/demo-domain.js', import.meta.url));

/** The default domain's module: the built `.js`, else the checkout's `.ts`. */
export function defaultDemoDomainPath(): string {
  return existsSync(supportDeskModule) ? supportDeskModule : supportDeskModule.replace(/\.js$/, '.ts');
}

function isDemoDomain(value: unknown): value is DemoDomain {
  const domain = value as Partial<DemoDomain> | null;
  return (
    typeof domain === 'object' &&
    domain !== null &&
    typeof domain.name === 'string' &&
    Array.isArray(domain.manifest) &&
    typeof domain.trajectoryFiles === 'function' &&
    typeof domain.createTools === 'function' &&
    typeof domain.heldOutInputsFor === 'function'
  );
}

/**
 * Loads the module at `path` and returns its `demoDomain` export.
 * @throws KnackError `INVALID_ARGUMENT` naming the file when it cannot be loaded or exports no domain.
 */
export async function loadDemoDomain(path: string = defaultDemoDomainPath()): Promise<DemoDomain> {
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
  } catch (error) {
    throw new KnackError('INVALID_ARGUMENT', `--domain ${path}: cannot load the module.`, {
      where: { file: path },
      cause: error,
    });
  }
  if (!isDemoDomain(loaded['demoDomain'])) {
    throw new KnackError(
      'INVALID_ARGUMENT',
      `--domain ${path}: export \`demoDomain\` with name, manifest, trajectoryFiles(), createTools() and heldOutInputsFor().`,
      { where: { file: path } },
    );
  }
  return loaded['demoDomain'];
}

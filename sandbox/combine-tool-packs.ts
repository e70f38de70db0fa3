import { KnackError, type ToolManifestEntry } from '../core/index.js';
import { bindTools } from './define-tools.js';
import type { ToolHandler, ToolPack } from './types.js';

/** One pack to combine, optionally under a prefix. */
export interface ToolPackPart {
  pack: ToolPack;
  /**
   * Puts every tool of `pack` under this name: prefix `fs` turns `read_file` into `fs.read_file`,
   * which a skill calls as `tools.fs.read_file`. Dots allowed. @default no prefix
   */
  prefix?: string;
}

const prefixPattern = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/**
 * Combines tool packs into one, each optionally under a prefix, so a skill can use tools of
 * several origins (modules, MCP servers). The combined pack calls the parts' handlers; closing
 * parts that hold resources (an MCP pack's `close()`) stays with whoever opened them.
 * @throws KnackError `INVALID_MANIFEST` when a prefix is not a dotted identifier or two parts
 *   give the same tool name.
 * @example
 * const tools = combineToolPacks([{ pack: memory, prefix: 'memory' }, { pack: desk }]);
 */
export function combineToolPacks(parts: readonly ToolPackPart[]): ToolPack {
  const manifest: ToolManifestEntry[] = [];
  const handlers: Record<string, ToolHandler> = {};
  for (const { pack, prefix } of parts) {
    if (prefix !== undefined && !prefixPattern.test(prefix)) {
      throw new KnackError(
        'INVALID_MANIFEST',
        `Tool prefix ${JSON.stringify(prefix)} is invalid: use letters, digits, _ and $, with dots between segments.`,
        { where: { field: 'prefix' } },
      );
    }
    for (const entry of pack.manifest) {
      const name = prefix === undefined ? entry.name : `${prefix}.${entry.name}`;
      if (Object.hasOwn(handlers, name)) {
        throw new KnackError(
          'INVALID_MANIFEST',
          `Tool \`${name}\` comes from two packs; give one of them a prefix.`,
          { where: { field: name } },
        );
      }
      const handler = pack.handlers.get(entry.name);
      if (typeof handler !== 'function') {
        throw new KnackError('INVALID_MANIFEST', `Tool \`${entry.name}\` has no handler function.`, {
          where: { field: entry.name },
        });
      }
      manifest.push({ ...entry, name });
      handlers[name] = handler;
    }
  }
  return bindTools(manifest, handlers);
}

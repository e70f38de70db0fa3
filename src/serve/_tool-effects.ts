import type { ToolManifestEntry } from '../../core/index.js';

// MCP's defaults: a tool that does not say otherwise may change things (readOnlyHint false) and
// may destroy what it changes (destructiveHint true).
export function isReadOnlyTool(entry: ToolManifestEntry | undefined): boolean {
  return entry?.annotations?.readOnlyHint === true;
}

export function isDestructiveTool(entry: ToolManifestEntry | undefined): boolean {
  return !isReadOnlyTool(entry) && entry?.annotations?.destructiveHint !== false;
}

/** MCP annotations of a skill: read-only when every tool it may call is, else destructive. */
export function skillAnnotations(
  permissions: readonly string[],
  manifest: readonly ToolManifestEntry[],
): { readOnlyHint: boolean; destructiveHint?: boolean } {
  const byName = new Map(manifest.map((entry) => [entry.name, entry]));
  const isReadOnly = permissions.every((name) => isReadOnlyTool(byName.get(name)));
  return isReadOnly ? { readOnlyHint: true } : { readOnlyHint: false, destructiveHint: true };
}

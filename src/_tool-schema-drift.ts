import type { ToolManifestEntry } from '../core/index.js';
import { diffSchemas, type SchemaChange } from './diff/index.js';

/** A change to a granted tool's input schema that breaks calls checked against the old one. */
export interface ToolSchemaDrift {
  tool: string;
  /** `orderId`, `items[].sku`, or `(root)`. */
  field: string;
  /** What changed, for a person: `is now required`, `was removed`, `changed type from string to number`. */
  change: string;
}

const typesOf = (description: string | undefined): string[] => (description ?? '').split(' | ');

// The rule: a call the version was checked to make must still be accepted. A field that became
// required (or a new required one), a field that is gone, and a type that no longer includes
// every type it had each make some such call fail; optional additions and widened types do not.
function breaking(change: SchemaChange): string | undefined {
  switch (change.kind) {
    case 'added':
      return change.isRequired ? 'is new and required' : undefined;
    case 'removed':
      return 'was removed';
    case 'required-changed':
      return change.after === 'required' ? 'is now required' : undefined;
    case 'type-changed': {
      const after = new Set(typesOf(change.after));
      if (after.has('any') || typesOf(change.before).every((type) => after.has(type))) return undefined;
      return `changed type from ${change.before} to ${change.after}`;
    }
  }
}

/**
 * Where the current manifest's input schemas of `stored` tools break calls checked against the
 * stored ones (see the rule above). Tools absent from `current` are left to the permission check.
 */
export function findToolSchemaDrift(
  stored: readonly ToolManifestEntry[],
  current: readonly ToolManifestEntry[],
): ToolSchemaDrift[] {
  const byName = new Map(current.map((entry) => [entry.name, entry]));
  const drift: ToolSchemaDrift[] = [];
  for (const entry of stored) {
    const now = byName.get(entry.name);
    if (!now) continue;
    for (const change of diffSchemas(entry.inputSchema, now.inputSchema)) {
      const text = breaking(change);
      if (text) drift.push({ tool: entry.name, field: change.path, change: text });
    }
  }
  return drift;
}

import type { JsonSchema } from '../../core/index.js';

/** One field-level change between two JSON Schemas. `path` is `orderId`, `items[].sku`, or `(root)`. */
export interface SchemaChange {
  kind: 'added' | 'removed' | 'type-changed' | 'required-changed';
  path: string;
  /** Type (added, type-changed) or required flag (required-changed) before and after. */
  before?: string;
  after?: string;
  /** Whether the field is required after the change (added) or before it (removed). */
  isRequired?: boolean;
}

type SchemaObject = Record<string, unknown>;

function asObject(schema: unknown): SchemaObject {
  if (schema === true || schema === undefined) return {};
  if (schema === false) return { not: {} };
  return typeof schema === 'object' && schema !== null ? (schema as SchemaObject) : {};
}

/** A short type description: `string`, `number | null`, `"a" | "b"`, `string[]`, `object`, `any`. */
export function describeSchemaType(schema: unknown): string {
  const node = asObject(schema);
  if (Array.isArray(node['enum'])) return node['enum'].map((value) => JSON.stringify(value)).join(' | ');
  if ('const' in node) return JSON.stringify(node['const']);
  const union = (node['anyOf'] ?? node['oneOf']) as unknown[] | undefined;
  if (Array.isArray(union)) return union.map(describeSchemaType).join(' | ');
  const types = Array.isArray(node['type'])
    ? (node['type'] as string[])
    : node['type']
      ? [String(node['type'])]
      : [];
  if (types.length === 0) return node['properties'] ? 'object' : 'any';
  return types
    .map((type) => (type === 'array' ? `${describeSchemaType(node['items'])}[]` : type))
    .join(' | ');
}

function fieldsOf(node: SchemaObject): Map<string, unknown> {
  const properties = node['properties'];
  return new Map(typeof properties === 'object' && properties !== null ? Object.entries(properties) : []);
}

function requiredOf(node: SchemaObject): Set<string> {
  return new Set(Array.isArray(node['required']) ? (node['required'] as string[]) : []);
}

function join(parent: string, field: string): string {
  return parent === '' ? field : `${parent}.${field}`;
}

function walk(before: SchemaObject, after: SchemaObject, path: string, changes: SchemaChange[]): void {
  const beforeType = describeSchemaType(before);
  const afterType = describeSchemaType(after);
  const isObject = (node: SchemaObject): boolean => fieldsOf(node).size > 0 || node['type'] === 'object';
  if (isObject(before) && isObject(after)) {
    compareFields(before, after, path, changes);
    return;
  }
  if (before['type'] === 'array' && after['type'] === 'array') {
    walk(asObject(before['items']), asObject(after['items']), `${path || '(root)'}[]`, changes);
    return;
  }
  if (beforeType !== afterType)
    changes.push({ kind: 'type-changed', path: path || '(root)', before: beforeType, after: afterType });
}

function compareFields(
  before: SchemaObject,
  after: SchemaObject,
  path: string,
  changes: SchemaChange[],
): void {
  const [oldFields, newFields] = [fieldsOf(before), fieldsOf(after)];
  const [oldRequired, newRequired] = [requiredOf(before), requiredOf(after)];
  for (const [field, schema] of newFields) {
    const at = join(path, field);
    if (!oldFields.has(field)) {
      changes.push({
        kind: 'added',
        path: at,
        after: describeSchemaType(schema),
        isRequired: newRequired.has(field),
      });
      continue;
    }
    walk(asObject(oldFields.get(field)), asObject(schema), at, changes);
    if (oldRequired.has(field) !== newRequired.has(field)) {
      changes.push({
        kind: 'required-changed',
        path: at,
        before: oldRequired.has(field) ? 'required' : 'optional',
        after: newRequired.has(field) ? 'required' : 'optional',
      });
    }
  }
  for (const [field, schema] of oldFields) {
    if (!newFields.has(field)) {
      changes.push({
        kind: 'removed',
        path: join(path, field),
        before: describeSchemaType(schema),
        isRequired: oldRequired.has(field),
      });
    }
  }
}

/**
 * Field-level changes from `before` to `after`: fields added or removed, types changed, required
 * flags changed, recursing into object properties and array items.
 */
export function diffSchemas(before: JsonSchema, after: JsonSchema): SchemaChange[] {
  const changes: SchemaChange[] = [];
  walk(asObject(before), asObject(after), '', changes);
  return changes;
}

function typeSet(description: string | undefined): Set<string> {
  return new Set((description ?? '').split(' | '));
}

// Wording, not meaning: these keys never change what a schema accepts.
function canonical(value: unknown): string {
  return JSON.stringify(value, (key, inner: unknown) => {
    if (key === 'description' || key === 'title' || key === 'examples') return undefined;
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)));
    }
    return inner;
  });
}

/**
 * True when `after` may accept an input `before` rejected: an optional field added, a field no
 * longer required, a type loosened, a field dropped from an open object, or any other change
 * this simple check cannot classify (it errs toward asking a human).
 */
export function isSchemaWidened(before: JsonSchema, after: JsonSchema): boolean {
  if (canonical(before) === canonical(after)) return false;
  const changes = diffSchemas(before, after);
  if (changes.length === 0) return true;
  const isClosed = asObject(after)['additionalProperties'] === false;
  return changes.some((change) => {
    switch (change.kind) {
      case 'added':
        return !change.isRequired;
      case 'removed':
        return !isClosed;
      case 'required-changed':
        return change.after === 'optional';
      case 'type-changed': {
        const old = typeSet(change.before);
        return [...typeSet(change.after)].some((type) => !old.has(type));
      }
    }
  });
}

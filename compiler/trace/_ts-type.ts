import type { JsonSchema } from '../../core/index.js';
import { renderKey } from './_render-expr.js';

const primitive: Record<string, string> = {
  string: 'string',
  number: 'number',
  integer: 'number',
  boolean: 'boolean',
};

/** A TypeScript type for a leaf schema (enum, const, primitive type), or undefined for anything richer. */
export function schemaToTsType(schema: JsonSchema | undefined): string | undefined {
  if (typeof schema !== 'object') return undefined;
  const values = Array.isArray(schema['enum'])
    ? (schema['enum'] as unknown[])
    : 'const' in schema
      ? [schema['const']]
      : undefined;
  if (values) return values.map((value) => JSON.stringify(value)).join(' | ');
  const type = schema['type'];
  return typeof type === 'string' ? primitive[type] : undefined;
}

/** The TypeScript type of a JSON value's shape (`{ id: string; items: { sku: string }[] }`). */
export function valueToTsType(value: unknown, indent = ''): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const element = value.length > 0 ? valueToTsType(value[0], indent) : 'unknown';
    return /[|{]/.test(element) && !element.startsWith('{') ? `(${element})[]` : `${element}[]`;
  }
  if (typeof value === 'object') {
    const inner = `${indent}  `;
    const fields = Object.entries(value).map(
      ([key, field]) => `${inner}${renderKey(key)}: ${valueToTsType(field, inner)};`,
    );
    return fields.length === 0 ? 'Record<string, unknown>' : `{\n${fields.join('\n')}\n${indent}}`;
  }
  return primitive[typeof value] ?? 'unknown';
}

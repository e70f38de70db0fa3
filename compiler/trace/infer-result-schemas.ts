import type { JsonSchema, ToolManifestEntry } from '../../core/index.js';
import type { Trajectory } from '../import/index.js';

type Kind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

function kindOf(value: unknown): Kind | undefined {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'boolean' || type === 'number' || type === 'string') return type;
  return type === 'object' ? 'object' : undefined;
}

// No evidence (an empty list's items): `any` in the declaration, so code over it still type-checks.
const UNKNOWN: JsonSchema = { tsType: 'any' } as JsonSchema;

function objectSchema(values: readonly Record<string, unknown>[]): JsonSchema {
  const keys = [...new Set(values.flatMap((value) => Object.keys(value)))];
  const properties = Object.fromEntries(
    keys.map((key) => [key, inferSchema(values.filter((value) => key in value).map((value) => value[key]))]),
  );
  // A field some results lack is optional.
  const required = keys.filter((key) => values.every((value) => key in value));
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

// A field whose recorded values are a few repeated lowercase words (`cabin`, `status`) is an
// enumeration: typing it as their union lets it flow into an argument declared as an enum.
function stringSchema(values: readonly string[]): JsonSchema {
  const distinct = [...new Set(values)].sort();
  const isEnumeration =
    distinct.length <= 8 &&
    distinct.length < values.length &&
    distinct.every((value) => /^[a-z][a-z_]*$/.test(value));
  return isEnumeration ? { type: 'string', enum: distinct } : { type: 'string' };
}

function schemaOfKind(kind: Kind, values: readonly unknown[]): JsonSchema {
  if (kind === 'string') return stringSchema(values as string[]);
  if (kind === 'array') {
    const items = values.flatMap((value) => value as unknown[]);
    return { type: 'array', items: items.length > 0 ? inferSchema(items) : UNKNOWN };
  }
  if (kind === 'object') return objectSchema(values as Record<string, unknown>[]);
  return { type: kind };
}

/**
 * The JSON Schema every value agrees on: one type where they agree, `anyOf` where they differ,
 * object fields required only when every object has them, array items from all elements.
 */
export function inferSchema(values: readonly unknown[]): JsonSchema {
  const byKind = new Map<Kind, unknown[]>();
  for (const value of values) {
    const kind = kindOf(value);
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), value]);
  }
  const schemas = [...byKind.entries()].map(([kind, own]) => schemaOfKind(kind, own));
  if (schemas.length === 0) return UNKNOWN;
  return schemas.length === 1 ? (schemas[0] as JsonSchema) : { anyOf: schemas };
}

/** An inferred result schema and how many recorded results it was learned from. */
export interface InferredResultSchema {
  schema: JsonSchema;
  results: number;
}

/**
 * Result schemas for tools whose manifest entry has no `outputSchema`, inferred from the results
 * the trajectories recorded (failed calls aside). They type the generated `Tools` declarations
 * only; live results are never validated against a guess.
 */
export function inferResultSchemas(
  trajectories: readonly Trajectory[],
  manifest: readonly ToolManifestEntry[],
): Map<string, InferredResultSchema> {
  const untyped = new Set(
    manifest.filter((entry) => entry.outputSchema === undefined).map((entry) => entry.name),
  );
  const results = new Map<string, unknown[]>();
  for (const trajectory of trajectories)
    for (const step of trajectory.steps)
      if (untyped.has(step.tool) && step.error === undefined && step.result !== undefined)
        results.set(step.tool, [...(results.get(step.tool) ?? []), step.result]);
  return new Map(
    [...results.entries()].map(([tool, values]) => [
      tool,
      { schema: inferSchema(values), results: values.length },
    ]),
  );
}

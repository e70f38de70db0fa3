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

function objectSchema(
  values: readonly Record<string, unknown>[],
  enums: readonly (readonly string[])[],
): JsonSchema {
  const keys = [...new Set(values.flatMap((value) => Object.keys(value)))];
  const properties = Object.fromEntries(
    keys.map((key) => [
      key,
      inferSchema(
        values.filter((value) => key in value).map((value) => value[key]),
        enums,
      ),
    ]),
  );
  // A field some results lack is optional.
  const required = keys.filter((key) => values.every((value) => key in value));
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

// A field whose recorded values all belong to an enumeration the manifest declares (a `cabin`
// argument's enum) takes that enumeration, so it can flow into such an argument; anything else
// is a string: a union of the values seen would refuse a comparison with one not seen yet.
function stringSchema(values: readonly string[], enums: readonly (readonly string[])[]): JsonSchema {
  const distinct = new Set(values);
  const fitting = enums
    .filter((known) => [...distinct].every((value) => known.includes(value)))
    .sort((a, b) => a.length - b.length)[0];
  return fitting ? { type: 'string', enum: [...fitting] } : { type: 'string' };
}

function schemaOfKind(
  kind: Kind,
  values: readonly unknown[],
  enums: readonly (readonly string[])[],
): JsonSchema {
  if (kind === 'string') return stringSchema(values as string[], enums);
  if (kind === 'array') {
    const items = values.flatMap((value) => value as unknown[]);
    return { type: 'array', items: items.length > 0 ? inferSchema(items, enums) : UNKNOWN };
  }
  if (kind === 'object') return objectSchema(values as Record<string, unknown>[], enums);
  return { type: kind };
}

/**
 * The JSON Schema every value agrees on: one type where they agree, `anyOf` where they differ,
 * object fields required only when every object has them, array items from all elements; strings
 * that all belong to one of `enums` (string enumerations the manifest declares) take it.
 */
export function inferSchema(
  values: readonly unknown[],
  enums: readonly (readonly string[])[] = [],
): JsonSchema {
  const byKind = new Map<Kind, unknown[]>();
  for (const value of values) {
    const kind = kindOf(value);
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), value]);
  }
  const schemas = [...byKind.entries()].map(([kind, own]) => schemaOfKind(kind, own, enums));
  if (schemas.length === 0) return UNKNOWN;
  return schemas.length === 1 ? (schemas[0] as JsonSchema) : { anyOf: schemas };
}

// Every string enumeration in the manifest's schemas (`cabin: { enum: [...] }`).
function declaredEnums(manifest: readonly ToolManifestEntry[]): string[][] {
  const found: string[][] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const values = (node as { enum?: unknown }).enum;
    if (Array.isArray(values) && values.length > 0 && values.every((value) => typeof value === 'string'))
      found.push(values as string[]);
    Object.values(node).forEach(visit);
  };
  for (const entry of manifest) visit([entry.inputSchema, entry.outputSchema]);
  return found;
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
  const enums = declaredEnums(manifest);
  return new Map(
    [...results.entries()].map(([tool, values]) => [
      tool,
      { schema: inferSchema(values, enums), results: values.length },
    ]),
  );
}

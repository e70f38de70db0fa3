import type { Node, SourceFile, Type } from 'ts-morph';
import type { JsonSchema } from '../../core/index.js';
import type { Diagnostic } from './compiled-skill.js';

function literalSchema(type: Type): JsonSchema | undefined {
  if (type.isStringLiteral() || type.isNumberLiteral()) return { const: type.getLiteralValue() };
  if (type.isBooleanLiteral()) return { const: type.getText() === 'true' };
  return undefined;
}

function unionSchema(types: Type[], at: Node, depth: number): JsonSchema {
  const members = types.filter((member) => !member.isUndefined());
  const literals = members.map(literalSchema);
  if (literals.every((literal) => literal !== undefined)) {
    return { enum: literals.map((literal) => (literal as { const: unknown }).const) };
  }
  const schemas = members.map((member) => typeToSchema(member, at, depth + 1));
  return schemas.length === 1 ? (schemas[0] as JsonSchema) : { anyOf: schemas };
}

function objectSchema(type: Type, at: Node, depth: number): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const property of type.getProperties()) {
    const name = property.getName();
    properties[name] = typeToSchema(property.getTypeAtLocation(at), at, depth + 1);
    if (!property.isOptional()) required.push(name);
  }
  const schema: Record<string, unknown> = { type: 'object', properties };
  if (required.length > 0) schema['required'] = required;
  const index = type.getStringIndexType();
  if (index) schema['additionalProperties'] = typeToSchema(index, at, depth + 1);
  return schema;
}

/** A JSON Schema for a TypeScript type: primitives, literals and unions, arrays, objects, optional fields. */
export function typeToSchema(type: Type, at: Node, depth = 0): JsonSchema {
  if (depth > 12 || type.isAny() || type.isUnknown()) return {};
  if (type.isBoolean()) return { type: 'boolean' };
  const literal = literalSchema(type);
  if (literal) return literal;
  if (type.isString() || type.isTemplateLiteral()) return { type: 'string' };
  if (type.isNumber()) return { type: 'number' };
  if (type.isNull()) return { type: 'null' };
  if (type.isNever()) return false;
  if (type.isUndefined() || type.getText() === 'void') return {};
  if (type.isUnion()) return unionSchema(type.getUnionTypes(), at, depth);
  if (type.isArray())
    return { type: 'array', items: typeToSchema(type.getArrayElementTypeOrThrow(), at, depth + 1) };
  if (type.isTuple())
    return {
      type: 'array',
      prefixItems: type.getTupleElements().map((element) => typeToSchema(element, at, depth + 1)),
    };
  if (type.isObject()) return objectSchema(type, at, depth);
  return {};
}

/** The derived schemas of a skill, and diagnostics when `Input` or `Output` is missing. */
export interface DerivedSchemas {
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  diagnostics: Diagnostic[];
}

function declaredType(sourceFile: SourceFile, name: string): { type: Type; at: Node } | undefined {
  const declaration = sourceFile.getInterface(name) ?? sourceFile.getTypeAlias(name);
  return declaration?.isExported() ? { type: declaration.getType(), at: declaration } : undefined;
}

// `@anyOf destination | date` on the interface: optional fields of which at least one is needed,
// as `anyOf` required sets (several tags: `allOf` of them), with the doc's text as `description`.
function withAlternatives(schema: JsonSchema, sourceFile: SourceFile, name: string): JsonSchema {
  const docs = sourceFile.getInterface(name)?.getJsDocs() ?? [];
  const sets = docs
    .flatMap((doc) => doc.getTags())
    .filter((tag) => tag.getTagName() === 'anyOf')
    .map((tag) => ({
      anyOf: (tag.getCommentText() ?? '')
        .split('|')
        .map((field) => field.trim())
        .filter(Boolean)
        .map((field) => ({ required: [field] })),
    }));
  if (sets.length === 0 || typeof schema !== 'object') return schema;
  const description = docs.map((doc) => doc.getDescription().trim()).join(' ');
  return {
    ...schema,
    ...(description ? { description } : {}),
    ...(sets.length === 1 ? sets[0] : { allOf: sets }),
  };
}

/** Derives the `Input` and `Output` JSON Schemas from the skill's exported types (ts-morph checker). */
export function deriveSchemas(sourceFile: SourceFile): DerivedSchemas {
  const diagnostics: Diagnostic[] = [];
  const schemaOf = (name: 'Input' | 'Output'): JsonSchema => {
    const found = declaredType(sourceFile, name);
    if (found) return withAlternatives(typeToSchema(found.type, found.at), sourceFile, name);
    diagnostics.push({
      message: `export \`${name}\` (an interface or type) so its JSON Schema can be derived.`,
      code: 'SCHEMA_MISSING',
      severity: 'error',
    });
    return {};
  };
  return { inputSchema: schemaOf('Input'), outputSchema: schemaOf('Output'), diagnostics };
}

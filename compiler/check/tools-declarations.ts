import { compile } from 'json-schema-to-typescript';
import { toCamelCase, type JsonSchema, type ToolManifestEntry } from '../../core/index.js';
import { hashOf } from './_hash.js';

const cache = new Map<string, Promise<string>>();

// Nested `title`s make json-schema-to-typescript emit named types that collide across tools.
function withoutTitles(schema: unknown, isSchemaMap = false): unknown {
  if (Array.isArray(schema)) return schema.map((item) => withoutTitles(item));
  if (typeof schema !== 'object' || schema === null) return schema;
  const entries = Object.entries(schema)
    .filter(([key, value]) => isSchemaMap || !(key === 'title' && typeof value === 'string'))
    .filter(([key]) => isSchemaMap || (key !== '$id' && key !== '$schema'))
    .map(([key, value]) => [
      key,
      withoutTitles(
        value,
        !isSchemaMap && (key === 'properties' || key === '$defs' || key === 'definitions'),
      ),
    ]);
  return Object.fromEntries(entries);
}

/** A TypeScript type for a schema: `export type Name = ...` or `export interface Name {...}`. */
export async function schemaDeclaration(schema: JsonSchema | undefined, name: string): Promise<string> {
  if (schema === undefined || schema === true) return `export type ${name} = any;\n`;
  if (schema === false) return `export type ${name} = never;\n`;
  const cleaned = withoutTitles(schema) as Parameters<typeof compile>[0];
  return compile(cleaned, name, {
    bannerComment: '',
    format: false,
    declareExternallyReferenced: true,
    strictIndexSignatures: false,
  });
}

interface ToolTree {
  [segment: string]: ToolTree | string;
}

function toolTree(manifest: readonly ToolManifestEntry[], typeBase: (name: string) => string): ToolTree {
  const tree: ToolTree = {};
  for (const entry of manifest) {
    const parts = entry.name.split('.');
    let node = tree;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as ToolTree;
    const base = typeBase(entry.name);
    const doc = entry.description ? `/** ${entry.description.replace(/\*\//g, '* /')} */ ` : '';
    node[parts[parts.length - 1] ?? entry.name] = `${doc}(args: ${base}Args) => Promise<${base}Result>`;
  }
  return tree;
}

function renderTree(tree: ToolTree, indent: string): string {
  return Object.entries(tree)
    .map(([key, value]) => {
      const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
      if (typeof value === 'string') {
        const [doc, signature] = value.startsWith('/**') ? value.split('*/ ') : ['', value];
        return `${doc ? `${indent}${doc}*/\n` : ''}${indent}readonly ${name}: ${signature};`;
      }
      return `${indent}readonly ${name}: {\n${renderTree(value, `${indent}  `)}\n${indent}};`;
    })
    .join('\n');
}

async function generate(manifest: readonly ToolManifestEntry[]): Promise<string> {
  const typeBase = (name: string): string => {
    const camel = toCamelCase(name);
    return `${camel[0]?.toUpperCase() ?? ''}${camel.slice(1)}`;
  };
  const declarations = await Promise.all(
    manifest.flatMap((entry) => [
      schemaDeclaration(entry.inputSchema, `${typeBase(entry.name)}Args`),
      // Without an outputSchema nothing is known about the answer; `any` lets data flow type-check.
      schemaDeclaration(entry.outputSchema, `${typeBase(entry.name)}Result`),
    ]),
  );
  return [
    'declare module "knack:tools" {',
    declarations.join('\n'),
    '  /** The whitelisted tools of this skill, one async function per manifest entry. */',
    '  export interface Tools {',
    renderTree(toolTree(manifest, typeBase), '    '),
    '  }',
    '}',
    '',
  ].join('\n');
}

// Tools without an outputSchema take the inferred one, and their doc says it was learned.
function withInferred(
  manifest: readonly ToolManifestEntry[],
  inferred: Readonly<Record<string, JsonSchema>>,
): readonly ToolManifestEntry[] {
  return manifest.map((entry) => {
    const schema = entry.outputSchema === undefined ? inferred[entry.name] : undefined;
    if (schema === undefined) return entry;
    const note = 'Result type inferred from recorded results (the manifest declares none).';
    return {
      ...entry,
      outputSchema: schema,
      description: entry.description ? `${entry.description} ${note}` : note,
    };
  });
}

/**
 * Generates `declare module "knack:tools" { export interface Tools ... }` from a manifest with
 * json-schema-to-typescript (`tools.get_order(args: GetOrderArgs): Promise<GetOrderResult>`;
 * dotted names become nested objects). Tools without an `outputSchema` answer `any`, or the
 * type in `inferredResultSchemas` (learned from recorded results) when given. Cached per hash.
 */
export function toolsDeclarations(
  manifest: readonly ToolManifestEntry[],
  inferredResultSchemas: Readonly<Record<string, JsonSchema>> = {},
): Promise<string> {
  const effective = withInferred(manifest, inferredResultSchemas);
  const key = hashOf(effective);
  let declarations = cache.get(key);
  if (!declarations) {
    declarations = generate(effective);
    cache.set(key, declarations);
    declarations.catch(() => cache.delete(key));
  }
  return declarations;
}

// Builds plausible CompiledSkill objects (the compiler's output shape) for store tests: real
// TypeScript skill modules, so diffs read like the real thing.
import type { PublishInput } from '../../src/store/index.js';

export interface SkillFixtureOptions {
  name?: string;
  /** Input fields: name -> TypeScript type (`string`, `number`); a `?` suffix on the name makes it optional. */
  fields?: Record<string, 'string' | 'number' | 'boolean'>;
  /** Tools the skill calls, in order. */
  tools?: string[];
  /** A line that varies the source (and so the content hash). */
  variant?: string;
  isVerified?: boolean;
  trajectoryIds?: string[];
}

function toCamel(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

export function compiledSkill(options: SkillFixtureOptions = {}): PublishInput {
  const name = options.name ?? 'refund_order';
  const fields = options.fields ?? { orderId: 'string' };
  const tools = options.tools ?? ['get_order', 'refund_payment'];
  const entries = Object.entries(fields).map(([field, type]) => ({
    field: field.replace(/\?$/, ''),
    type,
    isOptional: field.endsWith('?'),
  }));
  const inputLines = entries.map(
    ({ field, type, isOptional }) => `  ${field}${isOptional ? '?' : ''}: ${type};`,
  );
  const calls = tools.map(
    (tool, index) =>
      `  const step${index + 1} = await tools.${tool}({ id: input.${entries[0]?.field ?? 'id'} });`,
  );
  const source = [
    'import type { Tools } from "knack:tools";',
    `export const meta = { name: "${name}", description: "Refund a damaged order in full" } as const;`,
    `export interface Input {\n${inputLines.join('\n')}\n}`,
    'export interface Output { refunded: number }',
    `export default async function ${toCamel(name)}(input: Input, tools: Tools): Promise<Output> {`,
    ...calls,
    ...(options.variant ? [`  // ${options.variant}`] : []),
    `  return { refunded: Number((step1 as { total?: number })?.total ?? 0) };`,
    '}',
    '',
  ].join('\n');
  const properties = Object.fromEntries(entries.map(({ field, type }) => [field, { type }]));
  const required = entries.filter((entry) => !entry.isOptional).map((entry) => entry.field);
  const isVerified = options.isVerified ?? true;
  const trajectoryIds = options.trajectoryIds ?? ['t-001'];
  return {
    name,
    description: 'Refund a damaged order in full',
    source,
    bundle: `/* knack:bundle v1 */\nvar __knackSkill = (() => { /* ${name} ${options.variant ?? ''} */ return { default: async () => ({ refunded: 0 }), meta: { name: "${name}" } }; })();\n`,
    inputSchema: { type: 'object', properties, required, additionalProperties: false },
    outputSchema: {
      type: 'object',
      properties: { refunded: { type: 'number' } },
      required: ['refunded'],
      additionalProperties: false,
    },
    permissions: [...tools],
    imports: [],
    diagnostics: [],
    verification: {
      isVerified,
      reports: trajectoryIds.map((trajectoryId) => ({ trajectoryId, ok: isVerified })),
    },
    provenance: { trajectoryIds, compiler: 'trace', promptHash: 'sha256:00' },
    secretParameters: [],
  };
}

import type { Expr } from './_expr.js';
import type { Segment } from './_segments.js';
import type { ParamSpec } from './_resolve-value.js';
import { renderExpr, renderKey, type RenderNames } from './_render-expr.js';
import { safeIdentifier, singular, toolNoun, uniqueName } from './_naming.js';
import { toCamelCase } from '../../core/index.js';
import { valueToTsType } from './_ts-type.js';
import { hoistFinds } from './_hoist-finds.js';
import { SAME_WORDS_HELPER, SAME_WORDS_SOURCE } from './_same-words.js';

/** Everything the module text is made of. */
export interface SkillParts {
  name: string;
  description: string;
  trajectoryIds: string[];
  /** The primary trajectory's id, for step comments. */
  primaryId: string;
  segments: Segment[];
  args: Expr[];
  output: { expr: Expr; tsType: string } | { segment: number };
  params: [string, ParamSpec][];
  /** Segments whose tool declares no output schema. @default none */
  untypedSegments?: ReadonlySet<number>;
}

function collectSegments(expr: Expr, used: Set<number>): void {
  if (expr.kind === 'ref') {
    if (expr.root.type === 'segment') used.add(expr.root.index);
    for (const key of expr.path)
      if (typeof key === 'object') collectSegments('key' in key ? key.key : key.equals, used);
  }
  if (expr.kind === 'template')
    for (const part of expr.parts) if (typeof part !== 'string') collectSegments(part, used);
  if (expr.kind === 'object') for (const [, inner] of expr.entries) collectSegments(inner, used);
  if (expr.kind === 'array') for (const inner of expr.items) collectSegments(inner, used);
  if (expr.kind === 'map') collectSegments(expr.list, used);
  if (expr.kind === 'binary') for (const inner of [expr.left, expr.right]) collectSegments(inner, used);
}

function segmentNames(parts: SkillParts): Map<number, string> {
  const used = new Set<number>();
  for (const expr of parts.args) collectSegments(expr, used);
  for (const segment of parts.segments) if (segment.list) collectSegments(segment.list, used);
  if ('expr' in parts.output) collectSegments(parts.output.expr, used);
  else used.add(parts.output.segment);
  const taken = new Set<string>();
  const names = new Map<number, string>();
  for (const index of [...used].sort((a, b) => a - b)) {
    const segment = parts.segments[index];
    const noun = toolNoun(segment?.tool ?? 'result');
    const base = segment?.list ? (noun.endsWith('s') ? `${noun}Results` : `${noun}s`) : noun;
    const name = uniqueName(safeIdentifier(base), taken);
    taken.add(name);
    names.set(index, name);
  }
  return names;
}

function toolCall(tool: string, args: string): string {
  return `tools${tool
    .split('.')
    .map((part) => (/^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`))
    .join('')}(${args})`;
}

function resultType(tool: string): string {
  return `Awaited<ReturnType<Tools${tool
    .split('.')
    .map((part) => `[${JSON.stringify(part)}]`)
    .join('')}>>`;
}

function stepLabel(parts: SkillParts, segment: Segment): string {
  const first = (segment.steps[0] ?? 0) + 1;
  const last = (segment.steps[segment.steps.length - 1] ?? 0) + 1;
  const steps = first === last ? `step ${first}` : `steps ${first}-${last}`;
  return `// ${parts.primaryId} ${steps}: ${segment.tool}${segment.list ? ' for each element' : ''}`;
}

function loopItemName(list: string): string {
  return safeIdentifier(
    singular(
      list
        .split(/[.[\]()]/)
        .filter(Boolean)
        .pop() ?? 'item',
    ),
  );
}

function renderBody(parts: SkillParts): string[] {
  const names = segmentNames(parts);
  const hoisted = new Map<string, string>();
  const taken = new Set(names.values());
  const base: RenderNames = {
    segment: (index) => names.get(index) ?? 'result',
    hoisted,
    ...(parts.untypedSegments ? { untypedSegments: parts.untypedSegments } : {}),
  };
  const lines: string[] = [];
  parts.segments.forEach((segment, index) => {
    const args = parts.args[index] as Expr;
    lines.push(`  ${stepLabel(parts, segment)}`);
    lines.push(...hoistFinds(segment.list ? [segment.list, args] : [args], base, hoisted, taken, '  '));
    const result = names.get(index);
    if (!segment.list) {
      const call = toolCall(segment.tool, renderExpr(args, base, '  '));
      lines.push(result ? `  const ${result} = await ${call};` : `  await ${call};`);
      return;
    }
    const list = renderExpr(segment.list, base);
    const item = loopItemName(list);
    const call = toolCall(segment.tool, renderExpr(args, { ...base, item }, '    '));
    if (result) lines.push(`  const ${result}: ${resultType(segment.tool)}[] = [];`);
    lines.push(`  for (const ${item} of ${list}) {`);
    lines.push(result ? `    ${result}.push(await ${call});` : `    await ${call};`);
    lines.push('  }');
  });
  if ('expr' in parts.output) {
    lines.push(...hoistFinds([parts.output.expr], base, hoisted, taken, '  '));
    lines.push(`  return ${renderExpr(parts.output.expr, base, '  ')};`);
  } else lines.push(`  return ${base.segment(parts.output.segment)};`);
  return lines;
}

// Which alternative inputs suffice, for the reader and (`@anyOf`) for the derived input schema.
function alternativesDoc(params: readonly [string, ParamSpec][]): string {
  const groups = new Map<string, { noun: string; names: string[] }>();
  for (const [, spec] of params)
    if (spec.alternativeOf) groups.set(spec.alternativeOf.names.join('|'), spec.alternativeOf);
  if (groups.size === 0) return '';
  const lines = [...groups.values()].flatMap(({ noun, names }) => [
    ` * Say which ${noun} by one of ${names.map((name) => `\`${name}\``).join(', ')}; the first given is used.`,
    ` * @anyOf ${names.join(' | ')}`,
  ]);
  return `/**\n${lines.join('\n')}\n */\n`;
}

function renderTypes(parts: SkillParts): string[] {
  const fields = parts.params.map(([name, spec]) => {
    const doc = spec.isSecret
      ? '  /** Secret: pass it at call time; it is never stored in the skill. */\n'
      : '';
    return `${doc}  ${renderKey(name)}${spec.alternativeOf ? '?' : ''}: ${spec.tsType};`;
  });
  const input =
    fields.length > 0
      ? `${alternativesDoc(parts.params)}export interface Input {\n${fields.join('\n')}\n}`
      : 'export type Input = Record<string, never>;';
  let output: string;
  if ('tsType' in parts.output) {
    output = parts.output.tsType.startsWith('{\n')
      ? `export interface Output ${parts.output.tsType}`
      : `export type Output = ${parts.output.tsType};`;
  } else {
    const segment = parts.segments[parts.output.segment];
    output = `export type Output = ${resultType(segment?.tool ?? '')}${segment?.list ? '[]' : ''};`;
  }
  return [input, '', output];
}

/** Writes the skill module (DESIGN.md contract) a reviewer reads. */
export function renderSkill(parts: SkillParts): string {
  const functionName = safeIdentifier(toCamelCase(parts.name));
  const source = [
    'import type { Tools } from "knack:tools";',
    '',
    `export const meta = { name: ${JSON.stringify(parts.name)}, description: ${JSON.stringify(parts.description)} } as const;`,
    '',
    ...renderTypes(parts),
    '',
    `/** ${parts.description.replace(/\*\//g, '* /')} (trace-compiled from ${parts.trajectoryIds.join(', ')}.) */`,
    `export default async function ${functionName}(input: Input, tools: Tools): Promise<Output> {`,
    ...renderBody(parts),
    '}',
    '',
  ].join('\n');
  return source.includes(`${SAME_WORDS_HELPER}(`) ? `${source}${SAME_WORDS_SOURCE}` : source;
}

export { valueToTsType };

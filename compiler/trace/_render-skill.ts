import { mapExpr, type Expr } from './_expr.js';
import type { Segment } from './_segments.js';
import type { ParamSpec } from './_resolve-value.js';
import { renderExpr, renderKey, type RenderNames } from './_render-expr.js';
import { safeIdentifier, singular, toolNoun, uniqueName } from './_naming.js';
import { toCamelCase } from '../../core/index.js';
import { valueToTsType } from './_ts-type.js';
import { hoistFinds } from './_hoist-finds.js';
import { conditionSubject, renderBranches, type ArmHeader } from './_render-branches.js';
import { renderScan } from './_render-scan.js';
import { SAME_WORDS_HELPER, SAME_WORDS_SOURCE } from './_same-words.js';

/** Statements of a skill body: its segments (from `from` on, earlier ones belong to the enclosing body). */
export interface SkillBody {
  /** The primary trajectory's id, for step comments. */
  primaryId: string;
  segments: Segment[];
  args: Expr[];
  output: { expr: Expr; tsType: string } | { segment: number };
  /** Segments whose tool declares no output schema. @default none */
  untypedSegments?: ReadonlySet<number>;
  /** Where sibling runs part ways: arms tried in order, the last without a condition. @default none */
  branches?: BranchArm[];
}

/** One path of a branch: the steps of the siblings that took it, after the common ones. */
export interface BranchArm extends SkillBody, ArmHeader {
  /** The first segment of this arm (segments before it are the enclosing body's). */
  from: number;
}

/** Everything the module text is made of. */
export interface SkillParts extends SkillBody {
  name: string;
  description: string;
  trajectoryIds: string[];
  params: [string, ParamSpec][];
  /** Parameters only some branches need: optional in `Input`. @default none */
  optionalParams?: ReadonlySet<string>;
}

function collectSegments(expr: Expr, used: Set<number>): void {
  mapExpr(expr, (inner) => {
    if (inner.kind === 'ref' && inner.root.type === 'segment') used.add(inner.root.index);
    return undefined;
  });
}

function collectUsed(body: SkillBody, used: Set<number>): void {
  for (const expr of body.args) collectSegments(expr, used);
  body.segments.forEach((segment, index) => {
    if (segment.list) collectSegments(segment.list, used);
    // A scan always names what it found: its loop assigns it.
    if (segment.scan) used.add(index);
    if (segment.scan?.equals) collectSegments(segment.scan.equals, used);
    for (const option of segment.scan?.alternatives ?? []) collectSegments(option.equals, used);
  });
  if (body.branches) {
    for (const arm of body.branches) {
      if (arm.condition) collectSegments(conditionSubject(arm.condition), used);
      collectUsed(arm, used);
    }
  } else if ('expr' in body.output) collectSegments(body.output.expr, used);
  else used.add(body.output.segment);
}

/** What an arm inherits from the body around it: names, hoisted finds, taken names, indentation. */
interface OuterBody {
  names: ReadonlyMap<number, string>;
  hoisted: ReadonlyMap<string, string>;
  taken: ReadonlySet<string>;
  from: number;
  indent: string;
}

function segmentNames(body: SkillBody, outer?: OuterBody): Map<number, string> {
  const used = new Set<number>();
  collectUsed(body, used);
  const taken = new Set(outer?.taken);
  const names = new Map<number, string>();
  for (const index of [...used].sort((a, b) => a - b)) {
    const segment = body.segments[index];
    const inherited = outer?.names.get(index);
    if (inherited !== undefined || !segment) {
      if (inherited !== undefined) names.set(index, inherited);
      continue;
    }
    const noun = toolNoun(segment.tool);
    const isList = segment.list && !segment.scan;
    const base = isList ? (noun.endsWith('s') ? `${noun}Results` : `${noun}s`) : noun;
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

function stepLabel(parts: SkillBody, segment: Segment): string {
  const first = (segment.steps[0] ?? 0) + 1;
  const last = (segment.steps[segment.steps.length - 1] ?? 0) + 1;
  const steps = first === last ? `step ${first}` : `steps ${first}-${last}`;
  const what = segment.scan ? ' for each element until one matches' : segment.list ? ' for each element' : '';
  return `// ${parts.primaryId} ${steps}: ${segment.tool}${what}`;
}

function loopItemName(list: string): string {
  return safeIdentifier(
    singular(
      list
        .split(/[.[\]()]/)
        .filter((part) => /^[A-Za-z_$]/.test(part)) // `pairs[0]` names `pair`, not `0Item`
        .pop() ?? 'item',
    ),
  );
}

function renderBody(parts: SkillBody, outer?: OuterBody): string[] {
  const names = segmentNames(parts, outer);
  const hoisted = new Map(outer?.hoisted);
  const taken = new Set([...(outer?.taken ?? []), ...names.values()]);
  const pad = outer?.indent ?? '  ';
  const base: RenderNames = {
    segment: (index) => names.get(index) ?? 'result',
    hoisted,
    ...(parts.untypedSegments ? { untypedSegments: parts.untypedSegments } : {}),
  };
  const lines: string[] = [];
  parts.segments.forEach((segment, index) => {
    if (index < (outer?.from ?? 0)) return;
    const args = parts.args[index] as Expr;
    lines.push(`${pad}${stepLabel(parts, segment)}`);
    const used = [
      ...(segment.list ? [segment.list] : []),
      args,
      ...(segment.scan?.equals ? [segment.scan.equals] : []),
    ];
    lines.push(...hoistFinds(used, base, hoisted, taken, pad));
    const result = names.get(index);
    if (!segment.list) {
      const call = toolCall(segment.tool, renderExpr(args, base, pad));
      lines.push(result ? `${pad}const ${result} = await ${call};` : `${pad}await ${call};`);
      return;
    }
    const list = renderExpr(segment.list, base);
    const item = loopItemName(list);
    const call = toolCall(segment.tool, renderExpr(args, { ...base, item }, `${pad}  `));
    if (segment.scan) {
      const scan = { ...segment.scan, list, item, call, result, resultType: resultType(segment.tool) };
      lines.push(...renderScan(scan, names, index, base, taken, pad));
      return;
    }
    if (result) lines.push(`${pad}const ${result}: ${resultType(segment.tool)}[] = [];`);
    lines.push(`${pad}for (const ${item} of ${list}) {`);
    lines.push(result ? `${pad}  ${result}.push(await ${call});` : `${pad}  await ${call};`);
    lines.push(`${pad}}`);
  });
  if (parts.branches) {
    const inner = { names, hoisted, taken, indent: `${pad}  ` };
    return [
      ...lines,
      ...renderBranches(parts.branches, base, pad, (arm) => renderBody(arm, { ...inner, from: arm.from })),
    ];
  }
  if ('expr' in parts.output) {
    lines.push(...hoistFinds([parts.output.expr], base, hoisted, taken, pad));
    lines.push(`${pad}return ${renderExpr(parts.output.expr, base, pad)};`);
  } else lines.push(`${pad}return ${base.segment(parts.output.segment)};`);
  return lines;
}

function outputType(body: SkillBody): string {
  if ('tsType' in body.output) return body.output.tsType;
  const segment = body.segments[body.output.segment];
  return `${resultType(segment?.tool ?? '')}${segment?.list && !segment.scan ? '[]' : ''}`;
}

// With branches, what any arm returns.
function outputTypes(body: SkillBody): string[] {
  if (!body.branches) return [outputType(body)];
  return [...new Set(body.branches.flatMap(outputTypes))];
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
    const isOptional = parts.optionalParams?.has(name) === true || spec.alternativeOf !== undefined;
    return `${doc}  ${renderKey(name)}${isOptional ? '?' : ''}: ${spec.tsType};`;
  });
  const input =
    fields.length > 0
      ? `${alternativesDoc(parts.params)}export interface Input {\n${fields.join('\n')}\n}`
      : 'export type Input = Record<string, never>;';
  const types = outputTypes(parts);
  const output =
    types.length === 1 && types[0]?.startsWith('{\n')
      ? `export interface Output ${types[0]}`
      : `export type Output = ${types.join(' | ')};`;
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

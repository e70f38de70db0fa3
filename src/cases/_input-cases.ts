import {
  bindTools,
  type Limits,
  type RunResult,
  type RunSkillOptions,
  type ToolHandler,
  type ToolPack,
} from '../../sandbox/index.js';
import { createValidator, formatIssues, KnackError } from '../../core/index.js';
import type { SkillCase } from '../../compiler/index.js';
import type { CaseTarget } from './run-case.js';
import type { UnusableInput } from './summarize-runs.js';

/** The label of input i in runs, failures and the report. */
export function inputLabel(index: number): string {
  return `input #${index}`;
}

/**
 * Checks every input against the version's input schema before anything runs.
 * @throws KnackError INVALID_ARGUMENT naming the index and the field.
 */
export function checkInputs(target: CaseTarget, inputs: readonly unknown[]): void {
  const validate = createValidator(target.inputSchema);
  for (const [index, input] of inputs.entries()) {
    const checked = validate(input);
    if (checked.ok) continue;
    const path = checked.issues[0]?.path ?? '/';
    throw new KnackError(
      'INVALID_ARGUMENT',
      `inputs[${index}] does not fit the input schema of ${target.name}@${target.version}: ${formatIssues(checked.issues)}.`,
      { where: { field: `inputs[${index}]${path === '/' ? '' : path.replaceAll('/', '.')}` } },
    );
  }
}

/**
 * A fresh pack narrowed to the version's granted tools.
 * @throws KnackError INVALID_ARGUMENT when the pack lacks a granted tool.
 */
export function grantedTools(target: CaseTarget, createTools: () => ToolPack): ToolPack {
  const tools = createTools();
  const missing = target.permissions.filter((name) => !tools.handlers.has(name));
  if (missing.length > 0)
    throw new KnackError(
      'INVALID_ARGUMENT',
      `${target.name}@${target.version} needs the tools ${missing.map((name) => `\`${name}\``).join(', ')}, which the given tool pack lacks.`,
      { where: { field: 'tools' } },
    );
  const granted = new Set(target.permissions);
  const manifest = tools.manifest.filter((entry) => granted.has(entry.name));
  const handlers: Record<string, ToolHandler> = {};
  for (const entry of manifest) handlers[entry.name] = tools.handlers.get(entry.name) as ToolHandler;
  return bindTools(manifest, handlers);
}

// The calls that reached a tool: a refused call (bad arguments, a tool not granted) changed nothing.
function reachedCalls(result: RunResult): SkillCase['calls'] {
  return result.trace
    .filter((call) => call.error === undefined || call.error.code === 'TOOL_FAILED')
    .map((call) => ({
      tool: call.tool,
      args: call.args,
      ...(call.error === undefined
        ? call.result === undefined
          ? {}
          : { result: normalize(call.result) }
        : { error: call.error.message }),
    }));
}

function normalize(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** Options of `referenceCase`. */
export interface ReferenceCaseOptions {
  target: CaseTarget;
  input: unknown;
  index: number;
  createTools: () => ToolPack;
  run: (options: RunSkillOptions) => Promise<RunResult>;
  limits: Limits;
  signal?: AbortSignal;
}

/**
 * One fault-free run of the version on fresh real tools: its calls and output become the case
 * the faulted runs of this input are judged by, as a stored case would be. A failed reference
 * run leaves the input unusable.
 */
export async function referenceCase(
  options: ReferenceCaseOptions,
): Promise<{ skillCase: SkillCase } | { unusable: UnusableInput }> {
  const { target } = options;
  const result = await options.run({
    source: target.bundle,
    input: options.input,
    tools: grantedTools(target, options.createTools),
    inputSchema: target.inputSchema,
    outputSchema: target.outputSchema,
    filename: `${target.name}.ts`,
    limits: options.limits,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!result.ok)
    return { unusable: { index: options.index, code: result.error.code, message: result.error.message } };
  const expected = normalize(result.value);
  return {
    skillCase: {
      trajectoryId: inputLabel(options.index),
      input: options.input,
      calls: reachedCalls(result),
      ...(expected === undefined ? {} : { expected }),
      expectedFrom: 'replay',
    },
  };
}

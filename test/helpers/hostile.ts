// Shared fixtures of the adversarial sandbox tests (test/sandbox/*.test.ts): a sandbox per test file,
// recording tools, a snapshot of the host's intrinsics, and a deep "is this plain data" check.
import { types } from 'node:util';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  createSandbox,
  defineTools,
  type runSkill,
  type RunResult,
  type ToolCallContext,
  type ToolDefinition,
  type ToolPack,
} from '../../sandbox/index.js';

export type RunOptions = Parameters<typeof runSkill>[0];
export type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
export type RunErrorCode = Extract<RunResult, { ok: false }>['error']['code'];

/** Wraps a function body into a TypeScript skill module (`input` and `tools` are in scope). */
export function skill(body: string, prelude = ''): string {
  return [
    prelude,
    'export const meta = { name: "hostile", description: "an adversarial skill" } as const;',
    // eslint-style any is fine here: this text is the skill, compiled by esbuild, never type-checked.
    'export default async function hostile(input: any, tools: any): Promise<any> {',
    body,
    '}',
  ].join('\n');
}

/** One call a tool handler saw, with the time it started (performance.now()). */
export interface RecordedCall {
  tool: string;
  args: unknown;
  context: ToolCallContext;
  atMs: number;
}

export interface RecordingTools {
  tools: ToolPack;
  calls: RecordedCall[];
  callsOf(tool: string): RecordedCall[];
}

type LooseDefinition = Partial<ToolDefinition> & { handler?: ToolDefinition['handler'] };

/**
 * Tools whose handlers record every call before running. Each tool defaults to an `{type:'object'}`
 * input schema and a handler that echoes its args.
 */
export function recordTools(definitions: Record<string, LooseDefinition> = { echo: {} }): RecordingTools {
  const calls: RecordedCall[] = [];
  const defs: Record<string, ToolDefinition> = {};
  for (const [name, definition] of Object.entries(definitions)) {
    const handler = definition.handler ?? ((args: unknown) => args);
    defs[name] = {
      ...definition,
      inputSchema: definition.inputSchema ?? { type: 'object' },
      handler: (args, context) => {
        calls.push({ tool: name, args, context, atMs: performance.now() });
        return handler(args, context);
      },
    };
  }
  return { tools: defineTools(defs), calls, callsOf: (tool) => calls.filter((call) => call.tool === tool) };
}

/** Opens one sandbox for the test file (closed after it) and returns a `run` bound to it. */
export function useSandbox(options?: Parameters<typeof createSandbox>[0]): {
  run(source: string, options?: Partial<RunOptions>): Promise<RunResult>;
  sandbox(): Sandbox;
} {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await createSandbox(options);
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  const current = (): Sandbox => {
    if (!sandbox) throw new Error('the sandbox is not open yet (use it inside a test)');
    return sandbox;
  };
  return {
    sandbox: current,
    run: (source, options = {}) => current().run({ tools: defineTools({}), ...options, source }),
  };
}

/** Asserts that the run failed with one of `codes` and returns its error. */
export function expectFailure(
  result: RunResult,
  ...codes: RunErrorCode[]
): Extract<RunResult, { ok: false }>['error'] {
  if (result.ok)
    expect.fail(`expected ${codes.join(' or ')}, but the run succeeded with ${safeJson(result.value)}`);
  expect(codes, `${result.error.code}: ${result.error.message}`).toContain(result.error.code);
  expect(typeof result.error.message).toBe('string');
  return result.error;
}

/** Asserts that the run succeeded and returns its value. */
export function expectValue(result: RunResult): unknown {
  if (!result.ok) expect.fail(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Proves the sandbox still serves normal runs: a trivial skill echoes its input. */
export async function expectStillServing(run: ReturnType<typeof useSandbox>['run']): Promise<void> {
  const token = Math.random();
  const result = await run(skill('return { token: input.token, sum: 1 + 1 };'), { input: { token } });
  expect(expectValue(result)).toEqual({ token, sum: 2 });
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return '<unserialisable>';
  }
}

const watchedIntrinsics: Record<string, object> = {
  'Object.prototype': Object.prototype,
  'Array.prototype': Array.prototype,
  'Function.prototype': Function.prototype,
  'Promise.prototype': Promise.prototype,
  'String.prototype': String.prototype,
  'Error.prototype': Error.prototype,
  JSON,
  globalThis,
};

/** Own keys of the host intrinsics a skill would pollute to reach the caller. */
export function snapshotHost(): Record<string, string[]> {
  const snapshot: Record<string, string[]> = {};
  for (const [name, target] of Object.entries(watchedIntrinsics)) {
    snapshot[name] = Reflect.ownKeys(target).map(String).sort();
  }
  return snapshot;
}

/** Asserts the host intrinsics have the same own keys as in `before`, and no `polluted` key anywhere. */
export function expectHostUntouched(before: Record<string, string[]>): void {
  expect(snapshotHost()).toEqual(before);
  const probe: Record<string, unknown> = {};
  expect(probe['polluted']).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.prototype.toString.call(probe)).toBe('[object Object]');
}

/**
 * The path of the first part of `value` that is not plain JSON-like data of the host realm (a
 * function, symbol, bigint, proxy, accessor property, foreign prototype or cycle), or undefined.
 */
export function findNonPlainData(value: unknown, path = '$', seen = new Set<object>()): string | undefined {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return undefined;
  if (typeof value !== 'object') return `${path} is a ${typeof value}`;
  if (types.isProxy(value)) return `${path} is a Proxy`;
  if (seen.has(value)) return `${path} is a cycle`;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) {
    return `${path} has a foreign prototype`;
  }
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'symbol') return `${path} has a symbol key`;
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (!descriptor || !('value' in descriptor)) return `${path}.${key} is an accessor`;
    const found = findNonPlainData(descriptor.value, `${path}.${key}`, seen);
    if (found) return found;
  }
  seen.delete(value);
  return undefined;
}

// Interim runner with runSkill's contract (COMMON.md) until the sandbox branch lands; replaced by
// `runSkill` from sandbox/index.ts on merge. Not isolated: used only to replay our own bundles.
import vm from 'node:vm';
import type { JsonSchema, RunResult, ToolPack } from '../sandbox/index.js';

interface RunOptions {
  source: string;
  input?: unknown;
  tools: ToolPack;
  inputSchema?: JsonSchema;
  outputSchema?: JsonSchema;
  filename?: string;
}

function toolsObject(pack: ToolPack): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let step = 0;
  for (const [name, handler] of pack.handlers) {
    const parts = name.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1] ?? name] = async (args: unknown) =>
      JSON.parse(
        JSON.stringify(
          (await handler(JSON.parse(JSON.stringify(args ?? {})), {
            step: ++step,
            signal: new AbortController().signal,
          })) ?? null,
        ),
      ) as unknown;
  }
  return root;
}

export async function runSkill(options: RunOptions): Promise<RunResult> {
  const metrics = { wallMs: 0, cpuMs: 0, heapUsedBytes: 0, toolCalls: 0 };
  try {
    const context = vm.createContext({ console: { log() {}, info() {}, warn() {}, error() {}, debug() {} } });
    vm.runInContext(`${options.source}\n;globalThis.__knackSkill = __knackSkill;`, context, {
      filename: options.filename,
    });
    const skill = (
      context as { __knackSkill?: { default?: (input: unknown, tools: unknown) => Promise<unknown> } }
    ).__knackSkill;
    const value = await skill?.default?.(options.input ?? {}, toolsObject(options.tools));
    return {
      ok: true,
      value: value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown),
      trace: [],
      metrics,
      logs: [],
    };
  } catch (error) {
    return {
      ok: false,
      error: { code: 'SKILL_THREW', message: error instanceof Error ? error.message : String(error) },
      trace: [],
      metrics,
      logs: [],
    };
  }
}

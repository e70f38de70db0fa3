import { createSandbox, type Sandbox } from './create-sandbox.js';
import type { RunSkillOptions } from './run-options.js';
import type { RunResult } from './types.js';

let shared: Promise<Sandbox> | undefined;

/**
 * Runs a skill in a shared, lazily opened sandbox pool (see `createSandbox`) and returns its
 * outcome. Skill failures (`TIMEOUT`, `TOOL_NOT_ALLOWED`, `SKILL_THREW`, ...) are results; the
 * idle pool never keeps the process alive.
 * @throws KnackError `INVALID_ARGUMENT` naming a bad option; `SANDBOX_FAILED` when no worker starts.
 * @example
 * const tools = defineTools({ get_order: { inputSchema, handler: ({ id }) => orders.get(id) } });
 * const result = await runSkill({ source, input: { orderId: '8812' }, tools, limits: { timeoutMs: 2000 } });
 * if (result.ok) console.log(result.value); else console.error(result.error.code);
 */
export async function runSkill(options: RunSkillOptions): Promise<RunResult> {
  shared ??= createSandbox().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return (await shared).run(options);
}

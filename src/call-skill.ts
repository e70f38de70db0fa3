import { randomUUID } from 'node:crypto';
import {
  bindTools,
  runSkill,
  type Limits,
  type RunResult,
  type Sandbox,
  type ToolHandler,
  type ToolPack,
} from '../sandbox/index.js';
import { KnackError, type ToolManifestEntry } from '../core/index.js';
import type { SkillStore } from './store/index.js';
import { findToolSchemaDrift, type ToolSchemaDrift } from './_tool-schema-drift.js';

/** Options of `callSkill`. */
export interface CallSkillOptions {
  /** The library to read the skill from. */
  store: SkillStore;
  /** `name` (the active version), `name@3` or `name@latest`. */
  ref: string;
  /** The tools of this call; the skill reaches only those among them it was granted (its permissions). */
  tools: ToolPack;
  /** The skill's input, checked against its Input schema. @default undefined */
  input?: unknown;
  /** Bounds of the run. @default the sandbox defaults (5 s, 64 MB, 100 tool calls) */
  limits?: Limits;
  /** A sandbox to run in. @default the shared pool of `runSkill` */
  sandbox?: Sandbox;
  /** Count the run in the version's reliability figures. @default true */
  isRecorded?: boolean;
  signal?: AbortSignal;
}

/**
 * A run result plus the exact version that ran and, when the run was counted, its id: pass it to
 * `store.reportOutcome({ runId, outcome })` when the run did (or did not do) the right thing.
 */
export type CallSkillResult = RunResult & { ref: string; runId?: string };

/** Options of `restrictTools`. */
export interface RestrictToolsOptions {
  /** The pack to narrow. */
  tools: ToolPack;
  /** The tool names the skill was granted. */
  permissions: readonly string[];
  /** The skill's `name@version`, for the error message. */
  ref: string;
}

/**
 * Keeps only the tools a skill was granted, so a pack wider than its permissions grants nothing more.
 * @throws KnackError `INVALID_ARGUMENT` when the pack lacks a granted tool.
 */
export function restrictTools(options: RestrictToolsOptions): ToolPack {
  const { tools, permissions, ref } = options;
  const granted = new Set(permissions);
  const manifest = tools.manifest.filter((entry) => granted.has(entry.name));
  const missing = permissions.filter((name) => !tools.handlers.has(name));
  if (missing.length > 0) {
    throw new KnackError(
      'INVALID_ARGUMENT',
      `${ref} needs the tools ${missing.map((name) => `\`${name}\``).join(', ')}, which the given tool pack lacks.`,
      { where: { field: 'tools' } },
    );
  }
  const handlers: Record<string, ToolHandler> = {};
  for (const entry of manifest) handlers[entry.name] = tools.handlers.get(entry.name) as ToolHandler;
  return bindTools(manifest, handlers);
}

// Stored versions never change (the store's version cache hands out the same record) and packs'
// manifests are frozen, so a drift verdict holds for the pair: the hot path compares schemas once.
const driftVerdicts = new WeakMap<
  readonly ToolManifestEntry[],
  WeakMap<readonly ToolManifestEntry[], ToolSchemaDrift[]>
>();

function toolSchemaDrift(
  stored: readonly ToolManifestEntry[] | undefined,
  current: readonly ToolManifestEntry[],
): ToolSchemaDrift[] {
  if (!stored) return [];
  let verdicts = driftVerdicts.get(current);
  if (!verdicts) driftVerdicts.set(current, (verdicts = new WeakMap()));
  let drift = verdicts.get(stored);
  if (!drift) verdicts.set(stored, (drift = findToolSchemaDrift(stored, current)));
  return drift;
}

// Refuses a run whose granted tools changed under the version, rather than sending arguments a
// tool no longer accepts; flags the version once per distinct drift so a person sees it.
async function refuseDrift(
  store: SkillStore,
  ref: string,
  drift: ToolSchemaDrift[],
): Promise<CallSkillResult> {
  const message = `${ref} was checked against other tool schemas: ${drift
    .map((item) => `\`${item.tool}\` input \`${item.field}\` ${item.change}`)
    .join('; ')}. Recompile it against the current tools (knack refine / compile).`;
  const history = await store.history(ref.split('@')[0] as string);
  const version = Number(ref.split('@')[1]);
  if (
    !history.some((event) => event.kind === 'flagged' && event.version === version && event.note === message)
  )
    await store.flag(ref, { by: 'knack:tool-schema-check', note: message });
  return {
    ok: false,
    error: { code: 'TOOL_SCHEMA_CHANGED', message },
    trace: [],
    metrics: { wallMs: 0, cpuMs: 0, heapUsedBytes: 0, toolCalls: 0 },
    logs: [],
    ref,
  };
}

/**
 * Calls a stored skill as a function: resolves the version (cached; see `store.resolve`), runs
 * its bundle in the sandbox with only its granted tools and its Input/Output schemas, and counts
 * the outcome in its reliability off the call path (see `store.queueRun`).
 * A skill failure is a result (`ok: false`); a missing skill or a broken store throws. When a
 * granted tool's input schema changed since the version was checked (a field now required or
 * removed, a type narrowed), the run is refused with `TOOL_SCHEMA_CHANGED` naming tool and field,
 * not counted, and the version gets a `flagged` history event.
 * @throws KnackError `NOT_FOUND`, `INVALID_SKILL_REF`, `INVALID_ARGUMENT`, `CLOSED`, store errors.
 * @example
 * const result = await callSkill({ store, ref: 'refund_order_full', input: { orderId: '8811' }, tools });
 * if (result.ok) console.log(result.value);
 */
export async function callSkill(options: CallSkillOptions): Promise<CallSkillResult> {
  const skill = await options.store.resolve(options.ref);
  const ref = `${skill.name}@${skill.version}`;
  const drift = toolSchemaDrift(skill.toolSchemas, options.tools.manifest);
  if (drift.length > 0) return refuseDrift(options.store, ref, drift);
  const run = {
    source: skill.bundle,
    input: options.input,
    tools: restrictTools({ tools: options.tools, permissions: skill.permissions, ref }),
    inputSchema: skill.inputSchema,
    outputSchema: skill.outputSchema,
    filename: `${skill.name}.ts`,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const result = options.sandbox ? await options.sandbox.run(run) : await runSkill(run);
  if (options.isRecorded === false) return { ...result, ref };
  // Counted off the call path (written every flush interval and on close); reportOutcome on the
  // id works at once in this process.
  const runId = randomUUID();
  options.store.queueRun(ref, result, { runId });
  return { ...result, ref, runId };
}

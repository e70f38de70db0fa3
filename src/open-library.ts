import { KnackError } from '../core/index.js';
import type { Limits, RunResult, Sandbox, ToolPack } from '../sandbox/index.js';
import { callSkill, type CallSkillResult } from './call-skill.js';
import type { SkillStore, StoreWatcher } from './store/index.js';

/** Input and Output of each skill by name, as `knack types` declares them (its `Skills`). */
export type SkillSignatures = Record<string, { input: unknown; output: unknown }>;

/** A run result whose value is typed by the skill's Output. */
export type TypedRunResult<Output> = (
  (Omit<Extract<RunResult, { ok: true }>, 'value'> & { value: Output }) | Extract<RunResult, { ok: false }>
) & { ref: string };

/** Per-call settings of a library function. */
export interface SkillCallOptions {
  /** Bounds of this run. @default the library's `limits` */
  limits?: Limits;
  signal?: AbortSignal;
}

/** The library's skills as functions, one per active skill. */
export type SkillFunctions<S extends SkillSignatures> = {
  readonly [Name in keyof S]: (
    input: S[Name]['input'],
    options?: SkillCallOptions,
  ) => Promise<TypedRunResult<S[Name]['output']>>;
};

/** Options of `openLibrary`. */
export interface OpenLibraryOptions {
  store: SkillStore;
  /** The real tools, or a function making a fresh pack per call; each call reaches only its skill's grants. */
  tools: ToolPack | (() => ToolPack);
  /** A sandbox to run in. @default the shared pool of `runSkill` */
  sandbox?: Sandbox;
  /** Bounds of every run. @default the sandbox defaults */
  limits?: Limits;
  /** How often the set of active skills is refreshed from the store's change feed, in ms. @default 500 */
  refreshIntervalMs?: number;
}

/** A handle on the library: `skills.<name>(input)` calls the active version, counted like `callSkill`. */
export interface SkillLibrary<S extends SkillSignatures> {
  readonly skills: SkillFunctions<S>;
  /** Re-reads which skills are active now (the change feed does it on its own too). */
  refresh(): Promise<void>;
  readonly isClosed: boolean;
  /** Stops following the store; the store itself stays open. Idempotent. */
  close(): void;
  [Symbol.dispose](): void;
}

/**
 * Opens the library as typed functions: `lib.skills.refund_order(input)` runs the active version
 * of `refund_order` with its granted tools and returns its run result (`value` typed by its
 * Output). Type it with the `Skills` interface `knack types` writes. Skills promoted or retired
 * later, in any process, appear or disappear with the store's change feed.
 * @throws KnackError `INVALID_ARGUMENT` without a store or tools; store errors.
 * @example
 * import type { Skills } from './knack-skills.js'; // knack types --out knack-skills.d.ts
 * using lib = await openLibrary<Skills>({ store, tools });
 * const result = await lib.skills.refund_order_full({ orderId: '8811' });
 */
export async function openLibrary<S extends SkillSignatures = SkillSignatures>(
  options: OpenLibraryOptions,
): Promise<SkillLibrary<S>> {
  if (typeof options?.store?.list !== 'function')
    throw new KnackError('INVALID_ARGUMENT', 'openLibrary needs `store`: a store from openStore().', {
      where: { field: 'store' },
    });
  if (typeof options.tools !== 'function' && typeof options.tools?.handlers?.get !== 'function')
    throw new KnackError(
      'INVALID_ARGUMENT',
      'openLibrary needs `tools`: a ToolPack or a function making one.',
      {
        where: { field: 'tools' },
      },
    );
  const { store } = options;
  const skills: Record<string, unknown> = {};
  const call =
    (name: string) =>
    (input: unknown, callOptions: SkillCallOptions = {}) => {
      const tools = typeof options.tools === 'function' ? options.tools() : options.tools;
      const limits = callOptions.limits ?? options.limits;
      return callSkill({
        store,
        ref: name,
        input,
        tools,
        ...(options.sandbox ? { sandbox: options.sandbox } : {}),
        ...(limits ? { limits } : {}),
        ...(callOptions.signal ? { signal: callOptions.signal } : {}),
      }) as Promise<CallSkillResult>;
    };
  const refresh = async (): Promise<void> => {
    const active = new Set(
      (await store.list())
        .filter((summary) => summary.activeVersion !== undefined)
        .map((summary) => summary.name),
    );
    for (const name of Object.keys(skills)) if (!active.has(name)) delete skills[name];
    for (const name of active) skills[name] ??= call(name);
  };
  await refresh();
  const watcher: StoreWatcher = store.watch({
    intervalMs: options.refreshIntervalMs ?? 500,
    // A failed refresh keeps the set it had; the next change tries again.
    onChange: () => void refresh().catch(() => undefined),
  });
  return {
    skills: skills as SkillFunctions<S>,
    refresh,
    get isClosed() {
      return watcher.isClosed;
    },
    close: () => watcher.close(),
    [Symbol.dispose]: () => watcher.close(),
  };
}

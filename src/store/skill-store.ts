import type { RunErrorCode } from '../../sandbox/index.js';
import { diffSkillVersions, type SkillDiff } from '../diff/index.js';
import { KnackError } from '../../core/index.js';
import type { StoreKeys } from './_keys.js';
import { defaultActor, flagVersion, moveStatus, reviewVersion } from './_lifecycle.js';
import { recordMaturityMove } from './_maturity-moves.js';
import { publishVersion } from './_publish-version.js';
import { countRun, readReliability, readRunWindow, runErrorCodes } from './_reliability.js';
import { RunBatch } from './_run-batch.js';
import { VersionCache } from './_version-cache.js';
import {
  activeRecord,
  latestRecord,
  readRecord,
  resolvedOf,
  resolveRef,
  statusOf,
  viewOf,
} from './_read-version.js';
import { readSkillState } from './_skill-state.js';
import type { StoreContext } from './_store-context.js';
import { assertSkillName, parseSkillRef } from './parse-skill-ref.js';
import { reviewRequirements, type ReviewPolicy, type ReviewRequirement } from './review-policy.js';
import type {
  HistoryEvent,
  OutcomeReport,
  PublishInput,
  Reliability,
  ResolvedVersion,
  RunWindow,
  SkillStatus,
  SkillVersion,
} from './skill-record.js';
import { readSnapshot, writeSnapshot, type SkillSnapshot } from './skill-snapshot.js';
import type {
  ChangeOptions,
  PublishOptions,
  PublishResult,
  ReviewOptions,
  FlagOptions,
  SkillStore,
  SkillSummary,
  MaturityMove,
  QueueRunOptions,
  RecordRunOptions,
  ReportOutcomeOptions,
  RunWindowOptions,
} from './skill-store-types.js';
import type { StoreChanges, StoreWatcher, WatchStoreOptions } from './store-change.js';
import { readChanges } from './_change-feed.js';
import { assertRunId, recordRunEntry, reportRunOutcome } from './_outcomes.js';
import { createStoreWatcher } from './_store-watcher.js';
import type { StoreBackend } from './backends/index.js';
import type { ResolvedSkill } from '../../compiler/index.js';

/** The store core over any `StoreBackend`; `openStore` builds it. */
export class KeyvSkillStore implements SkillStore {
  readonly backend: string;
  readonly location: string;
  readonly namespace: string;
  #backend: StoreBackend;
  #closing: Promise<void> | undefined;
  #context: StoreContext;
  #cache: VersionCache;
  #runs: RunBatch;

  constructor(
    backend: StoreBackend,
    keys: StoreKeys,
    namespace: string,
    policy: ReviewPolicy,
    now: () => Date = () => new Date(),
    timing: { cacheRefreshMs: number; runFlushIntervalMs: number } = {
      cacheRefreshMs: 500,
      runFlushIntervalMs: 1000,
    },
  ) {
    this.#backend = backend;
    this.backend = backend.name;
    this.location = backend.location;
    this.namespace = namespace;
    this.#context = {
      backend: () => {
        if (this.#closing)
          throw new KnackError('CLOSED', `[knack] [store/${this.backend}] The store is closed.`);
        return this.#backend;
      },
      keys,
      policy,
      location: backend.location,
      now,
    };
    this.#cache = new VersionCache(this.#context, timing.cacheRefreshMs);
    this.#runs = new RunBatch({
      backend,
      keys,
      intervalMs: timing.runFlushIntervalMs,
      // A batch that failed to write is lost (its runs only); the library does not log.
      onError: (error) =>
        process.emitWarning(`[knack] [store/${backend.name}] Counting runs failed: ${String(error)}`),
    });
  }

  /** Runs a change, then drops cached states so this process reads its own writes at once. */
  async #changing<T>(change: Promise<T>): Promise<T> {
    try {
      return await change;
    } finally {
      this.#cache.invalidate();
    }
  }

  get isClosed(): boolean {
    return this.#closing !== undefined;
  }

  async get(ref: string): Promise<SkillVersion> {
    // This process's queued runs are written first, so its counters read its own calls.
    if (this.#runs.hasQueued) await this.#runs.flush();
    const { record, state } = await resolveRef(this.#context, ref);
    return viewOf(this.#context, record, state);
  }

  async resolveSkill(name: string, version: number): Promise<ResolvedSkill | undefined> {
    assertSkillName(name);
    const record = await readRecord(this.#context, name, version);
    if (!record) return undefined;
    const { source, bundle, inputSchema, outputSchema } = record;
    return { name, version, source, bundle, inputSchema, outputSchema };
  }

  async publish(input: PublishInput, options: PublishOptions = {}): Promise<PublishResult> {
    return this.#changing(
      publishVersion(this.#context, input, options, async (ref, status) => {
        const change = { by: options.by, ...(options.note ? { note: options.note } : {}) };
        if (status) await moveStatus(this.#context, ref, status, 'status-changed', change);
      }),
    );
  }

  async setStatus(ref: string, status: SkillStatus, options: ChangeOptions = {}): Promise<HistoryEvent> {
    return this.#changing(moveStatus(this.#context, ref, status, 'status-changed', options));
  }

  async promote(ref: string, options: ChangeOptions = {}): Promise<HistoryEvent> {
    return this.#changing(moveStatus(this.#context, ref, 'active', 'status-changed', options));
  }

  async rollback(ref: string, options: ChangeOptions = {}): Promise<HistoryEvent> {
    const parsed = parseSkillRef(ref);
    if (parsed.selector !== 'version') {
      throw new KnackError(
        'INVALID_SKILL_REF',
        `Rollback needs an exact version (\`${parsed.name}@N\`), got \`${ref}\`.`,
      );
    }
    const state = await readSkillState(this.#context.backend(), this.#context.keys, parsed.name);
    if (state.activeVersion !== undefined && parsed.version > state.activeVersion) {
      throw new KnackError(
        'INVALID_STATUS_TRANSITION',
        `Rollback re-activates an older version; ${ref} is newer than the active ${parsed.name}@${state.activeVersion} (use \`knack promote\`).`,
      );
    }
    return this.#changing(moveStatus(this.#context, ref, 'active', 'rolled-back', options));
  }

  async review(ref: string, options: ReviewOptions): Promise<HistoryEvent> {
    return this.#changing(reviewVersion(this.#context, ref, options));
  }

  async flag(ref: string, options: FlagOptions): Promise<HistoryEvent> {
    return flagVersion(this.#context, ref, options);
  }

  async reviewRequirements(ref: string): Promise<ReviewRequirement[]> {
    const { record, state } = await resolveRef(this.#context, ref);
    const active = await activeRecord(this.#context, state);
    return reviewRequirements(record, active?.version === record.version ? undefined : active);
  }

  async recordRun(
    ref: string,
    result: { ok: boolean; error?: { code: RunErrorCode } },
    options: RecordRunOptions = {},
  ): Promise<Reliability> {
    const code = result.ok ? undefined : result.error?.code;
    if (code !== undefined && !(runErrorCodes as readonly string[]).includes(code)) {
      throw new KnackError('INVALID_ARGUMENT', `Unknown run error code \`${code}\`.`);
    }
    const { record } = await resolveRef(this.#context, ref);
    const { backend, keys } = { backend: this.#context.backend(), keys: this.#context.keys };
    if (options.runId !== undefined) {
      await recordRunEntry(this.#context, options.runId, {
        ref: `${record.name}@${record.version}`,
        ok: result.ok,
        ...(code === undefined ? {} : { code }),
        at: this.#context.now().toISOString(),
      });
    }
    await countRun(backend, keys, record.name, record.version, result, this.#context.now().getTime());
    return readReliability(backend, keys, record.name, record.version);
  }

  async resolve(ref: string): Promise<ResolvedVersion> {
    const { record, state } = await this.#cache.resolve(ref);
    return resolvedOf(record, state);
  }

  queueRun(
    ref: string,
    result: { ok: boolean; error?: { code: RunErrorCode } },
    options: QueueRunOptions = {},
  ): void {
    this.#context.backend(); // CLOSED after close()
    const parsed = parseSkillRef(ref);
    if (parsed.selector !== 'version')
      throw new KnackError(
        'INVALID_SKILL_REF',
        `queueRun counts an exact version (\`name@N\`), got \`${ref}\`.`,
      );
    const code = result.ok ? undefined : (result.error?.code ?? 'SKILL_THREW');
    if (code !== undefined && !(runErrorCodes as readonly string[]).includes(code))
      throw new KnackError('INVALID_ARGUMENT', `Unknown run error code \`${code}\`.`);
    if (options.runId !== undefined) assertRunId(options.runId);
    this.#runs.queue({
      name: parsed.name,
      version: parsed.version,
      ok: result.ok,
      ...(code === undefined ? {} : { code }),
      atMs: this.#context.now().getTime(),
      ...(options.runId === undefined ? {} : { runId: options.runId }),
    });
  }

  async flushRuns(): Promise<void> {
    this.#context.backend(); // CLOSED after close()
    await this.#runs.flush();
  }

  async runWindow(ref: string, options: RunWindowOptions): Promise<RunWindow> {
    const parsed = parseSkillRef(ref);
    if (parsed.selector !== 'version')
      throw new KnackError(
        'INVALID_SKILL_REF',
        `runWindow reads an exact version (\`name@N\`), got \`${ref}\`.`,
      );
    if (!Number.isFinite(options?.windowMs) || options.windowMs <= 0)
      throw new KnackError('INVALID_ARGUMENT', `runWindow: \`windowMs\` must be a positive number of ms.`, {
        where: { field: 'windowMs' },
      });
    return readRunWindow(this.#context.backend(), this.#context.keys, parsed.name, parsed.version, {
      windowMs: options.windowMs,
      nowMs: this.#context.now().getTime(),
    });
  }

  async recordMaturity(ref: string, move: MaturityMove): Promise<HistoryEvent> {
    return this.#changing(
      recordMaturityMove(this.#context, ref, { ...move, by: move?.by ?? defaultActor() }),
    );
  }

  async reportOutcome(options: ReportOutcomeOptions): Promise<OutcomeReport> {
    // A run counted by this process but not written yet is written first, so it can be judged.
    if (typeof options?.runId === 'string' && this.#runs.isPending(options.runId)) await this.#runs.flush();
    return reportRunOutcome(this.#context, options);
  }

  async history(name: string): Promise<HistoryEvent[]> {
    assertSkillName(name);
    const state = await readSkillState(this.#context.backend(), this.#context.keys, name, {
      fullHistory: true,
    });
    if (state.claimedVersions === 0)
      throw new KnackError('NOT_FOUND', `No skill named \`${name}\` in ${this.location}.`);
    return state.events;
  }

  async list(): Promise<SkillSummary[]> {
    const { keys } = this.#context;
    const names = (await this.#context.backend().keys(keys.namesPrefix))
      .map((key) => key.slice(keys.namesPrefix.length))
      .sort();
    const summaries: SkillSummary[] = [];
    for (const name of names) {
      const state = await readSkillState(this.#context.backend(), keys, name);
      const latest = await latestRecord(this.#context, state);
      if (!latest) continue; // a first publish that crashed before its record
      summaries.push({
        name,
        description: latest.description,
        latestVersion: latest.version,
        latestStatus: statusOf(latest, state),
        ...(state.activeVersion === undefined ? {} : { activeVersion: state.activeVersion }),
      });
    }
    return summaries;
  }

  async diff(fromRef: string, toRef: string): Promise<SkillDiff> {
    const [from, to] = await Promise.all([this.get(fromRef), this.get(toRef)]);
    return diffSkillVersions(from, to);
  }

  async snapshot(name: string): Promise<SkillSnapshot> {
    assertSkillName(name);
    if (this.#runs.hasQueued) await this.#runs.flush();
    return readSnapshot(this.#context.backend(), this.#context.keys, name);
  }

  async restore(snapshot: SkillSnapshot): Promise<void> {
    await this.#changing(writeSnapshot(this.#context.backend(), this.#context.keys, snapshot));
  }

  async changes(options: { since?: number } = {}): Promise<StoreChanges> {
    return readChanges(this.#context.backend(), this.#context.keys, options.since ?? 0);
  }

  watch(options: WatchStoreOptions): StoreWatcher {
    this.#context.backend(); // CLOSED after close()
    return createStoreWatcher(
      (since) => readChanges(this.#context.backend(), this.#context.keys, since),
      options,
    );
  }

  /** Stops the cache, writes the queued runs, then releases the backend (which it does even if the write fails). */
  async close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#cache.close();
      try {
        await this.#runs.flush();
      } finally {
        await this.#backend.close();
      }
    })();
    await this.#closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

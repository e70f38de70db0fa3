import type { RunErrorCode } from '../../sandbox/index.js';
import { diffSkillVersions, type SkillDiff } from '../diff/index.js';
import { KnackError } from '../../core/index.js';
import type { StoreKeys } from './_keys.js';
import { flagVersion, moveStatus, reviewVersion } from './_lifecycle.js';
import { publishVersion } from './_publish-version.js';
import { countRun, readReliability, runErrorCodes } from './_reliability.js';
import { activeRecord, latestRecord, readRecord, resolveRef, statusOf, viewOf } from './_read-version.js';
import { readSkillState } from './_skill-state.js';
import type { StoreContext } from './_store-context.js';
import { assertSkillName, parseSkillRef } from './parse-skill-ref.js';
import { reviewRequirements, type ReviewPolicy, type ReviewRequirement } from './review-policy.js';
import type {
  HistoryEvent,
  OutcomeReport,
  PublishInput,
  Reliability,
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
  RecordRunOptions,
  ReportOutcomeOptions,
} from './skill-store-types.js';
import type { StoreChanges, StoreWatcher, WatchStoreOptions } from './store-change.js';
import { readChanges } from './_change-feed.js';
import { recordRunEntry, reportRunOutcome } from './_outcomes.js';
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

  constructor(
    backend: StoreBackend,
    keys: StoreKeys,
    namespace: string,
    policy: ReviewPolicy,
    now: () => Date = () => new Date(),
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
  }

  get isClosed(): boolean {
    return this.#closing !== undefined;
  }

  async get(ref: string): Promise<SkillVersion> {
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
    return publishVersion(this.#context, input, options, async (ref, status) => {
      const change = { by: options.by, ...(options.note ? { note: options.note } : {}) };
      if (status) await moveStatus(this.#context, ref, status, 'status-changed', change);
    });
  }

  async setStatus(ref: string, status: SkillStatus, options: ChangeOptions = {}): Promise<HistoryEvent> {
    return moveStatus(this.#context, ref, status, 'status-changed', options);
  }

  async promote(ref: string, options: ChangeOptions = {}): Promise<HistoryEvent> {
    return moveStatus(this.#context, ref, 'active', 'status-changed', options);
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
    return moveStatus(this.#context, ref, 'active', 'rolled-back', options);
  }

  async review(ref: string, options: ReviewOptions): Promise<HistoryEvent> {
    return reviewVersion(this.#context, ref, options);
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
    await countRun(backend, keys, record.name, record.version, result);
    return readReliability(backend, keys, record.name, record.version);
  }

  async reportOutcome(options: ReportOutcomeOptions): Promise<OutcomeReport> {
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
    return readSnapshot(this.#context.backend(), this.#context.keys, name);
  }

  async restore(snapshot: SkillSnapshot): Promise<void> {
    await writeSnapshot(this.#context.backend(), this.#context.keys, snapshot);
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

  async close(): Promise<void> {
    this.#closing ??= this.#backend.close();
    await this.#closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

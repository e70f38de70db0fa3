import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import type { JsonSchema, RunErrorCode } from '../../sandbox/index.js';
import { diffSkillVersions, type SkillDiff } from '../diff/index.js';
import { KnackError } from '../errors.js';
import { formatIssues } from '../../sandbox/index.js';
import type { StoreKeys } from './_keys.js';
import { validatePublishInput } from './_record-schemas.js';
import { countRun, readReliability, runErrorCodes } from './_reliability.js';
import { appendEvent, parseRecord, readSkillState, type SkillState } from './_skill-state.js';
import { readSnapshot, writeSnapshot, type SkillSnapshot } from './skill-snapshot.js';
import { assertTransition } from './_transitions.js';
import { assertSkillName, formatSkillRef, parseSkillRef } from './parse-skill-ref.js';
import {
  assertActivation,
  checkActivation,
  reviewRequirements,
  type ReviewPolicy,
  type ReviewRequirement,
} from './review-policy.js';
import type {
  HistoryEvent,
  PublishInput,
  Reliability,
  SkillStatus,
  SkillVersion,
  SkillVersionRecord,
} from './skill-record.js';
import type { StoreBackend } from './store-backend.js';
import type {
  ChangeOptions,
  PublishOptions,
  PublishResult,
  ResolvedSkill,
  ReviewOptions,
  SkillStore,
  SkillSummary,
} from './skill-store-types.js';

function defaultActor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    // no passwd entry (some containers): the history still needs a name
    return 'unknown';
  }
}

function contentHashOf(source: string): string {
  return `sha256:${createHash('sha256').update(source).digest('hex')}`;
}

/** The store core over any `StoreBackend`; `openStore` builds it. */
export class KeyvSkillStore implements SkillStore {
  readonly backend: string;
  readonly location: string;
  readonly namespace: string;
  #backend: StoreBackend;
  #keys: StoreKeys;
  #policy: ReviewPolicy;
  #closing: Promise<void> | undefined;

  constructor(backend: StoreBackend, keys: StoreKeys, namespace: string, policy: ReviewPolicy) {
    this.#backend = backend;
    this.#keys = keys;
    this.#policy = policy;
    this.backend = backend.name;
    this.location = backend.location;
    this.namespace = namespace;
  }

  get isClosed(): boolean {
    return this.#closing !== undefined;
  }

  #open(): StoreBackend {
    if (this.#closing) throw new KnackError('CLOSED', `[knack] [store/${this.backend}] The store is closed.`);
    return this.#backend;
  }

  async #record(name: string, version: number): Promise<SkillVersionRecord | undefined> {
    const key = this.#keys.version(name, version);
    const text = await this.#open().get(key);
    return text === undefined ? undefined : parseRecord(text, key);
  }

  async #latest(state: SkillState): Promise<SkillVersionRecord | undefined> {
    // Numbers claimed by a publish that crashed have no record: skip down to the newest whole one.
    for (let version = state.claimedVersions; version >= 1; version--) {
      const record = await this.#record(state.name, version);
      if (record) return record;
    }
    return undefined;
  }

  async #resolve(ref: string): Promise<{ record: SkillVersionRecord; state: SkillState }> {
    const parsed = parseSkillRef(ref);
    const state = await readSkillState(this.#open(), this.#keys, parsed.name);
    let record: SkillVersionRecord | undefined;
    if (parsed.selector === 'version') record = await this.#record(parsed.name, parsed.version);
    else if (parsed.selector === 'latest') record = await this.#latest(state);
    else if (state.activeVersion !== undefined) record = await this.#record(parsed.name, state.activeVersion);
    if (record) return { record, state };
    if (state.claimedVersions === 0)
      throw new KnackError('NOT_FOUND', `No skill named \`${parsed.name}\` in ${this.location}.`);
    if (parsed.selector === 'active') {
      throw new KnackError(
        'NOT_FOUND',
        `\`${parsed.name}\` has no active version; use \`${parsed.name}@latest\` or promote one (\`knack promote ${parsed.name}@N\`).`,
      );
    }
    throw new KnackError(
      'NOT_FOUND',
      `\`${ref}\` does not exist; \`${parsed.name}\` has versions up to ${state.claimedVersions}.`,
    );
  }

  #statusOf(record: SkillVersionRecord, state: SkillState): SkillStatus {
    return state.statuses.get(record.version) ?? record.initialStatus;
  }

  async #view(record: SkillVersionRecord, state: SkillState): Promise<SkillVersion> {
    const reliability = await readReliability(this.#open(), this.#keys, record.name, record.version);
    const review = state.reviews.get(record.version);
    return { ...record, status: this.#statusOf(record, state), ...(review ? { review } : {}), reliability };
  }

  async get(ref: string): Promise<SkillVersion> {
    const { record, state } = await this.#resolve(ref);
    return this.#view(record, state);
  }

  async resolveSkill(name: string, version: number): Promise<ResolvedSkill | undefined> {
    assertSkillName(name);
    const record = await this.#record(name, version);
    if (!record) return undefined;
    const { source, bundle, inputSchema, outputSchema } = record;
    return {
      name,
      version,
      source,
      bundle,
      inputSchema: inputSchema as JsonSchema,
      outputSchema: outputSchema as JsonSchema,
    };
  }

  async publish(input: PublishInput, options: PublishOptions = {}): Promise<PublishResult> {
    const backend = this.#open();
    const checked = validatePublishInput(input);
    if (!checked.ok)
      throw new KnackError(
        'INVALID_RECORD',
        `Cannot publish skill \`${String((input as { name?: unknown })?.name)}\`: ${formatIssues(checked.issues)}.`,
      );
    const { status: wanted, ...compiled } = checked.value;
    const { name } = compiled;
    const contentHash = contentHashOf(compiled.source);
    const existing = await backend.get(this.#keys.contentHash(name, contentHash));
    if (existing !== undefined) {
      const version = await this.get(formatSkillRef(name, Number(existing)));
      return {
        ref: formatSkillRef(name, version.version),
        version: version.version,
        status: version.status,
        isNew: false,
      };
    }
    const initialStatus: SkillStatus = compiled.verification.isVerified ? 'verified' : 'draft';
    if (wanted === 'verified' && initialStatus === 'draft')
      assertTransition(name, 'draft', 'verified', false);
    const state = await readSkillState(backend, this.#keys, name);
    const by = options.by ?? defaultActor();
    if (wanted === 'active')
      await this.#assertCanActivate(
        { ...compiled, version: state.claimedVersions + 1, contentHash, initialStatus, createdAt: '' },
        state,
      );
    await backend.set(this.#keys.name(name), name);
    // Record first, then the hash index and the history: a crash leaves a whole version or a bare number.
    const version = await backend.claimVersion(this.#keys.versionCounter(name));
    const record: SkillVersionRecord = {
      ...compiled,
      version,
      contentHash,
      initialStatus,
      createdAt: new Date().toISOString(),
    };
    if (!(await backend.add(this.#keys.version(name, version), JSON.stringify(record)))) {
      throw new KnackError(
        'STORE_CORRUPT',
        `[knack] [store] \`${this.#keys.version(name, version)}\` already exists; its version counter went back.`,
      );
    }
    await backend.add(this.#keys.contentHash(name, contentHash), String(version));
    await appendEvent(backend, this.#keys, name, {
      kind: 'published',
      version,
      status: initialStatus,
      by,
      at: record.createdAt,
      ...(options.note ? { note: options.note } : {}),
    });
    const ref = formatSkillRef(name, version);
    if (wanted === 'active') await this.promote(ref, { by, ...(options.note ? { note: options.note } : {}) });
    if (wanted === 'deprecated') await this.setStatus(ref, 'deprecated', { by });
    return { ref, version, status: wanted ?? initialStatus, isNew: true };
  }

  async #assertCanActivate(record: SkillVersionRecord, state: SkillState): Promise<boolean> {
    const active =
      state.activeVersion === undefined ? undefined : await this.#record(state.name, state.activeVersion);
    const check = checkActivation(record, active, state.reviews.get(record.version), this.#policy);
    assertActivation(check);
    return check.isAutoApproved;
  }

  async setStatus(ref: string, status: SkillStatus, options: ChangeOptions = {}): Promise<HistoryEvent> {
    return this.#move(ref, status, 'status-changed', options);
  }

  async promote(ref: string, options: ChangeOptions = {}): Promise<HistoryEvent> {
    return this.#move(ref, 'active', 'status-changed', options);
  }

  async rollback(ref: string, options: ChangeOptions = {}): Promise<HistoryEvent> {
    const parsed = parseSkillRef(ref);
    if (parsed.selector !== 'version')
      throw new KnackError(
        'INVALID_SKILL_REF',
        `Rollback needs an exact version (\`${parsed.name}@N\`), got \`${ref}\`.`,
      );
    const state = await readSkillState(this.#open(), this.#keys, parsed.name);
    if (state.activeVersion !== undefined && parsed.version > state.activeVersion) {
      throw new KnackError(
        'INVALID_STATUS_TRANSITION',
        `Rollback re-activates an older version; ${ref} is newer than the active ${parsed.name}@${state.activeVersion} (use \`knack promote\`).`,
      );
    }
    return this.#move(ref, 'active', 'rolled-back', options);
  }

  async #move(
    ref: string,
    status: SkillStatus,
    kind: 'status-changed' | 'rolled-back',
    options: ChangeOptions,
  ): Promise<HistoryEvent> {
    const { record, state } = await this.#resolve(ref);
    const exact = formatSkillRef(record.name, record.version);
    const previousStatus = this.#statusOf(record, state);
    assertTransition(exact, previousStatus, status, record.verification.isVerified);
    const by = options.by ?? defaultActor();
    if (status === 'active' && (await this.#assertCanActivate(record, state))) {
      await appendEvent(this.#open(), this.#keys, record.name, {
        kind: 'reviewed',
        version: record.version,
        decision: 'approve',
        by: 'policy:auto-approve',
        at: new Date().toISOString(),
        note: 'permissions did not grow and replay passed',
      });
    }
    const supersedes = status === 'active' ? state.activeVersion : undefined;
    return appendEvent(this.#open(), this.#keys, record.name, {
      kind,
      version: record.version,
      status,
      previousStatus,
      ...(supersedes === undefined ? {} : { supersedes }),
      by,
      at: new Date().toISOString(),
      ...(options.note ? { note: options.note } : {}),
    });
  }

  async review(ref: string, options: ReviewOptions): Promise<HistoryEvent> {
    if (options.decision !== 'approve' && options.decision !== 'reject')
      throw new KnackError(
        'INVALID_ARGUMENT',
        `A review decision is \`approve\` or \`reject\`, got \`${String(options.decision)}\`.`,
      );
    if (!options.by?.trim())
      throw new KnackError('INVALID_ARGUMENT', 'A review needs a reviewer: pass `by` (`--by WHO`).');
    const { record } = await this.#resolve(ref);
    return appendEvent(this.#open(), this.#keys, record.name, {
      kind: 'reviewed',
      version: record.version,
      decision: options.decision,
      by: options.by,
      at: new Date().toISOString(),
      ...(options.note ? { note: options.note } : {}),
    });
  }

  async reviewRequirements(ref: string): Promise<ReviewRequirement[]> {
    const { record, state } = await this.#resolve(ref);
    const active =
      state.activeVersion === undefined ? undefined : await this.#record(state.name, state.activeVersion);
    return reviewRequirements(record, active?.version === record.version ? undefined : active);
  }

  async recordRun(
    ref: string,
    result: { ok: boolean; error?: { code: RunErrorCode } },
  ): Promise<Reliability> {
    const code = result.ok ? undefined : result.error?.code;
    if (code !== undefined && !(runErrorCodes as readonly string[]).includes(code))
      throw new KnackError('INVALID_ARGUMENT', `Unknown run error code \`${code}\`.`);
    const { record } = await this.#resolve(ref);
    await countRun(this.#open(), this.#keys, record.name, record.version, result);
    return readReliability(this.#open(), this.#keys, record.name, record.version);
  }

  async history(name: string): Promise<HistoryEvent[]> {
    assertSkillName(name);
    const state = await readSkillState(this.#open(), this.#keys, name);
    if (state.claimedVersions === 0)
      throw new KnackError('NOT_FOUND', `No skill named \`${name}\` in ${this.location}.`);
    return state.events;
  }

  async list(): Promise<SkillSummary[]> {
    const keys = await this.#open().keys(this.#keys.namesPrefix);
    const names = keys.map((key) => key.slice(this.#keys.namesPrefix.length)).sort();
    const summaries: SkillSummary[] = [];
    for (const name of names) {
      const state = await readSkillState(this.#open(), this.#keys, name);
      const latest = await this.#latest(state);
      if (!latest) continue; // a first publish that crashed before its record
      summaries.push({
        name,
        description: latest.description,
        latestVersion: latest.version,
        latestStatus: this.#statusOf(latest, state),
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
    return readSnapshot(this.#open(), this.#keys, name);
  }

  async restore(snapshot: SkillSnapshot): Promise<void> {
    await writeSnapshot(this.#open(), this.#keys, snapshot);
  }

  async close(): Promise<void> {
    this.#closing ??= this.#backend.close();
    await this.#closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

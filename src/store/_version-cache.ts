// Resolved versions kept in memory for the call path. Records never change once written, so they
// are kept by `name@N`; a skill's folded state (active version, statuses, reviews) is kept by
// name until the change feed, polled every `refreshMs`, reports a change to that skill from any
// process (this process's own changes drop it at once). A state read that a change overtook is
// not kept, and a feed read that skipped entries drops every state.
import { notFound } from './_read-version.js';
import { readChanges, readSequence } from './_change-feed.js';
import { parseRecord, readSkillState, type SkillState } from './_skill-state.js';
import type { StoreContext } from './_store-context.js';
import { parseSkillRef } from './parse-skill-ref.js';
import type { SkillVersionRecord } from './skill-record.js';

/** Records kept at most; the oldest read goes first. */
const maxRecords = 500;

export class VersionCache {
  readonly #context: StoreContext;
  readonly #refreshMs: number;
  #records = new Map<string, SkillVersionRecord>();
  #states = new Map<string, SkillState>();
  /** Moves on every invalidation, so a read that started before one is not kept. */
  #epoch = 0;
  #since: number | undefined;
  #starting: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #isPolling = false;

  constructor(context: StoreContext, refreshMs: number) {
    this.#context = context;
    this.#refreshMs = refreshMs;
  }

  /** Resolves `name`, `name@N` or `name@latest`. @throws KnackError NOT_FOUND, INVALID_SKILL_REF, CLOSED. */
  async resolve(ref: string): Promise<{ record: SkillVersionRecord; state: SkillState }> {
    const parsed = parseSkillRef(ref);
    this.#context.backend(); // CLOSED after close()
    // A failed start (store unreachable) is tried again by the next call.
    this.#starting ??= this.#start().catch((error: unknown) => {
      this.#starting = undefined;
      throw error;
    });
    await this.#starting;
    const state = this.#states.get(parsed.name) ?? (await this.#readState(parsed.name));
    let record: SkillVersionRecord | undefined;
    if (parsed.selector === 'version') record = await this.#record(parsed.name, parsed.version);
    else if (parsed.selector === 'active')
      record =
        state.activeVersion === undefined ? undefined : await this.#record(parsed.name, state.activeVersion);
    else
      for (let version = state.claimedVersions; version >= 1 && !record; version--)
        record = await this.#record(parsed.name, version);
    if (!record) throw notFound(this.#context, ref, state, parsed.selector);
    return { record, state };
  }

  /** Drops the state of `name` (every state without a name). */
  invalidate(name?: string): void {
    this.#epoch++;
    if (name === undefined) this.#states.clear();
    else this.#states.delete(name);
  }

  close(): void {
    clearInterval(this.#timer);
    this.#states.clear();
    this.#records.clear();
  }

  async #start(): Promise<void> {
    // The sequence is read before any state, so every later change is seen by the poll.
    this.#since = await readSequence(this.#context.backend(), this.#context.keys);
    this.#timer = setInterval(() => void this.#poll(), this.#refreshMs).unref();
  }

  async #poll(): Promise<void> {
    if (this.#isPolling || this.#since === undefined) return;
    this.#isPolling = true;
    try {
      const since = this.#since;
      const { sequence, changes } = await readChanges(this.#context.backend(), this.#context.keys, since);
      if (sequence <= since) return;
      if (changes.length === sequence - since) for (const change of changes) this.invalidate(change.name);
      else this.invalidate();
      this.#since = sequence;
    } catch {
      // An unreachable store keeps nothing, so callers read afresh (and see the error).
      this.invalidate();
    } finally {
      this.#isPolling = false;
    }
  }

  async #readState(name: string): Promise<SkillState> {
    const epoch = this.#epoch;
    const state = await readSkillState(this.#context.backend(), this.#context.keys, name);
    if (epoch === this.#epoch) this.#states.set(name, state);
    return state;
  }

  async #record(name: string, version: number): Promise<SkillVersionRecord | undefined> {
    const ref = `${name}@${version}`;
    const cached = this.#records.get(ref);
    if (cached) return cached;
    const key = this.#context.keys.version(name, version);
    const text = await this.#context.backend().get(key);
    if (text === undefined) return undefined;
    const record = parseRecord(text, key);
    if (this.#records.size >= maxRecords) this.#records.delete(this.#records.keys().next().value as string);
    this.#records.set(ref, record);
    return record;
  }
}

import { createHash } from 'node:crypto';
import { formatIssues, KnackError } from '../../core/index.js';
import { buildRecord } from './_build-record.js';
import { assertCanActivate, defaultActor } from './_lifecycle.js';
import { validatePublishInput } from './_record-schemas.js';
import { readRecord, statusOf } from './_read-version.js';
import { appendEvent, readSkillState, type SkillState } from './_skill-state.js';
import type { StoreContext } from './_store-context.js';
import { assertTransition } from './_transitions.js';
import { formatSkillRef } from './parse-skill-ref.js';
import type { PublishInput, SkillStatus, SkillVersionRecord } from './skill-record.js';
import type { PublishOptions, PublishResult } from './skill-store-types.js';

function parseInput(input: PublishInput): PublishInput {
  const checked = validatePublishInput(input);
  if (checked.ok) return checked.value;
  const name =
    typeof input === 'object' && input !== null ? String((input as { name?: unknown }).name) : String(input);
  throw new KnackError(
    'INVALID_RECORD',
    `Cannot publish skill \`${name}\`: ${formatIssues(checked.issues)}.`,
  );
}

/**
 * Stores the next version. Order matters for crash safety: claim the number, write the whole
 * record, then the hash index and the history event; a crash leaves a whole version or a bare
 * number readers skip.
 */
async function existingVersion(
  context: StoreContext,
  name: string,
  pointer: string | undefined,
  waitMs: number,
): Promise<SkillVersionRecord | undefined> {
  if (pointer === undefined) return undefined;
  // The pointer is written before the record: another writer may still be writing it.
  for (let waitedMs = 0; ; waitedMs += 20) {
    const record = await readRecord(context, name, Number(pointer));
    if (record || waitedMs >= waitMs) return record;
    await new Promise((done) => setTimeout(done, 20));
  }
}

/**
 * Claims the content hash for `version`. When a concurrent writer of the same source won,
 * returns its version once its record is readable; our number then stays a bare claimed number
 * that readers skip. A pointer whose record never appears (its writer died) is taken over.
 */
async function claimContent(
  context: StoreContext,
  name: string,
  hashKey: string,
  version: number,
  stalePointer: string | undefined,
): Promise<SkillVersionRecord | undefined> {
  const backend = context.backend();
  if (stalePointer !== undefined) {
    await backend.set(hashKey, String(version));
    return undefined;
  }
  if (await backend.add(hashKey, String(version))) return undefined;
  const winner = await existingVersion(context, name, await backend.get(hashKey), 2000);
  if (winner) return winner;
  await backend.set(hashKey, String(version));
  return undefined;
}

function existingResult(record: SkillVersionRecord, state: SkillState): PublishResult {
  const ref = formatSkillRef(record.name, record.version);
  return { ref, version: record.version, status: statusOf(record, state), isNew: false };
}

/**
 * Stores the next version. Order matters for crash safety: claim the number and the content
 * hash, write the whole record, then the history event; a crash leaves a whole version or a
 * bare number readers skip.
 */
export async function publishVersion(
  context: StoreContext,
  input: PublishInput,
  options: PublishOptions,
  afterPublish: (ref: string, status: SkillStatus | undefined) => Promise<void>,
): Promise<PublishResult> {
  const { status: wanted, ...compiled } = parseInput(input);
  const { name } = compiled;
  const backend = context.backend();
  const contentHash = `sha256:${createHash('sha256').update(compiled.source).digest('hex')}`;
  const hashKey = context.keys.contentHash(name, contentHash);
  const pointer = await backend.get(hashKey);
  const state = await readSkillState(backend, context.keys, name);
  const stored = await existingVersion(context, name, pointer, 2000);
  if (stored) return existingResult(stored, state);
  const initialStatus: SkillStatus = compiled.verification.isVerified ? 'verified' : 'draft';
  if (wanted === 'verified' && initialStatus === 'draft') assertTransition(name, 'draft', 'verified', false);
  const createdAt = context.now().toISOString();
  if (wanted === 'active') {
    // Refuse before writing anything: a publish that throws must not leave a version behind.
    const identity = { version: state.claimedVersions + 1, contentHash, initialStatus, createdAt };
    await assertCanActivate(context, buildRecord(compiled, identity), state);
  }
  await backend.set(context.keys.name(name), name);
  const version = await backend.claimVersion(context.keys.versionCounter(name));
  const winner = await claimContent(context, name, hashKey, version, pointer);
  if (winner) return existingResult(winner, await readSkillState(backend, context.keys, name));
  const record = buildRecord(compiled, { version, contentHash, initialStatus, createdAt });
  if (!(await backend.add(context.keys.version(name, version), JSON.stringify(record)))) {
    throw new KnackError(
      'STORE_CORRUPT',
      `[knack] [store] \`${context.keys.version(name, version)}\` already exists; its version counter went back.`,
    );
  }
  const by = options.by ?? defaultActor();
  const note = options.note ? { note: options.note } : {};
  await appendEvent(backend, context.keys, name, {
    kind: 'published',
    version,
    status: initialStatus,
    by,
    at: createdAt,
    ...note,
  });
  const ref = formatSkillRef(name, version);
  if (wanted !== undefined && wanted !== initialStatus) await afterPublish(ref, wanted);
  return { ref, version, status: wanted ?? initialStatus, isNew: true };
}

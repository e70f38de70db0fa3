import { createHash } from 'node:crypto';
import { formatIssues } from '../../sandbox/index.js';
import { KnackError } from '../errors.js';
import { buildRecord } from './_build-record.js';
import { assertCanActivate, defaultActor } from './_lifecycle.js';
import { validatePublishInput } from './_record-schemas.js';
import { readRecord, statusOf } from './_resolve-ref.js';
import { appendEvent, readSkillState } from './_skill-state.js';
import type { StoreContext } from './_store-context.js';
import { assertTransition } from './_transitions.js';
import { formatSkillRef } from './parse-skill-ref.js';
import type { PublishInput, SkillStatus } from './skill-record.js';
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
  const existing = await backend.get(context.keys.contentHash(name, contentHash));
  const state = await readSkillState(backend, context.keys, name);
  const stored = existing === undefined ? undefined : await readRecord(context, name, Number(existing));
  if (stored)
    return {
      ref: formatSkillRef(name, stored.version),
      version: stored.version,
      status: statusOf(stored, state),
      isNew: false,
    };
  const initialStatus: SkillStatus = compiled.verification.isVerified ? 'verified' : 'draft';
  if (wanted === 'verified' && initialStatus === 'draft') assertTransition(name, 'draft', 'verified', false);
  const createdAt = new Date().toISOString();
  if (wanted === 'active') {
    // Refuse before writing anything: a publish that throws must not leave a version behind.
    const candidate = buildRecord(compiled, {
      version: state.claimedVersions + 1,
      contentHash,
      initialStatus,
      createdAt,
    });
    await assertCanActivate(context, candidate, state);
  }
  await backend.set(context.keys.name(name), name);
  const version = await backend.claimVersion(context.keys.versionCounter(name));
  const record = buildRecord(compiled, { version, contentHash, initialStatus, createdAt });
  if (!(await backend.add(context.keys.version(name, version), JSON.stringify(record)))) {
    throw new KnackError(
      'STORE_CORRUPT',
      `[knack] [store] \`${context.keys.version(name, version)}\` already exists; its version counter went back.`,
    );
  }
  await backend.add(context.keys.contentHash(name, contentHash), String(version));
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

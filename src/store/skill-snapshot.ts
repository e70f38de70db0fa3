import { createHash } from 'node:crypto';
import { formatIssues, KnackError } from '../../core/index.js';
import type { StoreKeys } from './_keys.js';
import { recordChange } from './_change-feed.js';
import { validateEvent, validateRecord } from './_record-schemas.js';
import { readReliability, restoreReliability } from './_reliability.js';
import { parseRecord, readSkillState, refreshHead } from './_skill-state.js';
import type { HistoryEvent, Reliability, SkillVersionRecord } from './skill-record.js';
import type { StoreBackend } from './backends/index.js';

/** Everything stored about one skill: records with their run counters, history, and counters. */
export interface SkillSnapshot {
  name: string;
  /** Version numbers claimed (a crashed publish leaves a number without a record). */
  claimedVersions: number;
  claimedEvents: number;
  versions: (SkillVersionRecord & { reliability: Reliability })[];
  history: HistoryEvent[];
}

/** Reads a skill's snapshot. @throws KnackError NOT_FOUND. */
export async function readSnapshot(
  backend: StoreBackend,
  keys: StoreKeys,
  name: string,
): Promise<SkillSnapshot> {
  const state = await readSkillState(backend, keys, name, { fullHistory: true });
  if (state.claimedVersions === 0)
    throw new KnackError('NOT_FOUND', `No skill named \`${name}\` in ${backend.location}.`);
  const versionKeys = Array.from({ length: state.claimedVersions }, (_, index) =>
    keys.version(name, index + 1),
  );
  const texts = await backend.getMany(versionKeys);
  const versions: SkillSnapshot['versions'] = [];
  for (const [index, text] of texts.entries()) {
    if (text === undefined) continue;
    const record = parseRecord(text, versionKeys[index] ?? '');
    versions.push({ ...record, reliability: await readReliability(backend, keys, name, record.version) });
  }
  return {
    name,
    claimedVersions: state.claimedVersions,
    claimedEvents: state.claimedEvents,
    versions,
    history: state.events,
  };
}

function assertWhole(snapshot: SkillSnapshot): void {
  const where = `snapshot of \`${snapshot.name}\``;
  for (const version of snapshot.versions) {
    const { reliability: _reliability, ...record } = version;
    const checked = validateRecord(record);
    if (!checked.ok)
      throw new KnackError(
        'INVALID_RECORD',
        `${where}, version ${version.version}: ${formatIssues(checked.issues)}.`,
      );
    const hash = `sha256:${createHash('sha256').update(record.source).digest('hex')}`;
    if (record.name !== snapshot.name || hash !== record.contentHash) {
      throw new KnackError(
        'INVALID_RECORD',
        `${where}, version ${version.version}: the source does not match its content hash (edited after export?).`,
      );
    }
  }
  for (const event of snapshot.history) {
    const checked = validateEvent(event);
    if (!checked.ok)
      throw new KnackError(
        'INVALID_RECORD',
        `${where}, history event ${event.number}: ${formatIssues(checked.issues)}.`,
      );
  }
}

/**
 * Writes a snapshot into a store that does not hold the skill yet. Records and events first,
 * counters last, so a crash mid-way leaves nothing visible and the import can be rerun.
 * @throws KnackError ALREADY_EXISTS, INVALID_RECORD.
 */
export async function writeSnapshot(
  backend: StoreBackend,
  keys: StoreKeys,
  snapshot: SkillSnapshot,
): Promise<void> {
  assertWhole(snapshot);
  const { name } = snapshot;
  const state = await readSkillState(backend, keys, name);
  if (state.claimedVersions > 0) {
    throw new KnackError(
      'ALREADY_EXISTS',
      `\`${name}\` already has versions in ${backend.location}; import into a store without it.`,
    );
  }
  await backend.set(keys.name(name), name);
  for (const { reliability, ...record } of snapshot.versions) {
    await backend.set(keys.version(name, record.version), JSON.stringify(record));
    await backend.set(keys.contentHash(name, record.contentHash), String(record.version));
    await restoreReliability(backend, keys, name, record.version, reliability);
  }
  for (const event of snapshot.history)
    await backend.set(keys.event(name, event.number), JSON.stringify(event));
  const maxEvent = Math.max(snapshot.claimedEvents, ...snapshot.history.map((event) => event.number));
  const maxVersion = Math.max(
    snapshot.claimedVersions,
    ...snapshot.versions.map((version) => version.version),
  );
  await backend.set(keys.eventCounter(name), String(maxEvent));
  await backend.set(keys.versionCounter(name), String(maxVersion));
  await refreshHead(backend, keys, name);
  await recordChange(backend, keys, { kind: 'restored', name, version: maxVersion });
}

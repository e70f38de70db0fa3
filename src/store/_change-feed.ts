// The store's change feed: one namespace-wide sequence number, claimed atomically for every
// change (a history event, a restore), and one entry per number. Every backend can poll it with
// a single `get`, so every process sees another's change within one polling interval.
import { safeParseJson } from '../../core/index.js';
import type { StoreKeys } from './_keys.js';
import type { StoreBackend } from './backends/index.js';
import type { StoreChange, StoreChanges } from './store-change.js';

/** Most entries one read returns; a reader further behind learns the sequence moved and re-reads state. */
const maxEntriesPerRead = 1000;

/** Claims the next sequence number and writes the change under it. */
export async function recordChange(
  backend: StoreBackend,
  keys: StoreKeys,
  change: Omit<StoreChange, 'sequence'>,
): Promise<void> {
  const sequence = await backend.claimVersion(keys.changeCounter);
  await backend.add(keys.change(sequence), JSON.stringify({ sequence, ...change }));
}

/** The current sequence number (0 before any change). */
export async function readSequence(backend: StoreBackend, keys: StoreKeys): Promise<number> {
  const text = await backend.get(keys.changeCounter);
  return text === undefined ? 0 : Number(text);
}

/**
 * The changes after `since`. A number claimed by a writer that has not written its entry yet (or
 * crashed) has no entry: `sequence` still moved, and the entry is left out.
 */
export async function readChanges(
  backend: StoreBackend,
  keys: StoreKeys,
  since: number,
): Promise<StoreChanges> {
  const sequence = await readSequence(backend, keys);
  const from = Math.max(since + 1, sequence - maxEntriesPerRead + 1);
  if (from > sequence) return { sequence, changes: [] };
  const numbers = Array.from({ length: sequence - from + 1 }, (_, index) => from + index);
  const texts = await backend.getMany(numbers.map((number) => keys.change(number)));
  const changes = texts.flatMap((text) => {
    const parsed = text === undefined ? undefined : safeParseJson<StoreChange>(text);
    return parsed?.ok ? [parsed.value] : [];
  });
  return { sequence, changes };
}

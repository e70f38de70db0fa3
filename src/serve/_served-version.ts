import { KnackError } from '../../core/index.js';
import type { SkillStore, SkillVersion } from '../store/index.js';

function isNotFound(error: unknown): boolean {
  return KnackError.isInstance(error) && error.code === 'NOT_FOUND';
}

/**
 * The version a bare skill name offers to the serve policy: the active one, else the newest (so a
 * policy may serve a verified version no one activated). Undefined when the skill does not exist.
 */
export async function candidateVersion(store: SkillStore, name: string): Promise<SkillVersion | undefined> {
  for (const ref of [name, `${name}@latest`]) {
    try {
      return await store.get(ref);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return undefined;
}

/** Reads `name@N` as given, or a bare name's candidate version. @throws KnackError NOT_FOUND. */
export async function readServedRef(store: SkillStore, ref: string): Promise<SkillVersion> {
  if (ref.includes('@')) return store.get(ref);
  const skill = await candidateVersion(store, ref);
  if (!skill) return store.get(ref);
  return skill;
}

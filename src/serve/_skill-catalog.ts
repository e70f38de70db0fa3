import { createSkillIndex, type SkillIndex, type SkillSearchHit } from '../search/index.js';
import type { SkillStore, SkillVersion, StoreWatcher } from '../store/index.js';
import { candidateVersion } from './_served-version.js';
import type { ServePolicy } from './serve-policy.js';

/** Which served skills are also MCP tools of their own. */
export type SkillExposure = 'none' | 'all' | { top: number };

export interface SkillCatalogOptions {
  store: SkillStore;
  policy: ServePolicy;
  expose: SkillExposure;
  watchIntervalMs: number;
  onError: (error: unknown) => void;
}

/**
 * The served skills of one store, shared by every MCP session of a server: the active versions
 * the policy allows, a warm search index over them, and the subset exposed as tools. Kept fresh
 * by the store's change feed, so a promote in another process reaches every session.
 */
export interface SkillCatalog {
  /** Served skills by name (the active version, else the newest, when the policy allows it). */
  served(): ReadonlyMap<string, SkillVersion>;
  /** The skills listed as tools of their own, in list order. */
  exposed(): SkillVersion[];
  search(query: string, limit: number): SkillSearchHit[];
  /** Calls `listener` when the exposed set changes; returns the unsubscribe. */
  onExposedChange(listener: () => void): () => void;
  /** Re-reads `names` (default every skill) now; resolves once the catalog reflects them. */
  refresh(names?: readonly string[]): Promise<void>;
  close(): void;
}

function exposedOf(served: ReadonlyMap<string, SkillVersion>, expose: SkillExposure): SkillVersion[] {
  if (expose === 'none') return [];
  const skills = [...served.values()].sort((a, b) => a.name.localeCompare(b.name));
  if (expose === 'all') return skills;
  // The most-run skills first (the ones agents lean on), ties by name; counts as of the refresh.
  return skills.sort((a, b) => b.reliability.runs - a.reliability.runs).slice(0, expose.top);
}

const signature = (skills: readonly SkillVersion[]): string =>
  skills.map((skill) => `${skill.name}@${skill.version}`).join(',');

/** Loads the served skills of `store` and starts watching it. */
export async function openSkillCatalog(options: SkillCatalogOptions): Promise<SkillCatalog> {
  const { store, policy, expose } = options;
  const served = new Map<string, SkillVersion>();
  const index: SkillIndex = createSkillIndex();
  const listeners = new Set<() => void>();
  let exposed: SkillVersion[] = [];
  let queue: Promise<void> = Promise.resolve();

  const readServed = async (name: string): Promise<SkillVersion | undefined> => {
    const skill = await candidateVersion(store, name);
    return skill && policy(skill) ? skill : undefined;
  };

  const apply = async (names?: readonly string[]): Promise<void> => {
    // A full refresh re-reads the served ones too: a skill can vanish (a restore elsewhere).
    const wanted = names ?? [
      ...new Set([...(await store.list()).map((summary) => summary.name), ...served.keys()]),
    ];
    for (const name of wanted) {
      const skill = await readServed(name);
      if (skill) {
        served.set(name, skill);
        index.add(skill);
      } else {
        served.delete(name);
        index.remove(name);
      }
    }
    const next = exposedOf(served, expose);
    const hasChanged = signature(next) !== signature(exposed);
    exposed = next;
    if (hasChanged) for (const listener of listeners) listener();
  };

  const refresh = (names?: readonly string[]): Promise<void> => {
    // One refresh at a time, in order: a later change never lands under an earlier one.
    const run = queue.then(() => apply(names));
    queue = run.catch(options.onError);
    return run;
  };

  await refresh();
  const watcher: StoreWatcher = store.watch({
    intervalMs: options.watchIntervalMs,
    onError: options.onError,
    onChange: ({ changes }) => {
      // A feed entry left out (a writer not finished) still moved the sequence: re-read everything.
      const names = [...new Set(changes.map((change) => change.name))];
      void refresh(names.length > 0 ? names : undefined).catch(() => undefined);
    },
  });

  return {
    served: () => served,
    exposed: () => exposed,
    search: (query, limit) => index.search({ query, limit }),
    onExposedChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
    close: () => watcher.close(),
  };
}

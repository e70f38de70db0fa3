// The key layout of a store namespace. Records and events are written once (`add`); counters
// only grow (`claimVersion`); nothing is ever deleted.
export interface StoreKeys {
  namesPrefix: string;
  name(skill: string): string;
  versionCounter(skill: string): string;
  eventCounter(skill: string): string;
  /** Cached fold of the history (a cache: rebuilt from events, never the source of truth). */
  head(skill: string): string;
  version(skill: string, version: number): string;
  event(skill: string, number: number): string;
  contentHash(skill: string, hash: string): string;
  runCounter(skill: string, version: number, part: string): string;
  /** A recorded run (`name@N`, outcome) by its id, and the one outcome report on it. */
  run(runId: string): string;
  outcome(runId: string): string;
  /** The namespace's change sequence (the change feed). */
  changeCounter: string;
  change(sequence: number): string;
}

export function storeKeys(namespace: string): StoreKeys {
  const ns = namespace;
  return {
    namesPrefix: `${ns}:name:`,
    name: (skill) => `${ns}:name:${skill}`,
    versionCounter: (skill) => `${ns}:counter:${skill}:versions`,
    eventCounter: (skill) => `${ns}:counter:${skill}:events`,
    head: (skill) => `${ns}:head:${skill}`,
    version: (skill, version) => `${ns}:version:${skill}:${version}`,
    event: (skill, number) => `${ns}:event:${skill}:${number}`,
    contentHash: (skill, hash) => `${ns}:hash:${skill}:${hash}`,
    runCounter: (skill, version, part) => `${ns}:runs:${skill}:${version}:${part}`,
    run: (runId) => `${ns}:run:${runId}`,
    outcome: (runId) => `${ns}:outcome:${runId}`,
    changeCounter: `${ns}:counter:changes`,
    change: (sequence) => `${ns}:change:${sequence}`,
  };
}

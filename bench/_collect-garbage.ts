// A full garbage collection on demand, for benches that report heap growth.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A fresh context created after --expose-gc is set gets a `gc` global, even without the flag on argv.
setFlagsFromString('--expose-gc');

/** Runs a full, synchronous garbage collection of this process's heap. */
export const collectGarbage = runInNewContext('gc') as () => void;

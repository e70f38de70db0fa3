import type { StoreKeys } from './_keys.js';
import type { ReviewPolicy } from './review-policy.js';
import type { StoreBackend } from './backends/index.js';

// What the store's operations share; `backend()` throws CLOSED once the store is closed.
export interface StoreContext {
  backend(): StoreBackend;
  keys: StoreKeys;
  policy: ReviewPolicy;
  location: string;
  /** The clock of history events and publish times. */
  now: () => Date;
}

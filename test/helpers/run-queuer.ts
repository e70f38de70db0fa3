// Child process for the store contract: counts runs of `name@1` through queueRun, flushes some,
// queues more and waits to be SIGKILLed, so the parent sees what a crash loses.
// Usage: node --import tsx test/helpers/run-queuer.ts URL NAMESPACE SKILL FLUSHED QUEUED
import { openStore } from '../../src/store/index.js';

const [url, namespace, name, flushed, queued] = process.argv.slice(2);
// A long interval: nothing is written but what flushRuns writes.
const store = await openStore({
  url: url ?? '',
  namespace: namespace ?? 'knack',
  runFlushIntervalMs: 600_000,
});
for (let index = 0; index < Number(flushed); index++) store.queueRun(`${name}@1`, { ok: true });
await store.flushRuns();
process.stdout.write(`${JSON.stringify({ flushed: Number(flushed) })}\n`);
for (let index = 0; index < Number(queued); index++) store.queueRun(`${name}@1`, { ok: true });
process.stdout.write(`${JSON.stringify({ queued: Number(queued) })}\n`);
setInterval(() => undefined, 1000); // wait for the kill

// Child process for the store contract: opens the store and publishes `count` distinct versions
// of one skill, printing each claimed version as a line of JSON. The parent may SIGKILL it mid-way.
// Usage: node --import tsx test/helpers/store-publisher.ts URL NAMESPACE SKILL COUNT TAG [START_AT_MS] [promote]
// With START_AT_MS (epoch ms) every writer starts publishing at the same moment, so they race.
// With `promote`, the last version published is approved and activated.
import { openStore } from '../../src/store/index.js';
import { compiledSkill } from './compiled-skill.js';

const [url, namespace, name, count, tag, startAt, mode] = process.argv.slice(2);
const store = await openStore({ url: url ?? '', namespace: namespace ?? 'knack' });
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
const delayMs = Number(startAt ?? 0) - Date.now();
if (delayMs > 0) await new Promise((done) => setTimeout(done, delayMs));
let last: string | undefined;
for (let index = 0; index < Number(count); index++) {
  const result = await store.publish(compiledSkill({ name: name ?? 'skill', variant: `${tag}-${index}` }), {
    by: `writer-${tag}`,
  });
  last = result.ref;
  process.stdout.write(`${JSON.stringify({ version: result.version })}\n`);
}
if (mode === 'promote' && last) {
  await store.review(last, { decision: 'approve', by: `writer-${tag}` });
  await store.promote(last, { by: `writer-${tag}` });
}
await store.close();

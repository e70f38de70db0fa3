// A caller process for the orphaned-worker test: starts a run that spins for minutes, says so,
// and waits to be SIGKILLed by the test. Usage: node --import tsx test/helpers/orphan-caller.ts
import { createSandbox, defineTools } from '../../sandbox/index.js';

const sandbox = await createSandbox({ size: 1 });
const tools = defineTools({ noop: { inputSchema: { type: 'object' }, handler: () => ({}) } });
void sandbox.run({
  source: 'export default async function spin() { for (;;) {} }',
  tools,
  limits: { timeoutMs: 600_000 },
});
setTimeout(() => process.stdout.write('spinning\n'), 500);
setInterval(() => {}, 1000);

// Entry of a sandbox worker process: hosts isolated-vm isolates for the caller's process, which
// forks it. argv: [isolated-vm path, default memoryLimitMb, runs per isolate, rss budget in MB].
// Everything the caller sends is trusted; everything from the isolate is a string we pass on.
import { createRequire } from 'node:module';
import { IsolateSlot, type Ivm, type PreparedContext } from './_isolate-slot.js';
import type { CallerMessage, RunEndMessage, RunOutcome, RunRequest, WorkerMessage } from './_protocol.js';

const [ivmPath = 'isolated-vm', defaultLimit = '64', runsPerIsolate = '200', budgetMb = '1024'] =
  process.argv.slice(2);
const ivm = createRequire(import.meta.url)(ivmPath) as Ivm;
const maxRunsPerIsolate = Number(runsPerIsolate);
const rssBudgetBytes = Number(budgetMb) * 1024 * 1024;
const maxIdleSlots = 4;
const maxKnownScripts = 256;

interface ActiveRun {
  id: number;
  slot: IsolateSlot;
  prepared: PreparedContext;
  pending: Map<number, (payload: string) => void>;
  seq: number;
  isEnded: boolean;
  stopReason?: RunOutcome;
  timer?: NodeJS.Timeout;
  cpuStart: bigint;
}

const idle: IsolateSlot[] = [];
const active = new Map<number, ActiveRun>();
// Mirrors the caller's FIFO of scripts it believes we hold; both sides evict in the same order.
const known = new Map<string, string>();
let isRetiring = false;

function send(message: WorkerMessage): void {
  if (process.connected) process.send?.(message);
}

const ended = (message: string): string => `x${JSON.stringify({ message })}`;

function onCall(runValue: unknown, tool: unknown, args: unknown): Promise<string> {
  const run = runValue as ActiveRun | undefined;
  // A call from a run that has ended never settles: a rejection would surface in the isolate as
  // an unhandled one, which isolated-vm throws into whatever runs next there (the next run).
  if (!run || run.isEnded) return new Promise(() => undefined);
  if (typeof tool !== 'string' || typeof args !== 'string' || tool.length > 256) {
    return Promise.resolve(ended('Invalid tool call.'));
  }
  const seq = ++run.seq;
  return new Promise((resolve) => {
    run.pending.set(seq, resolve);
    send({ t: 'call', id: run.id, seq, tool, args });
  });
}

function takeSlot(memoryLimitMb: number): IsolateSlot {
  const index = idle.findIndex((slot) => slot.memoryLimitMb === memoryLimitMb && !slot.isDisposed);
  if (index >= 0) return idle.splice(index, 1)[0]!;
  return new IsolateSlot(ivm, memoryLimitMb, onCall);
}

function releaseSlot(slot: IsolateSlot, isTainted: boolean): void {
  slot.runs++;
  if (isTainted || slot.isDisposed || slot.runs >= maxRunsPerIsolate) {
    slot.dispose();
    // Keep a warm isolate for the next run; build it off the call path.
    if (!isRetiring) setImmediate(() => replenish(slot.memoryLimitMb));
    return;
  }
  idle.push(slot);
  while (idle.length > maxIdleSlots) idle.shift()?.dispose();
  setImmediate(() => slot.prepare());
}

function replenish(memoryLimitMb: number): void {
  if (idle.some((slot) => slot.memoryLimitMb === memoryLimitMb)) return;
  const slot = new IsolateSlot(ivm, memoryLimitMb, onCall);
  slot.prepare();
  idle.push(slot);
}

function finish(run: ActiveRun, outcome: RunOutcome, payload: string): void {
  if (run.isEnded) return;
  run.isEnded = true;
  clearTimeout(run.timer);
  active.delete(run.id);
  const cpuNs = run.slot.cpuNs - run.cpuStart;
  const message: RunEndMessage = {
    t: 'end',
    id: run.id,
    outcome,
    payload,
    cpuNs: cpuNs > 0n ? Number(cpuNs) : 0,
    heapUsedBytes: run.slot.heapUsedBytes(),
  };
  send(message);
  // Pending calls of the ended run stay pending for the same reason; they go with the context.
  run.pending.clear();
  IsolateSlot.release(run.prepared);
  releaseSlot(run.slot, outcome !== 'done' && outcome !== 'threw' && outcome !== 'compile');
  if (!isRetiring && process.memoryUsage.rss() > rssBudgetBytes) retire();
}

function retire(): void {
  isRetiring = true;
  send({ t: 'retire' });
  if (active.size === 0) process.disconnect?.();
}

function stop(run: ActiveRun, reason: RunOutcome): void {
  if (run.isEnded || run.stopReason) return;
  run.stopReason = reason;
  // dispose() terminates whatever the isolate is running and rejects the pending apply.
  run.slot.dispose();
}

function describeThrow(error: unknown): string {
  const { name = 'Error', message = String(error), stack = '' } = (error ?? {}) as Record<string, string>;
  return JSON.stringify({
    name: String(name),
    message: String(message),
    stack: String(stack).slice(0, 16000),
  });
}

function classify(run: ActiveRun, error: unknown, phase: 'compile' | 'load' | 'call'): [RunOutcome, string] {
  const message = error instanceof Error ? error.message : String(error);
  if (run.stopReason) return [run.stopReason, message];
  if (/memory limit/i.test(message)) return ['memory', message];
  if (/timed out/i.test(message)) return ['timeout', message];
  if (run.slot.isDisposed) return ['memory', message];
  if (phase === 'compile') return ['compile', message];
  if (phase === 'load') return ['threw', describeThrow(error)];
  return ['failed', message];
}

async function execute(request: RunRequest): Promise<void> {
  if (request.code !== undefined) {
    known.set(request.hash, request.code);
    if (known.size > maxKnownScripts) known.delete(known.keys().next().value as string);
  }
  const code = request.code ?? known.get(request.hash);
  const slot = takeSlot(request.memoryLimitMb);
  let prepared: PreparedContext;
  try {
    prepared = slot.takeContext();
  } catch (error) {
    slot.dispose();
    send({ t: 'end', id: request.id, outcome: 'failed', payload: String(error), cpuNs: 0, heapUsedBytes: 0 });
    return;
  }
  const run: ActiveRun = {
    id: request.id,
    slot,
    prepared,
    pending: new Map(),
    seq: 0,
    isEnded: false,
    cpuStart: slot.cpuNs,
  };
  prepared.state.run = run;
  active.set(run.id, run);
  const deadline = Date.now() + request.timeoutMs;
  run.timer = setTimeout(() => stop(run, 'timeout'), request.timeoutMs);
  let phase: 'compile' | 'load' | 'call' = 'compile';
  try {
    if (code === undefined) throw new Error('The worker lost the script; retry the run.');
    const script = slot.script(request.hash, code);
    phase = 'load';
    script.runSync(prepared.context, { timeout: Math.max(1, deadline - Date.now()) });
    phase = 'call';
    const args = [request.input, request.tools, request.maxOutputBytes, request.maxLogBytes] as const;
    const payload: unknown = await prepared.runner.apply(undefined, [...args], {
      arguments: { copy: true },
      result: { promise: true, copy: true },
      timeout: Math.max(1, deadline - Date.now()),
    });
    if (typeof payload === 'string') finish(run, 'done', payload);
    else finish(run, 'failed', 'The skill runner returned no text.');
  } catch (error) {
    const [outcome, payload] = classify(run, error, phase);
    finish(run, outcome, payload);
  }
}

function onMessage(raw: unknown): void {
  const message = raw as CallerMessage;
  if (message.t === 'run') {
    void execute(message);
  } else if (message.t === 'reply') {
    const run = active.get(message.id);
    const resolve = run?.pending.get(message.seq);
    if (run && resolve) {
      run.pending.delete(message.seq);
      resolve(message.payload);
    }
  } else if (message.t === 'cancel') {
    const run = active.get(message.id);
    if (run) stop(run, 'cancelled');
  }
}

process.on('message', onMessage);
// The caller is gone (or asked us to go): nothing left to serve.
process.on('disconnect', () => {
  for (const slot of idle) slot.dispose();
  process.exitCode = 0;
  // eslint-disable-next-line no-restricted-syntax -- a worker process, not the library: leave at once.
  process.exit();
});
replenish(Number(defaultLimit));
send({ t: 'ready' });

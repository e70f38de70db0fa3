// Entry of a sandbox worker process: hosts isolated-vm isolates for the caller's process, which
// spawns it with the message channel on fd 3 (one JSON message per line). argv: [isolated-vm
// path, default memoryLimitMb, runs per isolate, rss budget in MB, nice increment]. Everything
// the caller sends is trusted; everything from the isolate is checked or passed on as a string
// for the caller to parse.
//
// All skill code runs inside timed calls on this thread (load the bundle, start the run, settle a
// tool call; preparing a context before its run runs only the glue): no thread hops, and between
// calls the isolate is idle. A deadline that passes while the skill awaits a tool is the caller's
// to enforce: its 'cancel' ends the run here at once. A call that times out or runs out of memory
// taints the isolate, which is then replaced.
import { createRequire } from 'node:module';
import { BlockingChannel } from './_blocking-channel.js';
import { IsolateSlot, type Ivm, type PreparedContext, type SlotHooks } from './_isolate-slot.js';
import type { CallerMessage, RunOutcome, RunRequest, WorkerMessage } from './_protocol.js';
import { residentBytes } from './_resident-memory.js';
import { lowerPriority } from './_worker-priority.js';
import { startWatchdog } from './_watchdog.js';
import { describeThrow } from './_error-text.js';
import { closeDescriptors } from './_worker-privileges.js';

const [
  ivmPath = 'isolated-vm',
  defaultLimit = '64',
  runsPerIsolate = '200',
  budgetMb = '1024',
  niceIncrement = '0',
  inheritedDescriptors = '',
] = process.argv.slice(2);
closeDescriptors(inheritedDescriptors);
const ivm = createRequire(import.meta.url)(ivmPath) as Ivm;
const maxRunsPerIsolate = Number(runsPerIsolate);
// Off-heap memory (ICU objects) of a released context can stay in the RSS: a worker left above
// half its budget by one run would fail the next caller's run, so it retires instead.
const retireAboveBytes = Number(budgetMb) * 1024 * 1024 * 0.5;
const maxIdleSlots = 4;
const maxKnownScripts = 256;
const maxToolNameChars = 256;
// isolated-vm queues the timer of every timed call until it expires, finished or not, and its
// timer thread wakes at each expiry: five a run, so under load a wake-up every few hundred µs,
// each taking a core from the run in flight. Deadlines rounded up to this grid expire together,
// and the thread wakes at most 20 times a second. The caller keeps the exact deadline (its timer
// ends the run and cancels it here); this bound only stops a skill that spins synchronously, and
// does so at most this much later.
const deadlineGridMs = 50;
const channel = new BlockingChannel(3);
// The hard deadline the watchdog holds this thread to (see startWatchdog): a timed call gets
// this long past its own deadline, housekeeping (a context build, a compile) this long in all.
const holdUntil = startWatchdog();
const hardGraceMs = 1000;
const housekeepingMs = 3000;

interface ActiveRun {
  id: number;
  slot: IsolateSlot;
  prepared: PreparedContext;
  deadline: number;
  isEnded: boolean;
  isTainted: boolean;
  /** The runner's report, set by the glue's finish callback inside an applySync. */
  payload?: string;
  seqs: Set<number>;
  cpuStart: bigint;
}

const idle: IsolateSlot[] = [];
const active = new Map<number, ActiveRun>();
// Mirrors the caller's FIFO of scripts it believes we hold; both sides evict in the same order.
const known = new Map<string, string>();
let isRetiring = false;

/** The caller is gone (or asked us to go): nothing left to serve. */
function leave(): never {
  // eslint-disable-next-line no-restricted-syntax -- a worker process, not the library: leave at once.
  process.exit(0);
}

/** Writes one message to the caller. */
function send(message: WorkerMessage): void {
  try {
    channel.write(message);
  } catch {
    leave();
  }
}

const hooks: SlotHooks = {
  onSend(runValue, seq, tool, args) {
    const run = runValue as ActiveRun | undefined;
    // A call from an ended run is dropped; its promise stays pending and goes with the context.
    if (
      !run ||
      run.isEnded ||
      typeof seq !== 'number' ||
      typeof tool !== 'string' ||
      typeof args !== 'string'
    ) {
      return;
    }
    if (tool.length > maxToolNameChars || run.seqs.has(seq)) return;
    run.seqs.add(seq);
    send({ t: 'call', id: run.id, seq, tool, args });
  },
  onFinish(runValue, payload) {
    const run = runValue as ActiveRun | undefined;
    if (run && !run.isEnded && run.payload === undefined && typeof payload === 'string')
      run.payload = payload;
  },
};

function takeSlot(memoryLimitMb: number): IsolateSlot {
  const index = idle.findIndex((slot) => slot.memoryLimitMb === memoryLimitMb && !slot.isDisposed);
  if (index >= 0) return idle.splice(index, 1)[0]!;
  return new IsolateSlot(ivm, memoryLimitMb, hooks);
}

function releaseSlot(slot: IsolateSlot, isTainted: boolean): void {
  slot.runs++;
  if (isTainted || slot.isDisposed || slot.runs >= maxRunsPerIsolate) {
    slot.dispose();
    if (!isRetiring) warm(slot.memoryLimitMb);
  } else {
    park(slot);
  }
}

/** Keeps a warm isolate for the next run of this heap limit. */
function warm(memoryLimitMb: number): void {
  if (!idle.some((slot) => slot.memoryLimitMb === memoryLimitMb))
    park(new IsolateSlot(ivm, memoryLimitMb, hooks));
}

/** Builds the slot's next context now (the run before it has reported its end) and keeps it. */
function park(slot: IsolateSlot): void {
  slot.prepare();
  idle.push(slot);
  while (idle.length > maxIdleSlots) idle.shift()?.dispose();
}

function finish(run: ActiveRun, outcome: RunOutcome, payload: string): void {
  if (run.isEnded) return;
  run.isEnded = true;
  active.delete(run.id);
  const cpuNs = run.slot.cpuNs - run.cpuStart;
  // Decided before 'end' goes out: the caller must not hand this worker another run.
  isRetiring ||= residentBytes() > retireAboveBytes;
  send({
    t: 'end',
    id: run.id,
    outcome,
    payload,
    cpuNs: cpuNs > 0n ? Number(cpuNs) : 0,
    // A tainted isolate may hold rejections whose getters isolated-vm would run, untimed, in any
    // call on it, heap statistics included: it gets none.
    heapUsedBytes: run.isTainted ? 0 : run.slot.heapUsedBytes(),
    isRetiring,
  });
  IsolateSlot.release(run.prepared);
  releaseSlot(run.slot, run.isTainted);
}

/**
 * Classifies a call that threw from what this process observed, never from the error's text
 * (a skill can throw any message): the isolate disposed by its heap limit, or the call's
 * deadline passed.
 */
function fail(run: ActiveRun, error: unknown, phase: 'compile' | 'load' | 'call'): void {
  if (run.slot.isDisposed) {
    run.isTainted = true;
    return finish(run, 'memory', 'memory');
  }
  // isolated-vm's timer and ours read different clocks: a couple of ms of slack.
  if (Date.now() >= run.deadline - 2) {
    run.isTainted = true;
    // Near its heap limit V8 collects garbage over and over and the deadline may come first:
    // a run stopped there ran out of memory rather than time.
    // The call may leave rejections that run skill getters in the next call on the isolate (see
    // finish): this one gets a short hard deadline, and the run is still in flight if it wedges.
    holdUntil(Date.now() + 250);
    const isNearLimit = run.slot.heapUsedBytes() > run.slot.memoryLimitMb * 1024 * 1024 * 0.85;
    holdUntil(Date.now() + housekeepingMs);
    return finish(run, isNearLimit ? 'memory' : 'timeout', 'timeout');
  }
  if (phase === 'compile')
    return finish(run, 'compile', error instanceof Error ? error.message : String(error));
  // The glue catches every skill error; one escaping a call or the load is an unhandled rejection
  // or a broken glue. isolated-vm keeps further rejections (made by the getters it just read) for
  // the next call on the isolate, whoever's it is: the isolate goes with this run.
  run.isTainted = true;
  finish(run, 'threw', describeThrow(error));
}

/** Runs isolate code for `run`; afterwards the run may have reported its outcome. */
function enter(run: ActiveRun, args: unknown[]): void {
  holdUntil(run.deadline + hardGraceMs);
  try {
    run.prepared.control.applySync(undefined, args as [number, unknown, unknown], {
      arguments: { copy: true },
      timeout: Math.max(1, run.deadline - Date.now()),
    });
  } catch (error) {
    holdUntil(Date.now() + housekeepingMs);
    return fail(run, error, 'call');
  }
  holdUntil(Date.now() + housekeepingMs);
  if (run.payload !== undefined) finish(run, 'done', run.payload);
}

function start(request: RunRequest, slot: IsolateSlot): ActiveRun | undefined {
  try {
    const prepared = slot.takeContext();
    return {
      id: request.id,
      slot,
      prepared,
      deadline: Math.ceil((Date.now() + request.timeoutMs) / deadlineGridMs) * deadlineGridMs,
      isEnded: false,
      isTainted: false,
      seqs: new Set(),
      cpuStart: slot.cpuNs,
    };
  } catch (error) {
    slot.dispose();
    send({
      t: 'end',
      id: request.id,
      outcome: 'failed',
      payload: String(error),
      cpuNs: 0,
      heapUsedBytes: 0,
      isRetiring,
    });
    return undefined;
  }
}

function sameNames(built: readonly string[] | undefined, wanted: readonly string[]): boolean {
  return built?.length === wanted.length && built.every((name, index) => name === wanted[index]);
}

function execute(request: RunRequest): void {
  if (request.code !== undefined) {
    known.set(request.hash, request.code);
    if (known.size > maxKnownScripts) known.delete(known.keys().next().value as string);
  }
  const code = request.code ?? known.get(request.hash);
  holdUntil(Date.now() + housekeepingMs);
  const run = start(request, takeSlot(request.memoryLimitMb));
  if (!run) return;
  run.prepared.state.run = run;
  active.set(run.id, run);
  let phase: 'compile' | 'load' = 'compile';
  try {
    if (code === undefined) throw new Error('The worker lost the script; retry the run.');
    const script = run.slot.script(request.hash, code);
    phase = 'load';
    holdUntil(run.deadline + hardGraceMs);
    script.runSync(run.prepared.context, { timeout: Math.max(1, run.deadline - Date.now()) });
  } catch (error) {
    holdUntil(Date.now() + housekeepingMs);
    return fail(run, error, phase);
  }
  holdUntil(Date.now() + housekeepingMs);
  // null: the glue built the tools object for these names ahead of the run.
  const toolNames = sameNames(run.prepared.toolNames, request.tools) ? null : request.tools;
  run.slot.expectedTools = request.tools;
  enter(run, [0, request.input, toolNames, request.maxOutputBytes, request.maxLogBytes]);
}

function onMessage(raw: unknown): void {
  const message = raw as CallerMessage;
  holdUntil(Date.now() + housekeepingMs);
  if (message.t === 'run') {
    execute(message);
  } else if (message.t === 'reply') {
    const run = active.get(message.id);
    if (run?.seqs.delete(message.seq)) enter(run, [1, message.seq, message.payload]);
  } else if (message.t === 'cancel') {
    const run = active.get(message.id);
    if (run) finish(run, 'cancelled', 'cancelled');
  }
}

// The reply to a tool call with a quick handler comes within tens of µs. Polling for it that long
// instead of sleeping saves the wake-up, which is a good part of a round trip on a small VM. Once
// a reply took longer (a handler doing I/O), the next wait sleeps at once, until replies are quick.
const replyPollMicros = 100;
let isReplyQuick = true;

/**
 * Handles the caller's messages, blocked on the channel in between (see BlockingChannel). Between
 * runs it lets the event loop turn once, for the tasks V8 and Node post to it.
 */
function serve(): void {
  for (;;) {
    const isAwaitingReply = active.size > 0;
    const began = performance.now();
    holdUntil(0);
    const messages = channel.read(isAwaitingReply && isReplyQuick ? replyPollMicros : 0);
    if (isAwaitingReply) isReplyQuick = (performance.now() - began) * 1000 <= replyPollMicros;
    if (!messages) {
      for (const slot of idle) slot.dispose();
      leave();
    }
    for (const message of messages) onMessage(message as CallerMessage);
    if (active.size === 0) return void setImmediate(serve);
  }
}

warm(Number(defaultLimit));
lowerPriority(Number(niceIncrement));
send({ t: 'ready' });
serve();

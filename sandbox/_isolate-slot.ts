import type IsolatedVM from 'isolated-vm';
import { GLUE_SOURCE, LOAD_ERROR_GLOBAL } from './_glue.js';
import { BUNDLE_FILENAME } from './_protocol.js';

export type Ivm = typeof IsolatedVM;
type Control = (op: number, a: unknown, b?: unknown, c?: unknown, d?: unknown) => void;

/** What the glue of a context reports; `run` is whatever the context's state holds. */
export interface SlotHooks {
  onSend(run: unknown, seq: unknown, tool: unknown, args: unknown): void;
  onFinish(run: unknown, payload: unknown): void;
}

/** A fresh context with the glue installed, waiting for one run. */
export interface PreparedContext {
  context: IsolatedVM.Context;
  control: IsolatedVM.Reference<Control>;
  /** The run this context serves. */
  state: { run: unknown };
  /** The tool names the glue has built the `tools` object for, if any (see `prepare`). */
  toolNames?: readonly string[];
}

const maxCachedScripts = 64;

/**
 * One warm isolate in a worker: keeps compiled skill scripts (per bundle hash) and the next
 * context prepared ahead of time, so a run starts with no context set-up on its path.
 */
export class IsolateSlot {
  readonly memoryLimitMb: number;
  runs = 0;
  /** The tool names of the last run: the next context gets its `tools` object built for them. */
  expectedTools: readonly string[] | undefined;
  private readonly ivm: Ivm;
  private readonly isolate: IsolatedVM.Isolate;
  private readonly scripts = new Map<string, IsolatedVM.Script>();
  private readonly hooks: SlotHooks;
  private readonly glue: IsolatedVM.Script;
  private next: PreparedContext | undefined;

  constructor(ivm: Ivm, memoryLimitMb: number, hooks: SlotHooks) {
    this.ivm = ivm;
    this.memoryLimitMb = memoryLimitMb;
    this.hooks = hooks;
    // No inspector, no snapshot, no cached data: isolated-vm's README lists all three as ways in.
    this.isolate = new ivm.Isolate({ memoryLimit: memoryLimitMb });
    // Compiled once per isolate and bound to each context: ~5x cheaper than evalClosure per context.
    this.glue = this.isolate.compileScriptSync(`(function ($0, $1) {${GLUE_SOURCE}\n})`, {
      filename: 'knack-glue.js',
    });
  }

  get isDisposed(): boolean {
    return this.isolate.isDisposed;
  }

  get cpuNs(): bigint {
    return this.isDisposed ? 0n : this.isolate.cpuTime;
  }

  heapUsedBytes(): number {
    try {
      return this.isDisposed ? 0 : this.isolate.getHeapStatisticsSync().used_heap_size;
    } catch {
      // Disposed between the check and the call (memory limit): no figure to report.
      return 0;
    }
  }

  /**
   * Builds the next context on this thread, synchronously; never throws (a broken isolate is
   * disposed instead). The worker calls it right after a run has reported its end, so the build
   * (0.35-0.5 ms of CPU on a 2-vCPU VM) overlaps the caller's handling of that result and the next
   * run, which the pool hands to another worker; a worker asked again before its build is done
   * waits for it. Building on
   * isolated-vm's thread pool instead cost more CPU per run in all (thread hand-offs, a second
   * isolate per limit so a run never waits on a build) and measured slower end to end.
   */
  prepare(): void {
    for (let attempt = 0; attempt < 2 && this.next === undefined && !this.isDisposed; attempt++) {
      try {
        const context = this.isolate.createContextSync();
        try {
          this.next = this.install(context);
        } catch (error) {
          context.release();
          throw error;
        }
      } catch {
        // isolated-vm throws a stray rejection left by an earlier run into the next call on the
        // isolate; the retry runs clean. Twice in a row means the isolate is unusable.
        if (attempt === 1) this.dispose();
      }
    }
    if (this.next) this.buildTools(this.next);
  }

  private install(context: IsolatedVM.Context): PreparedContext {
    const state: PreparedContext['state'] = { run: undefined };
    const hooks = this.hooks;
    // Plain (sync) callbacks: the glue calls them inside our applySync, on this thread.
    const send = new this.ivm.Callback((seq: unknown, tool: unknown, args: unknown) =>
      hooks.onSend(state.run, seq, tool, args),
    );
    const finish = new this.ivm.Callback((payload: unknown) => hooks.onFinish(state.run, payload));
    const factory = this.glue.runSync(context, { reference: true }) as IsolatedVM.Reference<
      (send: unknown, finish: unknown) => Control
    >;
    try {
      const control = factory.applySync(undefined, [send, finish], {
        result: { reference: true },
      }) as IsolatedVM.Reference<Control>;
      return { context, control, state };
    } finally {
      factory.release();
    }
  }

  /**
   * Builds the `tools` object of the next run ahead of it, for the names of the last run: most
   * runs on a slot are of the same skill with the same pack, and the build (a Proxy per
   * namespace, frozen objects) costs a fresh context about 15 µs. A run with other names has its
   * tools built at its start, as before.
   */
  private buildTools(prepared: PreparedContext): void {
    const names = this.expectedTools;
    if (names === undefined || prepared.toolNames !== undefined) return;
    try {
      prepared.control.applySync(undefined, [2, names], { arguments: { copy: true } });
      prepared.toolNames = names;
    } catch {
      // A stray rejection of an earlier run (see above): the run builds its tools itself.
    }
  }

  takeContext(): PreparedContext {
    this.prepare();
    const prepared = this.next;
    this.next = undefined;
    if (!prepared) throw new Error('The isolate is disposed.');
    return prepared;
  }

  script(hash: string, code: string): IsolatedVM.Script {
    let script = this.scripts.get(hash);
    if (!script) {
      script = this.compile(code);
      this.scripts.set(hash, script);
      if (this.scripts.size > maxCachedScripts) {
        const [oldest, old] = this.scripts.entries().next().value as [string, IsolatedVM.Script];
        this.scripts.delete(oldest);
        old.release();
      }
    }
    return script;
  }

  private compile(code: string): IsolatedVM.Script {
    // The bundle's top level runs inside a try: isolated-vm would read `message` and `stack` of a
    // value thrown out of the script after its timeout is disarmed, running skill getters with
    // no deadline. The glue rethrows the caught value inside the run's timed call instead.
    // `try{` shares line 1 with the banner, so source-map lines stay as they are.
    const wrapped = `try{${code}\n}catch(error){try{globalThis[${JSON.stringify(LOAD_ERROR_GLOBAL)}]=[error]}catch{}}`;
    try {
      return this.isolate.compileScriptSync(wrapped, { filename: BUNDLE_FILENAME });
    } catch (error) {
      // A stray rejection of an earlier run (see prepare) is not this script's fault: retry once.
      if ((error as Error | undefined)?.name === 'SyntaxError') throw error;
      return this.isolate.compileScriptSync(wrapped, { filename: BUNDLE_FILENAME });
    }
  }

  static release(prepared: PreparedContext): void {
    prepared.state.run = undefined;
    for (const handle of [prepared.control, prepared.context]) {
      try {
        handle.release();
      } catch {
        // Already gone with its isolate.
      }
    }
  }

  dispose(): void {
    if (this.next) IsolateSlot.release(this.next);
    this.next = undefined;
    this.scripts.clear();
    this.glue.release();
    if (!this.isDisposed) this.isolate.dispose();
  }
}

import type { SkillScript } from './compile-skill.js';
import { formatIssues, KnackError, MAX_JSON_DEPTH } from '../core/index.js';
import { copyToolArgs, readToolArgs } from './_read-tool-args.js';
import { errorText } from './_error-text.js';
import { BUNDLE_FILENAME, type RunEndMessage, type ToolCallMessage } from './_protocol.js';
import { readRunnerReport, readThrown, type ThrownError } from './_read-payload.js';
import type { ResolvedRunOptions } from './run-options.js';
import { mapStack } from './source-map.js';
import type { LogEntry, RunError, RunErrorCode, RunResult, ToolCallRecord } from './types.js';
import type { WorkerProcess, WorkerRun } from './_worker-process.js';

// What the trace of one run keeps of arguments and results; past it, a marker replaces the value
// so a hostile run cannot make the caller hold maxToolCalls x maxArgsChars.
const maxTraceChars = 4 * 1024 * 1024;
// The largest tool result sent back to the isolate; the channel refuses longer lines anyway.
const maxReplyChars = 64 * 1024 * 1024;
let nextRunId = 1;

const endMessage = (message: string): string => `x${JSON.stringify({ message })}`;

/**
 * One run on the caller's side: owns the deadline, answers tool calls (whitelist, argument
 * schema, call limit, handler, result schema) and turns the worker's report into a RunResult.
 */
export class RunSession implements WorkerRun {
  readonly id: number = nextRunId++;
  readonly done: Promise<RunResult>;
  isSettled = false;
  private readonly options: ResolvedRunOptions;
  private readonly script: SkillScript;
  private readonly inputJson: string;
  private readonly startedAt: number;
  private readonly trace: ToolCallRecord[] = [];
  // Created when a handler first reads its `signal` (most never do: an AbortController costs more
  // than the rest of a tool call here) and aborted only while a handler is still running: abort()
  // builds a DOMException with a stack, a cost most runs need not pay.
  private handlerAbort: AbortController | undefined;
  private runningHandlers = 0;
  private settle!: (result: RunResult) => void;
  private worker: WorkerProcess | undefined;
  private timer: NodeJS.Timeout | undefined;
  private calls = 0;
  private traceChars = 0;
  private readonly onAbort = (): void =>
    this.fail({ code: 'ABORTED', message: 'The run was aborted by its signal.' });

  constructor(options: ResolvedRunOptions, script: SkillScript, inputJson: string, startedAt: number) {
    this.options = options;
    this.script = script;
    this.inputJson = inputJson;
    this.startedAt = startedAt;
    this.done = new Promise((resolve) => {
      this.settle = resolve;
    });
    options.signal?.addEventListener('abort', this.onAbort, { once: true });
    // The signal may have fired while the source compiled: 'abort' does not fire twice.
    if (options.signal?.aborted) this.onAbort();
  }

  start(worker: WorkerProcess): void {
    if (this.isSettled) return;
    this.worker = worker;
    const { limits } = this.options;
    this.timer = setTimeout(
      () =>
        this.fail({
          code: 'TIMEOUT',
          message: `The run took longer than timeoutMs (${limits.timeoutMs} ms).`,
        }),
      limits.timeoutMs,
    );
    worker.dispatch(
      {
        t: 'run',
        id: this.id,
        hash: this.script.hash,
        input: this.inputJson,
        tools: this.options.toolNames,
        timeoutMs: limits.timeoutMs,
        memoryLimitMb: limits.memoryLimitMb,
        maxOutputBytes: limits.maxOutputBytes,
        maxLogBytes: limits.maxLogBytes,
      },
      this.script.code,
      this,
    );
  }

  /** Ends the run with an error now; a worker still running it is told to stop. */
  fail(error: RunError, logs: LogEntry[] = [], usage?: RunEndMessage): void {
    this.finish({ ok: false, error, trace: this.trace, metrics: this.metrics(usage), logs });
  }

  onCall(message: ToolCallMessage): void {
    // Calls arriving after the run ended are ignored; the worker answers them itself.
    if (this.isSettled) return;
    // Nothing that goes wrong while answering may leave this promise unhandled.
    this.answer(message).catch((error: unknown) =>
      this.fail({
        code: 'TOOL_FAILED',
        message: `The host could not answer a tool call: ${errorText(error)}`,
      }),
    );
  }

  onEnd(message: RunEndMessage): void {
    if (this.isSettled) return;
    try {
      this.readEnd(message);
    } catch (error) {
      // The report is the skill's to shape; whatever it makes us throw ends only its own run.
      this.fail({ code: 'SKILL_THREW', message: `The run's report could not be read: ${errorText(error)}` });
    }
  }

  private readEnd(message: RunEndMessage): void {
    const { outcome, payload } = message;
    if (outcome === 'done') return this.report(payload, message);
    if (outcome === 'threw') {
      let parsed: unknown = {};
      try {
        parsed = JSON.parse(payload);
      } catch {
        // Not JSON: readThrown turns the empty description into a plain Error.
      }
      return this.fail(this.thrown(readThrown(parsed)), [], message);
    }
    const code: RunErrorCode =
      outcome === 'timeout'
        ? 'TIMEOUT'
        : outcome === 'memory'
          ? 'MEMORY_LIMIT'
          : outcome === 'compile'
            ? 'COMPILE_ERROR'
            : 'SKILL_THREW';
    const text =
      code === 'TIMEOUT'
        ? `The run took longer than timeoutMs (${this.options.limits.timeoutMs} ms).`
        : code === 'MEMORY_LIMIT'
          ? `The run exceeded memoryLimitMb (${this.options.limits.memoryLimitMb} MB).`
          : payload.slice(0, 4000);
    this.fail({ code, message: text }, [], message);
  }

  onWorkerExit(isMemory: boolean): void {
    this.fail(
      isMemory
        ? { code: 'MEMORY_LIMIT', message: `The run exhausted the worker's memory; the worker was replaced.` }
        : { code: 'WORKER_CRASHED', message: 'The sandbox worker died during the run; it was replaced.' },
    );
  }

  private finish(result: RunResult): void {
    if (this.isSettled) return;
    this.isSettled = true;
    clearTimeout(this.timer);
    this.options.signal?.removeEventListener('abort', this.onAbort);
    if (this.runningHandlers > 0) this.handlerAbort?.abort();
    this.worker?.cancel(this.id);
    // The returned trace is a record: a handler still running writes to the session's copy.
    const trace = this.trace.map((call) =>
      call.error ? { ...call, error: { ...call.error } } : { ...call },
    );
    this.settle({ ...result, trace });
  }

  private metrics(usage?: RunEndMessage): RunResult['metrics'] {
    return {
      wallMs: performance.now() - this.startedAt,
      cpuMs: (usage?.cpuNs ?? 0) / 1e6,
      heapUsedBytes: usage?.heapUsedBytes ?? 0,
      toolCalls: this.calls,
    };
  }

  private thrown(error: ThrownError): RunError {
    const stack = mapStack(error.stack, BUNDLE_FILENAME, error.stack ? this.script.sourceMap() : undefined);
    // Trust only what the host saw: TOOL_FAILED names a call of this run whose handler failed.
    const call = error.step === undefined ? undefined : this.trace[error.step - 1];
    const isToolFailure = error.code === 'TOOL_FAILED' && call?.error?.code === 'TOOL_FAILED';
    const code: RunErrorCode = isToolFailure ? 'TOOL_FAILED' : 'SKILL_THREW';
    return {
      code,
      message:
        code === 'TOOL_FAILED' || error.message === ''
          ? error.message || error.name
          : `${error.name}: ${error.message}`,
      ...(isToolFailure ? { step: error.step } : {}),
      ...(stack ? { stack } : {}),
    };
  }

  private report(payload: string, usage: RunEndMessage): void {
    const { maxLogBytes, maxOutputBytes } = this.options.limits;
    const report = readRunnerReport(payload, maxLogBytes, maxOutputBytes);
    if (!report)
      return this.fail({ code: 'SKILL_THREW', message: 'The skill broke the sandbox glue.' }, [], usage);
    if (report.kind === 'error') return this.fail(this.thrown(report.error), report.logs, usage);
    if (report.kind === 'too-deep') {
      const message = `The result is nested deeper than ${MAX_JSON_DEPTH} levels.`;
      return this.fail({ code: 'INVALID_OUTPUT', message }, report.logs, usage);
    }
    if (report.kind === 'too-large') {
      const message = `The result is ${report.bytes} bytes of JSON, over maxOutputBytes (${this.options.limits.maxOutputBytes}).`;
      return this.fail({ code: 'OUTPUT_TOO_LARGE', message }, report.logs, usage);
    }
    const checked = this.options.checkOutput?.(report.value);
    if (checked && !checked.ok) {
      const message = `The result does not match the output schema: ${formatIssues(checked.issues)}`;
      return this.fail({ code: 'INVALID_OUTPUT', message }, report.logs, usage);
    }
    this.finish({
      ok: true,
      value: report.value,
      trace: this.trace,
      metrics: this.metrics(usage),
      logs: report.logs,
    });
  }

  /** A copy of a value for the trace (the handler keeps the original), within its budget. */
  private keep(copy: () => unknown, chars: number): unknown {
    if (this.traceChars + chars > maxTraceChars)
      return `[knack: ${chars} chars not kept, over the trace budget]`;
    this.traceChars += chars;
    return copy();
  }

  private reply(seq: number, payload: string): void {
    if (!this.isSettled) this.worker?.reply(this.id, seq, payload);
  }

  private async answer(message: ToolCallMessage): Promise<void> {
    const step = ++this.calls;
    const record: ToolCallRecord = { step, tool: message.tool, args: undefined, durationMs: 0 };
    this.trace.push(record);
    const refuse = (code: RunErrorCode, text: string): void => {
      record.error = { code, message: text };
      this.reply(message.seq, endMessage(text));
      this.fail({ code, message: text, step });
    };
    const tool = this.options.tools.get(message.tool);
    if (!tool) {
      return refuse('TOOL_NOT_ALLOWED', `Step ${step}: tool \`${message.tool}\` is not granted to this run.`);
    }
    if (step > this.options.limits.maxToolCalls) {
      return refuse(
        'TOOL_CALL_LIMIT',
        `Step ${step}: more than maxToolCalls (${this.options.limits.maxToolCalls}) tool calls.`,
      );
    }
    const read = readToolArgs(message.args, message.tool, tool.checkInput);
    if (!read.ok) return refuse('INVALID_TOOL_ARGS', `Step ${step}: ${read.reason}`);
    const args = read.args;
    // A second parse is the cheapest copy of small arguments (structuredClone costs more).
    record.args = this.keep(() => copyToolArgs(message.args), message.args.length);
    const began = performance.now();
    const payload = await this.invoke(message.tool, tool, args, step, record);
    record.durationMs = performance.now() - began;
    this.reply(message.seq, payload);
  }

  private handlerSignal(isCallRunning: boolean): AbortSignal {
    this.handlerAbort ??= new AbortController();
    // First read after the run ended, by a handler still running: it must see the abort it missed.
    if (this.isSettled && isCallRunning) this.handlerAbort.abort();
    return this.handlerAbort.signal;
  }

  private async invoke(
    name: string,
    tool: NonNullable<ReturnType<ResolvedRunOptions['tools']['get']>>,
    args: unknown,
    step: number,
    record: ToolCallRecord,
  ): Promise<string> {
    try {
      this.runningHandlers++;
      let value: unknown;
      let isRunning = true;
      const signal = (): AbortSignal => this.handlerSignal(isRunning);
      try {
        value = await tool.handler(args, {
          step,
          get signal() {
            return signal();
          },
        });
      } finally {
        isRunning = false;
        this.runningHandlers--;
      }
      const checked = tool.checkOutput?.(value);
      if (checked && !checked.ok)
        throw new Error(`result does not match its output schema: ${formatIssues(checked.issues)}`);
      const json = value === undefined ? undefined : JSON.stringify(value);
      if (json !== undefined && json.length > maxReplyChars)
        throw new Error(`its result is ${json.length} characters of JSON, over ${maxReplyChars}.`);
      record.result =
        json === undefined ? undefined : this.keep(() => JSON.parse(json) as unknown, json.length);
      return json === undefined ? 'u' : `v${json}`;
    } catch (error) {
      // A person refused the call (a host-side confirmation): the run ends here, cleanly, rather
      // than handing the skill an error it might catch and carry on past.
      if (KnackError.isInstance(error) && error.code === 'DECLINED') {
        const text = `Step ${step}: the call to \`${name}\` was declined: ${error.message}`;
        record.error = { code: 'DECLINED', message: text };
        this.fail({ code: 'DECLINED', message: text, step });
        return endMessage(text);
      }
      const text = `Tool \`${name}\` failed: ${errorText(error)}`;
      record.error = { code: 'TOOL_FAILED', message: text };
      return `e${JSON.stringify({ message: text, tool: name, step })}`;
    }
  }
}

import { isDeepStrictEqual } from 'node:util';
import { bindTools, type ToolCallContext, type ToolHandler, type ToolPack } from '../../sandbox/index.js';
import { stableJson, type ToolManifestEntry } from '../../core/index.js';
import type { SkillCase, SkillCaseCall } from '../../compiler/index.js';
import type { FaultKind } from './fault-spec.js';
import type { FaultPlan } from './_plan-fault.js';

/** A fault the bindings injected into one call of a run. */
export interface InjectedFault {
  kind: FaultKind;
  tool: string;
  /** 1-based position of the call in the run. */
  step: number;
}

/** What the bindings saw during one replay of a case. */
export interface CasePackState {
  /** Recorded calls answered so far. */
  cursor: number;
  /** The first call the case did not record, if any. */
  mismatch?: { step: number; tool: string; message: string };
  faults: InjectedFault[];
}

/** A recorded call about to be answered, for a fault planner. */
export interface PlannedCall {
  step: number;
  tool: string;
  recorded: SkillCaseCall;
  entry: ToolManifestEntry;
}

/** Options of `createCasePack`. */
export interface CasePackOptions {
  skillCase: SkillCase;
  /** Manifest entries of the granted tools (a version's `toolSchemas`). */
  tools: readonly ToolManifestEntry[];
  /** Decides the fault of each call. @default no faults */
  planFault?: (call: PlannedCall) => FaultPlan | undefined;
  /**
   * Real tools answering the calls that match the recording, instead of the recorded answers
   * (the case is then an input's fault-free reference run). A call the recording lacks still
   * fails without reaching them. @default the recorded answers
   */
  liveTools?: ToolPack;
}

function normalize(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** `tool({"args"})`, as mismatch messages print calls. */
export function describeCall(tool: string, args: unknown): string {
  return `${tool}(${stableJson(args)})`;
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

// A matched call answered by the real tool. An `empty` or `missing` fault alters what the tool
// answered now (re-planned with the same draws), so the skill sees the real answer, degraded.
async function answerLive(
  options: CasePackOptions,
  call: { entry: ToolManifestEntry; recorded: SkillCaseCall; args: unknown; context: ToolCallContext },
  state: CasePackState,
): Promise<unknown> {
  const handler = options.liveTools?.handlers.get(call.entry.name) as ToolHandler;
  const value = await handler(call.args, call.context);
  const fault = state.faults.at(-1);
  if (fault?.step !== call.context.step || (fault.kind !== 'empty' && fault.kind !== 'missing')) return value;
  const replanned = options.planFault?.({
    step: call.context.step,
    tool: call.entry.name,
    recorded: { tool: call.recorded.tool, args: call.recorded.args, result: value },
    entry: call.entry,
  });
  if (replanned && 'result' in replanned && replanned.kind === fault.kind) return replanned.result;
  state.faults.pop(); // the real answer has nothing that fault could alter
  return value;
}

/**
 * Bindings that answer a case offline: each call must be the next recorded one (tool and
 * deep-equal arguments) and gets its recorded result; the first other call fails the run and is
 * kept as the mismatch. A planned fault replaces the answer: a transient error, a timeout or a
 * result off the output schema leaves the recorded call unanswered (a retry gets it); an emptied
 * list or a dropped optional field answers it with the altered result. With `liveTools`, matched
 * calls reach the real tools instead, under the same faults.
 */
export function createCasePack(options: CasePackOptions): { pack: ToolPack; state: CasePackState } {
  const state: CasePackState = { cursor: 0, faults: [] };
  const { skillCase } = options;
  const handlers: Record<string, ToolHandler> = {};
  for (const entry of options.tools) {
    handlers[entry.name] = async (args, context) => {
      const recorded = skillCase.calls[state.cursor];
      if (
        !recorded ||
        recorded.tool !== entry.name ||
        !isDeepStrictEqual(normalize(args), normalize(recorded.args))
      ) {
        const had = recorded
          ? `the case had ${describeCall(recorded.tool, recorded.args)}`
          : 'the case had no more calls';
        state.mismatch ??= {
          step: context.step,
          tool: entry.name,
          message: `step ${context.step}: called ${describeCall(entry.name, args)}, ${had}`,
        };
        throw new Error(state.mismatch.message);
      }
      const fault = options.planFault?.({ step: context.step, tool: entry.name, recorded, entry });
      if (fault) state.faults.push({ kind: fault.kind, tool: entry.name, step: context.step });
      if (fault?.kind === 'transient')
        throw new Error('injected transient fault: service unavailable, try again');
      if (fault?.kind === 'timeout') {
        await untilAborted(context.signal);
        throw new Error('injected timeout: the tool never answered');
      }
      if (fault?.kind === 'latency') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      // The host refuses a result off its schema, so the skill sees a failure and may ask again.
      if (fault?.kind === 'schema') return fault.result;
      state.cursor += 1;
      if (options.liveTools) return answerLive(options, { entry, recorded, args, context }, state);
      if (recorded.error !== undefined) throw new Error(recorded.error);
      return fault && 'result' in fault ? fault.result : recorded.result;
    };
  }
  return { pack: bindTools(options.tools, handlers), state };
}

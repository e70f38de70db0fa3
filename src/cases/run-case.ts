import { isDeepStrictEqual } from 'node:util';
import type { Limits, RunResult, RunSkillOptions, ToolPack } from '../../sandbox/index.js';
import { stableJson, type ToolManifestEntry } from '../../core/index.js';
import type { SkillCase } from '../../compiler/index.js';
import type { SkillVersionRecord } from '../store/index.js';
import { createCasePack, describeCall, type CasePackOptions, type InjectedFault } from './case-pack.js';

/**
 * How a run of a case ended: `correct` (the expected output, every recorded call made),
 * `failed-clean` (a run error code, no wrong output, no call the case did not record) or
 * `wrong` (a different output, an unrecorded call, or success with recorded calls left unmade).
 */
export type CaseVerdict = 'correct' | 'failed-clean' | 'wrong';

/** One run of one case. */
export interface CaseRun {
  /** The case's trajectory id; for an input run, `input #i` (i the 0-based index in `inputs`). */
  trajectoryId: string;
  /** `case`: a stored case, answered from its recording; `input`: a given input, on real tools. */
  source: 'case' | 'input';
  verdict: CaseVerdict;
  /** The run error code of a failed run. */
  code?: string;
  /** The 1-based call where the run went wrong or failed, when known. */
  step?: number;
  /** What went wrong (absent when correct). */
  message?: string;
  faults: InjectedFault[];
  wallMs: number;
  toolCalls: number;
}

/** The parts of a stored version a case replay needs. */
export type CaseTarget = Pick<
  SkillVersionRecord,
  'name' | 'version' | 'bundle' | 'inputSchema' | 'outputSchema' | 'permissions' | 'toolSchemas'
>;

/** Options of `runCase`. */
export interface RunCaseOptions {
  target: CaseTarget;
  skillCase: SkillCase;
  /** Runs a skill: a sandbox's `run`, or `runSkill`. */
  run: (options: RunSkillOptions) => Promise<RunResult>;
  limits?: Limits;
  planFault?: CasePackOptions['planFault'];
  /**
   * Real tools answering the calls the case recorded (see `createCasePack`): the case is then an
   * input's fault-free reference run, and the run is an `input` run. @default the recorded answers
   */
  liveTools?: ToolPack;
  signal?: AbortSignal;
}

/** The manifest a case replays against: the stored schemas, else permissive ones for older versions. */
export function caseTools(target: CaseTarget): ToolManifestEntry[] {
  return target.toolSchemas ?? target.permissions.map((name) => ({ name, inputSchema: { type: 'object' } }));
}

function normalize(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

function judge(
  result: RunResult,
  options: RunCaseOptions,
  state: ReturnType<typeof createCasePack>['state'],
) {
  const { skillCase } = options;
  if (state.mismatch) {
    const entry = caseTools(options.target).find((tool) => tool.name === state.mismatch?.tool);
    // A read-only tool asked something unrecorded changed nothing: the failed run is clean.
    const isHarmless = !result.ok && entry?.annotations?.readOnlyHint === true;
    return {
      verdict: isHarmless ? ('failed-clean' as const) : ('wrong' as const),
      step: state.mismatch.step,
      message: state.mismatch.message,
      ...(result.ok ? {} : { code: result.error.code }),
    };
  }
  if (!result.ok)
    return {
      verdict: 'failed-clean' as const,
      code: result.error.code,
      message: `${result.error.code}: ${result.error.message}`,
      ...(result.error.step === undefined ? {} : { step: result.error.step }),
    };
  const next = skillCase.calls[state.cursor];
  if (next)
    return {
      verdict: 'wrong' as const,
      step: state.cursor + 1,
      message: `step ${state.cursor + 1}: returned ok before calling ${describeCall(next.tool, next.args)}`,
    };
  if (!isDeepStrictEqual(normalize(result.value), normalize(skillCase.expected)))
    return {
      verdict: 'wrong' as const,
      message: `returned ${stableJson(result.value) ?? 'nothing'}, expected ${stableJson(skillCase.expected) ?? 'nothing'}`,
    };
  return { verdict: 'correct' as const };
}

/**
 * Replays one stored case through the sandbox with bindings that answer from its recorded calls
 * (or, with `liveTools`, from real tools for the calls it recorded), injecting the planned
 * faults, then judges the run against the case.
 */
export async function runCase(options: RunCaseOptions): Promise<CaseRun> {
  const { target, skillCase } = options;
  const { pack, state } = createCasePack({
    skillCase,
    tools: caseTools(target),
    ...(options.planFault ? { planFault: options.planFault } : {}),
    ...(options.liveTools ? { liveTools: options.liveTools } : {}),
  });
  const result = await options.run({
    source: target.bundle,
    input: skillCase.input,
    tools: pack,
    inputSchema: target.inputSchema,
    outputSchema: target.outputSchema,
    filename: `${target.name}.ts`,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return {
    trajectoryId: skillCase.trajectoryId,
    source: options.liveTools ? 'input' : 'case',
    ...judge(result, options, state),
    faults: state.faults,
    wallMs: result.metrics.wallMs,
    toolCalls: result.metrics.toolCalls,
  };
}

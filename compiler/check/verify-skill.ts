import { bindTools, runSkill, type ToolHandler, type ToolPack } from '../../sandbox/index.js';
import { type JsonSchema, type ToolManifestEntry, stableJson } from '../../core/index.js';
import type { SkillCase, VerificationReport } from './compiled-skill.js';
import type { Trajectory } from '../import/index.js';
import { isDeepStrictEqual } from 'node:util';

interface ReplayState {
  cursor: number;
  mismatch?: { step: number; message: string };
}

function describeCall(tool: string, args: unknown): string {
  return `${tool}(${stableJson(args)})`;
}

function normalize(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

/**
 * A tool pack that answers with a trajectory's recorded results, in order, when the tool and
 * the (deep-equal) arguments match the next recorded step; the first mismatch fails the run.
 */
export function createReplayPack(
  trajectory: Trajectory,
  manifest: readonly ToolManifestEntry[],
): { pack: ToolPack; state: ReplayState } {
  const state: ReplayState = { cursor: 0 };
  const handlers: Record<string, ToolHandler> = {};
  for (const entry of manifest) {
    handlers[entry.name] = (args) => {
      const step = state.cursor + 1;
      const expected = trajectory.steps[state.cursor];
      if (
        !expected ||
        expected.tool !== entry.name ||
        !isDeepStrictEqual(normalize(args), normalize(expected.args))
      ) {
        const had = expected
          ? `trajectory had ${describeCall(expected.tool, expected.args)}`
          : 'trajectory had no more calls';
        state.mismatch ??= {
          step,
          message: `called ${describeCall(entry.name, args)}, ${had}`,
        };
        throw new Error(state.mismatch.message);
      }
      state.cursor += 1;
      if (expected.error !== undefined) throw new Error(expected.error);
      return expected.result;
    };
  }
  return { pack: bindTools(manifest, handlers), state };
}

/** Options of `verifySkill`. */
export interface VerifyOptions {
  bundle: string;
  manifest: readonly ToolManifestEntry[];
  /** Each replayed with its `input` (the compiler fills in derived parameters). */
  trajectories: readonly Trajectory[];
  inputSchema?: JsonSchema;
  outputSchema?: JsonSchema;
  signal?: AbortSignal;
}

function isComparable(answer: unknown): boolean {
  // Natural-language answers are the model's prose, not a value a skill can reproduce.
  return answer !== undefined && typeof answer !== 'string';
}

interface Replayed {
  report: VerificationReport;
  /** What the skill returned, when the replay passed. */
  value?: unknown;
}

async function replay(options: VerifyOptions, trajectory: Trajectory): Promise<Replayed> {
  const { pack, state } = createReplayPack(trajectory, options.manifest);
  const result = await runSkill({
    source: options.bundle,
    input: trajectory.input ?? {},
    tools: pack,
    ...(options.inputSchema === undefined ? {} : { inputSchema: options.inputSchema }),
    ...(options.outputSchema === undefined ? {} : { outputSchema: options.outputSchema }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const id = trajectory.id;
  if (state.mismatch)
    return {
      report: { trajectoryId: id, ok: false, step: state.mismatch.step, message: state.mismatch.message },
    };
  if (!result.ok)
    return {
      report: {
        trajectoryId: id,
        ok: false,
        message: `run failed with ${result.error.code}: ${result.error.message}`,
        ...(result.error.step ? { step: result.error.step } : {}),
      },
    };
  const next = trajectory.steps[state.cursor];
  if (next) {
    return {
      report: {
        trajectoryId: id,
        ok: false,
        step: state.cursor + 1,
        message: `the skill returned before calling ${describeCall(next.tool, next.args)}`,
      },
    };
  }
  if (
    isComparable(trajectory.answer) &&
    !isDeepStrictEqual(normalize(result.value), normalize(trajectory.answer))
  ) {
    return {
      report: {
        trajectoryId: id,
        ok: false,
        message: `returned ${stableJson(result.value)}, trajectory answer was ${stableJson(trajectory.answer)}`,
      },
    };
  }
  return { report: { trajectoryId: id, ok: true }, value: result.value };
}

// A replay that passed becomes a case: the input, the recorded calls and the output to expect.
function toCase(trajectory: Trajectory, value: unknown): SkillCase {
  const isAnswer = isComparable(trajectory.answer);
  const expected = normalize(isAnswer ? trajectory.answer : value);
  return {
    trajectoryId: trajectory.id,
    input: normalize(trajectory.input ?? {}),
    calls: trajectory.steps.map((step) => ({
      tool: step.tool,
      args: normalize(step.args),
      ...(step.result === undefined ? {} : { result: normalize(step.result) }),
      ...(step.error === undefined ? {} : { error: step.error }),
    })),
    ...(expected === undefined ? {} : { expected }),
    expectedFrom: isAnswer ? 'answer' : 'replay',
  };
}

/** What `verifySkill` found: a report per trajectory, and a test case per trajectory that replayed. */
export interface VerifyResult {
  isVerified: boolean;
  reports: VerificationReport[];
  cases: SkillCase[];
}

/**
 * Verifies a bundle by replaying each trajectory in the sandbox: tools answer with recorded
 * results matched by tool and arguments, in order; the returned value must equal a structured answer.
 */
export async function verifySkill(options: VerifyOptions): Promise<VerifyResult> {
  const reports: VerificationReport[] = [];
  const cases: SkillCase[] = [];
  for (const trajectory of options.trajectories) {
    const { report, value } = await replay(options, trajectory);
    reports.push(report);
    if (report.ok) cases.push(toCase(trajectory, value));
  }
  return { isVerified: reports.length > 0 && reports.every((report) => report.ok), reports, cases };
}

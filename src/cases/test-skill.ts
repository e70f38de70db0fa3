import { createSandbox, type Limits, type Sandbox } from '../../sandbox/index.js';
import { KnackError } from '../../core/index.js';
import type { SkillStore } from '../store/index.js';
import { runCase } from './run-case.js';

/** One case of a version under `testSkill`. */
export interface CaseTestResult {
  trajectoryId: string;
  ok: boolean;
  /** The 1-based call where the replay diverged or failed, when known. */
  step?: number;
  /** The step-level mismatch, the run error, or the output difference. */
  message?: string;
}

/** The outcome of replaying one version's stored cases. */
export interface SkillTestResult {
  /** `name@N`. */
  ref: string;
  /** `no-cases`: the version was stored before cases were recorded, or none replayed. */
  status: 'passed' | 'failed' | 'no-cases';
  cases: CaseTestResult[];
}

/** Options of `testSkill`. */
export interface TestSkillOptions {
  store: SkillStore;
  /** `name` (the active version), `name@3` or `name@latest`. */
  ref: string;
  /** Bounds of each replay. @default the sandbox defaults */
  limits?: Limits;
  /** A sandbox to run in (left open). @default a pool opened and closed for this call */
  sandbox?: Sandbox;
  signal?: AbortSignal;
}

/** Options of `testSkills`. */
export interface TestSkillsOptions extends Omit<TestSkillOptions, 'ref'> {
  /** The versions to test. @default every stored version of every skill */
  refs?: readonly string[];
}

async function withSandbox<T>(given: Sandbox | undefined, use: (sandbox: Sandbox) => Promise<T>): Promise<T> {
  const sandbox = given ?? (await createSandbox());
  try {
    return await use(sandbox);
  } finally {
    if (!given) await sandbox.close();
  }
}

async function testOne(options: TestSkillOptions, sandbox: Sandbox): Promise<SkillTestResult> {
  const version = await options.store.get(options.ref);
  const ref = `${version.name}@${version.version}`;
  const cases: CaseTestResult[] = [];
  for (const skillCase of version.cases ?? []) {
    options.signal?.throwIfAborted();
    const run = await runCase({
      target: version,
      skillCase,
      run: (runOptions) => sandbox.run(runOptions),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    cases.push({
      trajectoryId: run.trajectoryId,
      ok: run.verdict === 'correct',
      ...(run.step === undefined ? {} : { step: run.step }),
      ...(run.message === undefined ? {} : { message: run.message }),
    });
  }
  const status = cases.length === 0 ? 'no-cases' : cases.every((result) => result.ok) ? 'passed' : 'failed';
  return { ref, status, cases };
}

/**
 * Replays a version's stored cases offline: no real tool runs, the bindings answer from the
 * recorded calls, as verification did. Use it after upgrading knack or its sandbox.
 * @throws KnackError NOT_FOUND, INVALID_SKILL_REF, CLOSED.
 * @example const { status, cases } = await testSkill({ store, ref: 'refund_order_full@1' });
 */
export async function testSkill(options: TestSkillOptions): Promise<SkillTestResult> {
  if (typeof options?.ref !== 'string')
    throw new KnackError('INVALID_ARGUMENT', 'testSkill needs `ref`: name, name@N or name@latest.', {
      where: { field: 'ref' },
    });
  return withSandbox(options.sandbox, (sandbox) => testOne(options, sandbox));
}

async function everyVersion(store: SkillStore): Promise<string[]> {
  const refs: string[] = [];
  for (const summary of await store.list())
    for (let version = 1; version <= summary.latestVersion; version++)
      refs.push(`${summary.name}@${version}`);
  return refs;
}

/**
 * `testSkill` over many versions in one sandbox: `refs`, or every stored version of every skill.
 * A version number claimed by a writer that never finished is skipped.
 * @throws KnackError NOT_FOUND (a named ref), INVALID_SKILL_REF, CLOSED.
 * @example const results = await testSkills({ store }); results.every((result) => result.status !== 'failed')
 */
export async function testSkills(options: TestSkillsOptions): Promise<SkillTestResult[]> {
  const isAll = options.refs === undefined;
  const refs = options.refs ?? (await everyVersion(options.store));
  return withSandbox(options.sandbox, async (sandbox) => {
    const results: SkillTestResult[] = [];
    for (const ref of refs) {
      try {
        results.push(await testOne({ ...options, ref }, sandbox));
      } catch (error) {
        if (isAll && KnackError.isInstance(error) && error.code === 'NOT_FOUND') continue;
        throw error;
      }
    }
    return results;
  });
}

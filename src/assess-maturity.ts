import type { LanguageModel, Trajectory } from '../compiler/index.js';
import { KnackError, type ToolManifestEntry } from '../core/index.js';
import { resolveMaturityPolicy, type MaturityPolicy } from './maturity-policy.js';
import { wilsonInterval } from './cases/index.js';
import { refineStoredSkill } from './refine-stored-skill.js';
import type {
  Maturity,
  MaturityEvidence,
  MaturityMove,
  SkillStatus,
  SkillStore,
  SkillVersion,
} from './store/index.js';

/** How `assessMaturity` refines a demoted version (the existing refine step, with a model). */
export interface AutoRefineOptions {
  /** The tool whitelist the refined skill is checked against. */
  manifest: readonly ToolManifestEntry[];
  /** Trajectory files: the demoted version's own cases (by id) and new ones it failed on. */
  files?: string[];
  /** Trajectories already in native form, same rule as `files`. */
  trajectories?: Trajectory[];
  /** @default env `KNACK_MODEL`; without a model nothing is refined */
  model?: string | LanguageModel;
  /** Model calls before giving up. @default 3 */
  maxAttempts?: number;
}

/** Options of `assessMaturity`. */
export interface AssessMaturityOptions {
  store: SkillStore;
  /** @default `defaultMaturityPolicy` */
  policy?: MaturityPolicy;
  /** Skills to assess. @default every skill in the store */
  names?: readonly string[];
  /** Record each move in the skill's history; false only reports what would move. @default true */
  isRecorded?: boolean;
  /** Who records the moves. @default `knack maturity` */
  by?: string;
  /** Refine each version demoted now into a new `verified` version awaiting review. @default none */
  autoRefine?: AutoRefineOptions;
  signal?: AbortSignal;
}

/** The numbers behind a version's maturity. */
export interface MaturityFigures {
  /** Runs counted, ok, failed (all codes), and runs reported correct or wrong. */
  runs: number;
  ok: number;
  failed: number;
  correct: number;
  wrong: number;
  /** The compiler's leave-one-out result, when the record carries one. */
  leaveOneOut?: { reproduced: number; total: number };
  /** Passes and trials over every body of outside evidence, and the lower 95% Wilson bound. */
  evidencePassed: number;
  evidenceTotal: number;
  lowerBound: number;
  /** The sliding window: runs, the skill's failures and `wrong` reports, and their shares. */
  window: {
    windowMs: number;
    runs: number;
    failed: number;
    wrong: number;
    failureRate: number;
    wrongRate: number;
  };
}

/** One skill's assessed version. */
export interface SkillMaturity {
  name: string;
  /** `name@N`: the active version, else the latest. */
  ref: string;
  status: SkillStatus;
  maturity: Maturity;
  /** The maturity before this assessment. */
  previousMaturity: Maturity;
  /** True when this assessment moved it (and, with `isRecorded`, recorded the move). */
  hasMoved: boolean;
  /** Why it is where it is: this assessment's reason, else the last recorded move's. */
  reason: string;
  /** When its last recorded move happened (none before its first). */
  movedAt?: string;
  needsRefinement: boolean;
  /** For an `autonomous` version the evidence that put it there; else the outside evidence counted now. */
  evidence: MaturityEvidence[];
  figures: MaturityFigures;
  /** The refinement of a version demoted now, with `autoRefine`. */
  refined?: { ok: true; ref: string } | { ok: false; reason: string };
}

/** Codes that are the caller's doing, not the skill's: never counted against it. */
const callerCodes = ['INVALID_INPUT', 'ABORTED'];

/**
 * Reads the compiler's leave-one-out result from the record's optional `evidence.leaveOneOut`
 * (`{ reproduced, total }`); anything else counts as absent.
 */
function leaveOneOutOf(version: SkillVersion): { reproduced: number; total: number } | undefined {
  const evidence = (version as { evidence?: { leaveOneOut?: unknown } }).evidence;
  const result = evidence?.leaveOneOut as { reproduced?: unknown; total?: unknown } | undefined;
  const { reproduced, total } = result ?? {};
  if (!Number.isSafeInteger(reproduced) || !Number.isSafeInteger(total)) return undefined;
  const [passed, trials] = [reproduced as number, total as number];
  return passed >= 0 && trials > 0 && passed <= trials ? { reproduced: passed, total: trials } : undefined;
}

/** Evidence from outside the version's own cases, as disjoint bodies of trials. */
function outsideEvidence(version: SkillVersion, isCountingUnreportedRuns: boolean): MaturityEvidence[] {
  const evidence: MaturityEvidence[] = [];
  const leaveOneOut = leaveOneOutOf(version);
  if (leaveOneOut)
    evidence.push({ kind: 'leave-one-out', passed: leaveOneOut.reproduced, total: leaveOneOut.total });
  const { runs, ok, failures, outcomes } = version.reliability;
  const reported = outcomes.correct + outcomes.wrong;
  if (reported > 0) evidence.push({ kind: 'outcome-reports', passed: outcomes.correct, total: reported });
  if (isCountingUnreportedRuns) {
    const callerFailures = callerCodes.reduce((sum, code) => sum + (failures[code] ?? 0), 0);
    const total = Math.max(0, runs - reported - callerFailures);
    // A `wrong` report may be on an ok run: counting every reported run out of `ok` is the cautious reading.
    const passed = Math.min(total, Math.max(0, ok - reported));
    if (total > 0) evidence.push({ kind: 'production-runs', passed, total });
  }
  return evidence;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

function hours(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${Math.round(ms / 60_000)} min`;
}

type Decision = MaturityMove & { maturity: Maturity };

/** Demotion on the window, else promotion to autonomous on outside evidence, else nothing. */
function decide(
  version: SkillVersion,
  figures: MaturityFigures,
  evidence: MaturityEvidence[],
  policy: Required<MaturityPolicy>,
): Decision | undefined {
  const { window } = figures;
  const current = version.maturity;
  if (current !== 'deliberate' && window.runs >= policy.windowMinRuns) {
    const over =
      window.failureRate > policy.maxFailureRate
        ? `${window.failed} of ${window.runs} runs failed (${percent(window.failureRate)}) in the last ${hours(window.windowMs)}, above ${percent(policy.maxFailureRate)}`
        : window.wrongRate > policy.maxWrongRate
          ? `${window.wrong} of ${window.runs} runs were reported wrong (${percent(window.wrongRate)}) in the last ${hours(window.windowMs)}, above ${percent(policy.maxWrongRate)}`
          : undefined;
    if (over)
      return {
        maturity: current === 'autonomous' ? 'supervised' : 'deliberate',
        reason: `demoted: ${over}`,
        needsRefinement: true,
      };
  }
  if (current !== 'supervised' || version.maturityMark?.needsRefinement) return undefined;
  if (figures.evidenceTotal === 0 || figures.lowerBound <= policy.autonomousMinLowerBound) return undefined;
  const bodies = evidence.map((body) => `${body.kind} ${body.passed}/${body.total}`).join(', ');
  return {
    maturity: 'autonomous',
    reason: `outside evidence ${figures.evidencePassed}/${figures.evidenceTotal} passed (${bodies}); lower 95% Wilson bound ${figures.lowerBound.toFixed(3)} is above ${policy.autonomousMinLowerBound}`,
    evidence,
  };
}

async function figuresOf(
  store: SkillStore,
  version: SkillVersion,
  evidence: MaturityEvidence[],
  policy: Required<MaturityPolicy>,
): Promise<MaturityFigures> {
  const ref = `${version.name}@${version.version}`;
  const window = await store.runWindow(ref, { windowMs: policy.windowMs });
  const { runs, ok, outcomes } = version.reliability;
  const evidencePassed = evidence.reduce((sum, body) => sum + body.passed, 0);
  const evidenceTotal = evidence.reduce((sum, body) => sum + body.total, 0);
  const leaveOneOut = leaveOneOutOf(version);
  return {
    runs,
    ok,
    failed: runs - ok,
    correct: outcomes.correct,
    wrong: outcomes.wrong,
    ...(leaveOneOut ? { leaveOneOut } : {}),
    evidencePassed,
    evidenceTotal,
    lowerBound: Number(wilsonInterval(evidencePassed, evidenceTotal).low.toFixed(4)),
    window: {
      windowMs: policy.windowMs,
      runs: window.runs,
      failed: window.failed,
      wrong: window.wrong,
      failureRate: window.runs === 0 ? 0 : window.failed / window.runs,
      wrongRate: window.runs === 0 ? 0 : Math.min(1, window.wrong / window.runs),
    },
  };
}

async function refine(
  store: SkillStore,
  ref: string,
  options: AutoRefineOptions,
  signal?: AbortSignal,
): Promise<SkillMaturity['refined']> {
  try {
    const result = await refineStoredSkill({
      store,
      ref,
      manifest: options.manifest,
      ...(options.files ? { files: options.files } : {}),
      ...(options.trajectories ? { trajectories: options.trajectories } : {}),
      ...(options.model === undefined ? {} : { model: options.model }),
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
      ...(signal ? { signal } : {}),
    });
    return result.ok ? { ok: true, ref: result.ref } : { ok: false, reason: result.reason };
  } catch (error) {
    // No model, no new case, a parent case missing: the demotion stands, refinement waits.
    if (KnackError.isInstance(error) && error.code !== 'CLOSED') return { ok: false, reason: error.message };
    throw error;
  }
}

/**
 * Brings each skill's maturity up to date with its evidence and records every move with its
 * reason: a `supervised` version whose failure or `wrong` rate over the policy's window is too
 * high is demoted and flagged for refinement (and, with `autoRefine` and a model, refined into a
 * new `verified` version awaiting review); one whose outside evidence (leave-one-out, outcome
 * reports, unreported production runs) has a lower 95% Wilson bound above the threshold becomes
 * `autonomous`, listing that evidence. Assesses the active version of each skill, else its latest.
 * @throws KnackError INVALID_ARGUMENT (policy), NOT_FOUND (a name), store errors.
 * @example
 * for (const skill of await assessMaturity({ store })) console.log(skill.ref, skill.maturity, skill.reason);
 */
export async function assessMaturity(options: AssessMaturityOptions): Promise<SkillMaturity[]> {
  const policy = resolveMaturityPolicy(options.policy);
  const { store } = options;
  const skills = await store.list();
  const names = options.names ?? skills.map((skill) => skill.name);
  const assessed: SkillMaturity[] = [];
  for (const name of names) {
    options.signal?.throwIfAborted();
    const summary = skills.find((skill) => skill.name === name);
    const ref = `${name}@${summary?.activeVersion ?? summary?.latestVersion ?? 'latest'}`;
    const version = await store.get(ref);
    const evidence = outsideEvidence(version, policy.isCountingUnreportedRuns);
    const figures = await figuresOf(store, version, evidence, policy);
    const decision = decide(version, figures, evidence, policy);
    const mark = version.maturityMark;
    const canonical = `${version.name}@${version.version}`;
    const skill: SkillMaturity = {
      name,
      ref: canonical,
      status: version.status,
      maturity: decision?.maturity ?? version.maturity,
      previousMaturity: version.maturity,
      hasMoved: decision !== undefined,
      reason: decision?.reason ?? mark?.reason ?? `${version.status}: never moved`,
      ...(mark && !decision ? { movedAt: mark.at } : {}),
      needsRefinement: decision?.needsRefinement ?? mark?.needsRefinement ?? false,
      evidence: decision?.evidence ?? (version.maturity === 'autonomous' ? (mark?.evidence ?? []) : evidence),
      figures,
    };
    if (decision && options.isRecorded !== false) {
      const event = await store.recordMaturity(canonical, {
        ...decision,
        by: options.by ?? 'knack maturity',
      });
      skill.movedAt = event.at;
      if (decision.needsRefinement && options.autoRefine)
        skill.refined = await refine(store, canonical, options.autoRefine, options.signal);
    }
    assessed.push(skill);
  }
  return assessed;
}

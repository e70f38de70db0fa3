import { KnackError } from '../core/index.js';
import { maturityOrder, type Maturity, type ResolvedVersion } from './store/index.js';

/**
 * When a version becomes `autonomous`, when it is demoted, and what may be served. Every field is
 * optional; `resolveMaturityPolicy` fills the documented defaults.
 */
export interface MaturityPolicy {
  /**
   * Lower bound of the 95% Wilson interval of the pass rate over evidence from outside the
   * version's own cases (leave-one-out, outcome reports, unreported production runs) that a
   * `supervised` version must exceed to become `autonomous`. @default 0.9
   */
  autonomousMinLowerBound?: number;
  /** Count counted runs nobody reported on as evidence (a failed one as a miss). @default true */
  isCountingUnreportedRuns?: boolean;
  /** Length of the sliding window whose failure and `wrong` rates can demote a version, in ms. @default 86_400_000 (24 h) */
  windowMs?: number;
  /** Runs the window must hold before its rates are judged. @default 20 */
  windowMinRuns?: number;
  /** Share of runs in the window that failed (the skill's failures, not INVALID_INPUT or ABORTED) above which a version is demoted. @default 0.2 */
  maxFailureRate?: number;
  /** Share of runs in the window reported `wrong` above which a version is demoted. @default 0.05 */
  maxWrongRate?: number;
  /**
   * Least maturity `mayServe` lets through, on top of active and approved. `deliberate` serves
   * every reviewed active version; `supervised` leaves out demoted ones; `autonomous` only
   * versions trusted to run unattended. @default 'deliberate'
   */
  serveAtLeast?: Maturity;
}

/** The defaults of every `MaturityPolicy` field. */
export const defaultMaturityPolicy: Readonly<Required<MaturityPolicy>> = Object.freeze({
  autonomousMinLowerBound: 0.9,
  isCountingUnreportedRuns: true,
  windowMs: 24 * 60 * 60 * 1000,
  windowMinRuns: 20,
  maxFailureRate: 0.2,
  maxWrongRate: 0.05,
  serveAtLeast: 'deliberate',
});

function invalid(field: string, rule: string, value: unknown): KnackError {
  return new KnackError(
    'INVALID_ARGUMENT',
    `Maturity policy: \`${field}\` must be ${rule}, got ${JSON.stringify(value)}.`,
    { where: { field } },
  );
}

/**
 * The policy with defaults filled in.
 * @throws KnackError INVALID_ARGUMENT naming the field that is out of range.
 */
export function resolveMaturityPolicy(policy: MaturityPolicy = {}): Required<MaturityPolicy> {
  const resolved = { ...defaultMaturityPolicy, ...policy };
  const shares = ['autonomousMinLowerBound', 'maxFailureRate', 'maxWrongRate'] as const;
  for (const field of shares) {
    const value = resolved[field];
    if (typeof value !== 'number' || !(value >= 0 && value <= 1))
      throw invalid(field, 'a share from 0 to 1', value);
  }
  if (!Number.isFinite(resolved.windowMs) || resolved.windowMs <= 0)
    throw invalid('windowMs', 'a positive number of ms', resolved.windowMs);
  if (!Number.isSafeInteger(resolved.windowMinRuns) || resolved.windowMinRuns < 1)
    throw invalid('windowMinRuns', 'a whole number of 1 or more', resolved.windowMinRuns);
  if (typeof resolved.isCountingUnreportedRuns !== 'boolean')
    throw invalid('isCountingUnreportedRuns', 'true or false', resolved.isCountingUnreportedRuns);
  if (!maturityOrder.includes(resolved.serveAtLeast))
    throw invalid('serveAtLeast', maturityOrder.join(', '), resolved.serveAtLeast);
  return resolved;
}

/**
 * Whether a server may list and run this version for agents: active, approved, and at least
 * `policy.serveAtLeast` mature. The default serves every reviewed active version.
 * @example if (mayServe(await store.resolve('refund_order'), policy)) listTool(version);
 */
export function mayServe(
  version: Pick<ResolvedVersion, 'status' | 'review' | 'maturity'>,
  policy: MaturityPolicy = {},
): boolean {
  const { serveAtLeast } = resolveMaturityPolicy(policy);
  if (version.status !== 'active' || version.review?.decision !== 'approve') return false;
  return maturityOrder.indexOf(version.maturity) >= maturityOrder.indexOf(serveAtLeast);
}

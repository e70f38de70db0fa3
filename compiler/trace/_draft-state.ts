import type { JsonSchema } from '../../core/index.js';
import type { Trajectory } from '../import/index.js';
import { holdsIn, type Expr, type Scope } from './_expr.js';

/** What the user wrote in a run: the task and the later messages, one per line. */
export function userText(trajectory: Trajectory): string {
  return [trajectory.task, ...(trajectory.context ?? [])].join('\n');
}

/** One occurrence of the value being resolved: in a sibling trajectory, or a loop iteration. */
export interface Instance {
  trajectory: number;
  scope: Scope;
  value: unknown;
}

/** A skill parameter found while drafting. */
export interface ParamSpec {
  tsType: string;
  isSecret: boolean;
  /**
   * Set on inputs that are alternatives: each names the same element (`destination` or `date` of
   * the reservation); the caller gives at least one of `names`. @default undefined (required)
   */
  alternativeOf?: { noun: string; names: string[] };
}

/** A value the skill takes on trust: a constant or a choice no recorded evidence explains. */
export interface DraftAssumption {
  /** The argument or input it concerns (`amount`, `reservationId`). */
  subject: string;
  /** The value in the recorded run(s). */
  value: unknown;
  /** Why it is an assumption, in words a reviewer reads. */
  reason: string;
}

/** What the drafter knows across the sibling group. */
export interface DraftState {
  /** Task text plus later user messages, per trajectory. */
  texts: string[];
  /** Caller input per trajectory; derived parameters are added here. */
  inputs: Record<string, unknown>[];
  params: Map<string, ParamSpec>;
  /** Constants and unexplained choices, for the skill's evidence. */
  assumptions: DraftAssumption[];
}

/** Where the value sits: its key, the tool, its schema, and the segment (refs must come before it). */
export interface ResolveContext {
  key?: string;
  tool?: string;
  schema?: JsonSchema;
  segment: number;
  /** Values of the answer never become parameters. @default false */
  isOutput?: boolean;
  /** The value's place in an array of several being resolved, for structurally parallel sources. */
  parallel?: { position: number; length: number };
  /** The entries of the same object resolved before this one (`reservation_id` before `total_baggages`). */
  earlier?: readonly (readonly [string, Expr])[];
}

/** True when `expr` yields each instance's value in its scope. */
export function holdsEverywhere(expr: Expr, instances: readonly Instance[]): boolean {
  return instances.every((instance) => holdsIn(expr, instance.scope, instance.value));
}

/** True when the caller typed `value` in the task text or a later message. */
export function occursInText(value: unknown, text: string): boolean {
  // A number standing alone: not the tail of an id (`dee_1`), a word (`B2`) or a decimal.
  if (typeof value === 'number')
    return new RegExp(`(^|[^\\w.])${String(value).replace('.', '\\.')}($|[^\\w.]|\\.(?!\\d))`).test(text);
  return typeof value === 'string' && value.length >= 2 && text.includes(value);
}

/** Distinct trajectories among the instances (loop iterations of one run count once). */
export function runCount(instances: readonly Instance[]): number {
  return new Set(instances.map((instance) => instance.trajectory)).size;
}

/**
 * True when the user wrote `value` in the conversation, allowing the forms people type: any case
 * for whole words (`mastercard` for `Mastercard`), words for a `_`/`-` token (`gift card` for
 * `gift_card`) and a time without seconds (`13:00` for `13:00:00`). `asWords: false` leaves the
 * words out: a tool's own token (`works_at`) is no value the user gave because they wrote "works at".
 */
export function isUserWritten(value: unknown, text: string, options: { asWords?: boolean } = {}): boolean {
  if (occursInText(value, text)) return true;
  if (typeof value !== 'string' || value.length < 2) return false;
  const time = /^(\d\d:\d\d):00$/.exec(value);
  if (time) return new RegExp(`(^|[^\\d:])${time[1]}($|[^\\d:])`).test(text);
  // A token joined by `_` or `-` (`gift_card`) is typed as words: `gift card`, `Gift-card`.
  if (/^[A-Za-z]+([_-][A-Za-z]+)+$/.test(value) && options.asWords !== false)
    return new RegExp(`\\b${value.split(/[_-]/).join('[\\s_-]+')}\\b`, 'i').test(text);
  // Any case only for one word: a phrase in other case is the agent's wording, not the user's.
  if (!/^\w[\w-]*$/.test(value)) return false;
  return new RegExp(`\\b${value}\\b`, 'i').test(text);
}

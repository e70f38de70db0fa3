import type { JsonSchema } from '../../core/index.js';
import { holdsIn, type Expr, type Scope } from './_expr.js';

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
}

/** What the drafter knows across the sibling group. */
export interface DraftState {
  /** Task text plus later user messages, per trajectory. */
  texts: string[];
  /** Caller input per trajectory; derived parameters are added here. */
  inputs: Record<string, unknown>[];
  params: Map<string, ParamSpec>;
}

/** Where the value sits: its key, the tool, its schema, and the segment (refs must come before it). */
export interface ResolveContext {
  key?: string;
  tool?: string;
  schema?: JsonSchema;
  segment: number;
  /** Values of the answer never become parameters. @default false */
  isOutput?: boolean;
}

/** True when `expr` yields each instance's value in its scope. */
export function holdsEverywhere(expr: Expr, instances: readonly Instance[]): boolean {
  return instances.every((instance) => holdsIn(expr, instance.scope, instance.value));
}

/** True when the caller typed `value` in the task text or a later message. */
export function occursInText(value: unknown, text: string): boolean {
  if (typeof value === 'number')
    return new RegExp(`(^|[^\\d.])${String(value).replace('.', '\\.')}($|[^\\d])`).test(text);
  return typeof value === 'string' && value.length >= 2 && text.includes(value);
}

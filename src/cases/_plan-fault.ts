import { createValidator, type JsonSchema, type Validator } from '../../core/index.js';
import { FAULT_KINDS, type FaultKind, type FaultSpec } from './fault-spec.js';

/** What a faulty tool does instead of its recorded answer. */
export type FaultPlan =
  | { kind: 'transient' }
  | { kind: 'timeout' }
  | { kind: 'latency'; delayMs: number }
  | { kind: 'schema' | 'empty' | 'missing'; result: unknown };

const validators = new WeakMap<object, Validator<unknown>>();

function validatorOf(schema: Record<string, unknown>): Validator<unknown> {
  let validator = validators.get(schema);
  if (!validator) validators.set(schema, (validator = createValidator(schema)));
  return validator;
}

// The first of a few plain values the schema refuses: a result of the wrong shape.
function violating(schema: JsonSchema | undefined): unknown {
  if (typeof schema !== 'object') return undefined;
  const validate = validatorOf(schema);
  return [null, 'injected: not the documented shape', -1, [], {}, true].find((value) => !validate(value).ok);
}

function emptyLists(value: unknown): { value: unknown; changed: boolean } {
  if (Array.isArray(value)) return { value: [], changed: value.length > 0 };
  if (typeof value !== 'object' || value === null) return { value, changed: false };
  let changed = false;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const emptied = emptyLists(item);
    copy[key] = emptied.value;
    changed ||= emptied.changed;
  }
  return { value: copy, changed };
}

function asSchema(schema: unknown): Record<string, unknown> | undefined {
  return typeof schema === 'object' && schema !== null && !Array.isArray(schema)
    ? (schema as Record<string, unknown>)
    : undefined;
}

// Drops the fields the schema lists as properties but does not require, at every depth it describes.
function dropOptional(value: unknown, schema: unknown): { value: unknown; changed: boolean } {
  const described = asSchema(schema);
  if (!described) return { value, changed: false };
  if (Array.isArray(value)) {
    const items = value.map((item) => dropOptional(item, described['items']));
    return { value: items.map((item) => item.value), changed: items.some((item) => item.changed) };
  }
  const properties = asSchema(described['properties']);
  if (typeof value !== 'object' || value === null || !properties) return { value, changed: false };
  const required = new Set(Array.isArray(described['required']) ? (described['required'] as unknown[]) : []);
  let changed = false;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (Object.hasOwn(properties, key) && !required.has(key)) {
      changed = true;
      continue;
    }
    const dropped = dropOptional(item, properties[key]);
    copy[key] = dropped.value;
    changed ||= dropped.changed;
  }
  return { value: copy, changed };
}

function pickKind(spec: FaultSpec, draw: number): FaultKind | undefined {
  let threshold = 0;
  for (const kind of FAULT_KINDS) {
    threshold += spec.rates[kind];
    if (draw < threshold) return kind;
  }
  return undefined;
}

/** Options of `planFault`: the spec, two seeded draws, and the recorded answer of the call. */
export interface PlanFaultOptions {
  spec: FaultSpec;
  /** Picks the kind, 0..1. */
  draw: number;
  /** Picks the delay of a latency fault, 0..1. */
  jitterDraw: number;
  /** Whether the recorded call answered (a recorded failure has no result to alter). */
  hasResult: boolean;
  result: unknown;
  outputSchema?: JsonSchema;
}

/**
 * The fault for one call, or `undefined`: the draw picks a kind by the spec's chances; a data
 * fault that cannot apply (no schema to violate, no list to empty, no optional field) is no fault.
 */
export function planFault(options: PlanFaultOptions): FaultPlan | undefined {
  const kind = pickKind(options.spec, options.draw);
  if (kind === 'transient' || kind === 'timeout') return { kind };
  if (kind === 'latency') return { kind, delayMs: Math.round(options.jitterDraw * options.spec.latencyMs) };
  if (kind === undefined || !options.hasResult) return undefined;
  if (kind === 'schema') {
    const result = violating(options.outputSchema);
    return result === undefined ? undefined : { kind, result };
  }
  const altered =
    kind === 'empty' ? emptyLists(options.result) : dropOptional(options.result, options.outputSchema);
  return altered.changed ? { kind, result: altered.value } : undefined;
}

import { KnackError } from '../../core/index.js';

/**
 * Faults the benchmark injects into tool calls, one at most per call:
 * `transient` (the tool fails with a retryable error), `timeout` (the tool never answers, so the
 * run hits its deadline), `latency` (the answer comes late, by up to `latencyMs`), `schema` (the
 * result violates the tool's output schema), `empty` (lists in the result come back empty) and
 * `missing` (optional fields of the result are left out).
 */
export type FaultKind = 'transient' | 'timeout' | 'latency' | 'schema' | 'empty' | 'missing';

/** The fault kinds, in the order a draw walks them. */
export const FAULT_KINDS: readonly FaultKind[] = [
  'transient',
  'timeout',
  'latency',
  'schema',
  'empty',
  'missing',
];

/** Chance of each fault per tool call (0..1, summing to at most 1), and the latency bound. */
export interface FaultSpec {
  rates: Record<FaultKind, number>;
  /** Most delay a `latency` fault adds, in ms. @default 50 */
  latencyMs: number;
}

/** The fault mix `knack bench` uses unless told otherwise. */
export const DEFAULT_FAULT_SPEC: string =
  'transient=0.05,timeout=0.01,latency=0.1,schema=0.02,empty=0.02,missing=0.02';

function noFaults(): FaultSpec {
  return {
    rates: { transient: 0, timeout: 0, latency: 0, schema: 0, empty: 0, missing: 0 },
    latencyMs: 50,
  };
}

function invalid(message: string): KnackError {
  return new KnackError('INVALID_ARGUMENT', `--faults: ${message}`, { where: { field: 'faults' } });
}

/**
 * Parses `transient=0.1,timeout=0.05,latency=0.2,latencyMs=80,...` (per-call chances, each
 * 0..1, summing to at most 1; kinds not named are 0). `none` or `` injects nothing.
 * @throws KnackError INVALID_ARGUMENT naming the bad part.
 * @example parseFaultSpec('transient=0.1,timeout=0.05').rates.transient // 0.1
 */
export function parseFaultSpec(text: string): FaultSpec {
  const spec = noFaults();
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'none') return spec;
  for (const part of trimmed.split(',')) {
    const match = /^\s*([A-Za-z]+)\s*=\s*([0-9.eE+-]+)\s*$/.exec(part);
    if (!match) throw invalid(`\`${part}\` is not KIND=NUMBER (e.g. transient=0.1).`);
    const [, key = '', raw = ''] = match;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw invalid(`\`${part}\`: ${raw} is not a number.`);
    if (key === 'latencyMs') {
      if (value < 0) throw invalid(`latencyMs must be 0 or more, got ${value}.`);
      spec.latencyMs = value;
    } else if ((FAULT_KINDS as readonly string[]).includes(key)) {
      if (value < 0 || value > 1) throw invalid(`${key} is a chance per call, 0..1, got ${value}.`);
      spec.rates[key as FaultKind] = value;
    } else throw invalid(`unknown fault \`${key}\`; use ${FAULT_KINDS.join(', ')} or latencyMs.`);
  }
  const sum = FAULT_KINDS.reduce((total, kind) => total + spec.rates[kind], 0);
  if (sum > 1 + 1e-9)
    throw invalid(`the chances add up to ${sum}; at most one fault hits a call, so keep them at 1 or less.`);
  return spec;
}

/** The spec as `parseFaultSpec` reads it, kinds in fixed order, zero rates left out. */
export function formatFaultSpec(spec: FaultSpec): string {
  const parts = FAULT_KINDS.filter((kind) => spec.rates[kind] > 0).map(
    (kind) => `${kind}=${spec.rates[kind]}`,
  );
  if (spec.rates.latency > 0) parts.push(`latencyMs=${spec.latencyMs}`);
  return parts.join(',') || 'none';
}

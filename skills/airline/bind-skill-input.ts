import type { CompiledSkill } from '../../compiler/index.js';
import { airlineRunFacts } from './held-out-inputs.js';
import type { AirlineState } from './airline-state.js';
import { createAirlineSeed } from './create-seed-data.js';
import type { Facts } from './task-shape.js';
import { findTaskShape } from './task-shapes.js';

/**
 * What the caller of a skill knows of a request: `words`, only what the customer said; `policy`,
 * also what its policy makes it work out before acting (`TaskShape.workedOut`: the bags beyond the
 * free allowance), as the agent serving the next customer does. Neither knows an id the skill must
 * find, a price or the expected outcome.
 */
export type CallerKnowledge = 'words' | 'policy';

// The airline before any run, which the policy reads (profiles, reservations); never written.
let seed: AirlineState | undefined;

/** The facts a caller with `knowledge` has of a request of the shape of `trajectoryId`. */
function callerFacts(trajectoryId: string, request: Facts, knowledge: CallerKnowledge): Facts {
  const workedOut = knowledge === 'policy' ? findTaskShape(trajectoryId)?.workedOut : undefined;
  if (!workedOut) return request;
  seed ??= createAirlineSeed();
  return { ...request, ...workedOut(request, seed) };
}

const isSameFact = (value: unknown, factValue: string | number): boolean =>
  value === factValue ||
  (typeof value === 'string' &&
    value.replace(/[\s_-]+/g, ' ').toLowerCase() ===
      String(factValue)
        .replace(/[\s_-]+/g, ' ')
        .toLowerCase()) ||
  // A time the user wrote as `13:00` for the fact `13:00:00`.
  (typeof value === 'string' && /^\d\d:\d\d$/.test(value) && String(factValue).startsWith(`${value}:`));

// `totalBaggages` and `bags` share the stem `bag`: some word of the fact starts the same.
function isNamedLike(inputName: string, fact: string): boolean {
  const name = inputName.toLowerCase();
  return fact.split('_').some((word) => word.length >= 3 && name.includes(word.slice(0, 3)));
}

/**
 * Per input of the skill: the facts it held in the recorded cases, best first. A fact counts when
 * the input equals it in some case; the best agree most often net of the cases where they differ,
 * then differ least: `fallback_payment` (the card that worked after another was refused) before
 * `payment` (the customer's first choice) when the input held the card that worked, and `payment`
 * for a request with no fallback. Ties go to the fact named like the input (`0` may be `bags` or
 * `companions`). Cases where a fact is absent count neither way.
 *
 * The list is read as a caller reads it, first fact the request has wins, so a fact stays on it
 * only if it held the input in every case that reached it: `payment` after `fallback_payment`
 * (the cases it differs in all had a fallback), never `add_bags` for `nonfreeBaggages` (equal in
 * one run by chance, different in two: a quantity the agent worked out, which no customer says).
 */
function inputFacts(skill: CompiledSkill, knowledge: CallerKnowledge): Map<string, string[]> {
  const tallies = new Map<string, Map<string, { agree: number; differ: number }>>();
  const cases = (skill.cases ?? []).map((skillCase) => ({
    facts: callerFacts(skillCase.trajectoryId, airlineRunFacts(skillCase.trajectoryId) ?? {}, knowledge),
    input: (skillCase.input ?? {}) as Record<string, unknown>,
  }));
  for (const { facts, input } of cases)
    for (const [name, value] of Object.entries(input))
      for (const [fact, factValue] of Object.entries(facts)) {
        const perFact = tallies.get(name) ?? new Map<string, { agree: number; differ: number }>();
        const tally = perFact.get(fact) ?? { agree: 0, differ: 0 };
        if (isSameFact(value, factValue)) tally.agree += 1;
        else tally.differ += 1;
        perFact.set(fact, tally);
        tallies.set(name, perFact);
      }
  const ranked = [...tallies].map(([name, perFact]): [string, string[]] => [
    name,
    [...perFact]
      .filter(([, tally]) => tally.agree > 0)
      .sort(
        ([leftFact, left], [rightFact, right]) =>
          right.agree - right.differ - (left.agree - left.differ) ||
          left.differ - right.differ ||
          Number(isNamedLike(name, rightFact)) - Number(isNamedLike(name, leftFact)),
      )
      .map(([fact]) => fact),
  ]);
  return new Map(ranked.map(([name, facts]) => [name, decisionList(name, facts, cases)]));
}

// The facts, in order, that a caller taking the first one the request has would fill `name` right
// with in every recorded case.
function decisionList(
  name: string,
  ranked: readonly string[],
  cases: readonly { facts: Facts; input: Record<string, unknown> }[],
): string[] {
  const kept: string[] = [];
  const holds = (fact: string): boolean => {
    const reached = cases.filter(
      ({ facts, input }) =>
        name in input && facts[fact] !== undefined && kept.every((earlier) => facts[earlier] === undefined),
    );
    return (
      reached.length > 0 &&
      reached.every(({ facts, input }) => isSameFact(input[name], facts[fact] as string | number))
    );
  };
  // Best first among those that hold: `payment` holds once `fallback_payment` took the cases it
  // did not.
  for (;;) {
    const next = ranked.find((fact) => !kept.includes(fact) && holds(fact));
    if (next === undefined) return kept;
    kept.push(next);
  }
}

function schemaList(schema: unknown, key: string): unknown[] {
  const value =
    typeof schema === 'object' && schema !== null ? (schema as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? value : [];
}

function schemaObject(schema: unknown, key: string): Record<string, unknown> {
  const value =
    typeof schema === 'object' && schema !== null ? (schema as Record<string, unknown>)[key] : undefined;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The input fields of the skill's schema, and which it requires. */
function inputFields(skill: CompiledSkill): { names: string[]; required: Set<string>; sets: string[][] } {
  const properties = schemaObject(skill.inputSchema, 'properties');
  const sets = schemaList(skill.inputSchema, 'anyOf').map((option) =>
    schemaList(option, 'required').filter((name): name is string => typeof name === 'string'),
  );
  return {
    names: Object.keys(properties),
    required: new Set(
      schemaList(skill.inputSchema, 'required').filter((name) => typeof name === 'string') as string[],
    ),
    sets,
  };
}

/** What `bindSkillInput` made of a request. */
export interface BoundSkillInput {
  input: Record<string, unknown>;
  /**
   * Inputs the request cannot fill: a required input whose value was no fact of any recorded run
   * (an id the agent chose) or a fact this request lacks; or, when none of the input schema's
   * alternatives (`anyOf` of required sets) can be filled, the fields of the first.
   */
  unfillable: string[];
}

function convert(value: string | number, training: unknown): unknown {
  if (typeof training === 'string' && /^\d\d:\d\d$/.test(training)) return String(value).slice(0, 5);
  return typeof training === 'number' ? Number(value) : value;
}

/**
 * The input of a compiled skill for a request, as a caller who knows what the customer said (and,
 * with `knowledge` `policy`, what its policy makes it work out) would fill it: each input takes the
 * request's value of the fact that input held in the skill's recorded cases (most cases first); an
 * optional input whose fact the request lacks is left out; a required one the request cannot fill
 * keeps its first case's value (and is listed as unfillable). Reads only the request's facts and
 * the skill's own cases, never the expected outcome.
 */
export function bindSkillInput(
  skill: CompiledSkill,
  said: Facts,
  knowledge: CallerKnowledge = 'policy',
): BoundSkillInput {
  const factsOf = inputFacts(skill, knowledge);
  const request = callerFacts(skill.provenance.trajectoryIds[0] ?? '', said, knowledge);
  const first = ((skill.cases ?? [])[0]?.input ?? {}) as Record<string, unknown>;
  const { names, required, sets } = inputFields(skill);
  const input: Record<string, unknown> = {};
  const missing: string[] = [];
  // An input no recorded case filled (an alternative the compiler added, such as the element's
  // id): the fact of the same name, as a caller reading the schema would fill it.
  const sameName = (name: string): string | undefined =>
    Object.keys(request).find((fact) => fact.replace(/_/g, '').toLowerCase() === name.toLowerCase());
  for (const name of names) {
    const known = factsOf.get(name) ?? [];
    const fact = known.length > 0 ? known.find((key) => request[key] !== undefined) : sameName(name);
    const value = fact === undefined ? undefined : request[fact];
    if (value !== undefined) input[name] = convert(value, first[name]);
    else if (required.has(name) && name in first) {
      input[name] = first[name];
      missing.push(name);
    } else if (required.has(name)) missing.push(name);
  }
  const isSetFilled = (set: string[]): boolean => set.every((name) => name in input);
  if (sets.length > 0 && !sets.some(isSetFilled))
    missing.push(...(sets[0] ?? []).filter((name) => !(name in input)));
  return { input, unfillable: missing };
}

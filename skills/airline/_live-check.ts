import type { CompiledSkill } from '../../compiler/index.js';
import { defineTools, runSkill } from '../../sandbox/index.js';
import { createAirline } from './create-airline.js';
import { bindSkillInput, type CallerKnowledge } from './bind-skill-input.js';
import type { Facts } from './task-shape.js';
import { checkAirlineEffect, findTaskShape } from './task-shapes.js';

/** One live run of a skill for a request: did it leave the airline as the policy says? */
export interface LiveCheck {
  skill: string;
  request: Facts;
  input: Record<string, unknown>;
  isCorrect: boolean;
  /** The run's error code, or the first state paths that differ from the expected state. */
  reason?: string;
  /** The run's error message, when it failed. */
  error?: string;
  /** Required inputs the request could not fill (`bindSkillInput`): the skill was not run. */
  unfillable?: string[];
}

/**
 * Runs `skill` live on a fresh seeded airline for `request` (input bound from the skill's own
 * recorded cases by `bindSkillInput`) and checks the effect with `checkAirlineEffect`. A skill
 * whose required inputs the request cannot fill is not run: it cannot serve that customer.
 */
export async function checkSkillLive(
  skill: CompiledSkill,
  request: Facts,
  knowledge: CallerKnowledge = 'policy',
): Promise<LiveCheck> {
  const ids = skill.provenance.trajectoryIds;
  const shape = findTaskShape(ids[0] ?? '');
  if (!shape) throw new Error(`${ids[0] ?? '(none)'} is not an airline run`);
  const { input, unfillable } = bindSkillInput(skill, request, knowledge);
  // A caller who cannot fill a required input cannot serve the customer, whatever a guess would do.
  if (unfillable.length > 0)
    return {
      skill: skill.name,
      request,
      input,
      isCorrect: false,
      reason: `needs ${unfillable.join(', ')}, which the request does not give`,
      unfillable,
    };
  const airline = createAirline();
  const run = await runSkill({
    source: skill.bundle,
    input,
    tools: defineTools(airline.definitions),
    inputSchema: skill.inputSchema,
  });
  const effect = checkAirlineEffect(shape.name, request, airline.state);
  const reason = run.ok
    ? effect.differences.slice(0, 3).join(', ')
    : `${run.error.code}: ${run.error.message}`;
  const isCorrect = run.ok && effect.isCorrect;
  return {
    skill: skill.name,
    request,
    input,
    isCorrect,
    ...(isCorrect ? {} : { reason: reason.slice(0, 200) }),
    ...(run.ok ? {} : { error: run.error.message }),
  };
}

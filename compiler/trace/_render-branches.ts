import type { Expr } from './_expr.js';
import type { BranchCondition } from './_branch-condition.js';
import { renderExpr, renderKey, type RenderNames } from './_render-expr.js';

/** What the `if` of an arm is made of. */
export interface ArmHeader {
  /** The test that sends a run down this arm; absent on the last arm (`else`). */
  condition?: BranchCondition;
  /** The sibling runs that took this arm, for the comment a reviewer reads. */
  trajectoryIds: string[];
  /** Optional inputs this arm needs (only its siblings gave them): checked before its steps. */
  requiredInputs: string[];
}

/** The value a condition reads. */
export function conditionSubject(condition: BranchCondition): Expr {
  if (condition.kind === 'given') return { kind: 'ref', root: { type: 'input' }, path: [condition.input] };
  return condition.kind === 'equals' ? condition.value : condition.list;
}

/** Renders a condition as a TypeScript test. */
export function renderCondition(condition: BranchCondition, names: RenderNames): string {
  const subject = renderExpr(conditionSubject(condition), names);
  if (condition.kind === 'empty') return `${subject}.length ${condition.isEmpty ? '=== 0' : '> 0'}`;
  if (condition.kind === 'length') return `${subject}.length ${condition.op} ${condition.count}`;
  if (condition.kind === 'given') return `${subject} !== undefined`;
  return `${subject} === ${JSON.stringify(condition.equals)}`;
}

function guard(name: string, arm: ArmHeader, pad: string): string[] {
  const field = /^[A-Za-z_$][\w$]*$/.test(name) ? `input.${name}` : `input[${renderKey(name)}]`;
  const message = `Input \`${name}\` is required on this path (the one ${arm.trajectoryIds.join(', ')} took).`;
  return [`${pad}if (${field} === undefined) throw new Error(${JSON.stringify(message)});`];
}

/**
 * Renders `if (cond) { ... } else if (cond) { ... } else { ... }`, each arm opening with a comment
 * naming the sibling runs that took it and a check of the optional inputs it needs.
 */
export function renderBranches<Arm extends ArmHeader>(
  arms: readonly Arm[],
  names: RenderNames,
  pad: string,
  renderArm: (arm: Arm) => string[],
): string[] {
  const lines: string[] = [];
  arms.forEach((arm, position) => {
    const test = arm.condition ? `if (${renderCondition(arm.condition, names)}) ` : '';
    lines.push(position === 0 ? `${pad}${test}{` : `${pad}} else ${test}{`);
    const runs = arm.trajectoryIds.length === 1 ? 'run' : 'runs';
    lines.push(`${pad}  // The path the ${runs} ${arm.trajectoryIds.join(', ')} took.`);
    for (const name of arm.requiredInputs) lines.push(...guard(name, arm, `${pad}  `));
    lines.push(...renderArm(arm));
  });
  lines.push(`${pad}}`);
  return lines;
}

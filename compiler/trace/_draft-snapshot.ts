import type { DraftState, ParamSpec } from './_draft-state.js';

/** The draft's inputs, parameters and assumptions before a try. */
export interface DraftSnapshot {
  params: Map<string, ParamSpec>;
  inputs: Record<string, unknown>[];
  assumptions: number;
}

/** What a tried rule may change: a rejected try must leave no input, parameter or assumption. */
export function saveDraft(state: DraftState): DraftSnapshot {
  return {
    params: new Map(state.params),
    inputs: state.inputs.map((input) => ({ ...input })),
    assumptions: state.assumptions.length,
  };
}

/** Puts the draft back as `snapshot` found it (input objects are shared with scopes: edited in place). */
export function restoreDraft(state: DraftState, snapshot: DraftSnapshot): void {
  state.params.clear();
  for (const [name, spec] of snapshot.params) state.params.set(name, spec);
  state.inputs.forEach((input, index) => {
    for (const key of Object.keys(input)) if (!(key in (snapshot.inputs[index] ?? {}))) delete input[key];
  });
  state.assumptions.length = snapshot.assumptions;
}

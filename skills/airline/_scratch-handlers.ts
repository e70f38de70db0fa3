import { calculate } from './_calculate.js';
import { tick } from './_airline-records.js';
import type { AirlineState } from './airline-state.js';

/** Handlers of the scratch tools (`think`, `calculate`) and the hand-over to a human. */
export function createScratchHandlers(state: AirlineState): Record<string, (args: never) => unknown> {
  return {
    // Like the benchmark's tool: thinking changes nothing and answers nothing.
    think: () => '',
    calculate: (args: { expression: string }) => String(Math.round(calculate(args.expression) * 100) / 100),
    transfer_to_human_agents: (args: { summary: string }) => {
      state.transfers.push({ summary: args.summary, at: tick(state) });
      return 'Transfer successful';
    },
  };
}

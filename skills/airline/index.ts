/**
 * @module skills/airline: a second example domain, an airline customer-service desk in memory
 * (users, reservations, flights, payment methods, bag and cancellation policy) with 15 tools,
 * recorded agent conversations that look like real logs (policy prompt, chatter, retries, scratch
 * calls) under `trajectories/`, held-out requests and an effect check for live runs.
 */
export { airlineManifest } from './airline-manifest.js';
export { createAirline } from './create-airline.js';
export type { Airline } from './create-airline.js';
export { createAirlineSeed, AIRLINE_SEED_NOW } from './create-seed-data.js';
export type {
  AirlineState,
  Cabin,
  Flight,
  FlightDate,
  Passenger,
  PaymentMethod,
  PaymentRecord,
  PerCabin,
  Reservation,
  ReservationFlight,
  Transfer,
  User,
} from './airline-state.js';
export { AIRLINE_DIR, listAirlineFiles, recordAirlineTrajectories } from './record-trajectories.js';
export {
  airlineRuns,
  checkAirlineEffect,
  expectedAirlineState,
  findTaskShape,
  taskShapes,
} from './task-shapes.js';
export type { AirlineEffectCheck } from './task-shapes.js';
export type { AgentStyle, AirlineRun, Facts, OpenAiErrorStyle, TaskShape } from './task-shape.js';
export type { Attempt, ConversationAgent } from './_conversation-runner.js';
export { airlineHeldOutInputsFor, airlineRunFacts } from './held-out-inputs.js';
export { airlineTrajectoryFiles } from './trajectory-files.js';
export { bindSkillInput } from './bind-skill-input.js';
export type { BoundSkillInput } from './bind-skill-input.js';
export { evaluateAirlineSkills, formatAirlineEvaluation } from './evaluate-airline-skills.js';
export type { AirlineEvaluation, EvaluateAirlineOptions } from './evaluate-airline-skills.js';
export type { AirlineTrajectoryFormat } from './trajectory-files.js';
export { createTools } from './pack.js';
export { demoDomain } from './demo-domain.js';
export { evaluateLeaveOneOutLive, formatLeaveOneOutLive } from './leave-one-out-live.js';
export type { LeaveOneOutFold, LeaveOneOutLive } from './leave-one-out-live.js';

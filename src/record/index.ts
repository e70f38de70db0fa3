/**
 * @module src/record: `knack record` and `knack propose`. An MCP server in front of an agent's
 * own writes each session as a native trajectory file (the user's words through `knack_task`,
 * `knack_note`, `knack_done`, or marked afterwards); sessions that line up become proposed skills
 * awaiting review. Imports the src/mcp, src/store, compiler and core doors.
 */
export { recordMcpSession } from './record-mcp-session.js';
export type {
  RecordMcpSessionOptions,
  RecordingSession,
  RecordedSessionSummary,
} from './record-mcp-session.js';
export { readRecordedSession, writeRecordedSession, isRecordedSession } from './recorded-session.js';
export type {
  RecordedSession,
  RecordingInfo,
  RecordingStatus,
  SessionMarkSource,
} from './recorded-session.js';
export { markRecordedSession } from './mark-recorded-session.js';
export type { MarkRecordedSessionOptions } from './mark-recorded-session.js';
export { proposeSkills, MIN_PROPOSAL_RUNS } from './propose-skills.js';
export type { ProposeSkillsOptions, ProposeSkillsResult, ProposalOutcome } from './propose-skills.js';
export type { SkippedSession } from './load-recorded-sessions.js';

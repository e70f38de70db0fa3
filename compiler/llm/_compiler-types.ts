// MERGE: these mirror the shared contracts in COMMON.md, which the `compiler` branch defines in
// its own types file. On merge, replace this file's body with re-exports from there, e.g.
//   export type { CompiledSkill, Diagnostic, Trajectory } from '../types.js';
import type { JsonSchema } from '../../sandbox/index.js';

/** One type-check, policy or bundle finding. */
export interface Diagnostic {
  message: string;
  line?: number;
  column?: number;
  code?: string;
  severity: 'error' | 'warning';
}

/** A native trajectory: what an agent did for one task. */
export interface Trajectory {
  id: string;
  task: string;
  input?: Record<string, unknown>;
  steps: { tool: string; args: Record<string, unknown>; result?: unknown; error?: string }[];
  outcome: 'success' | 'failure';
  answer?: unknown;
  context?: string[];
}

/** A checked skill module: what `checkSkill` returns and what the store publishes. */
export interface CompiledSkill {
  name: string;
  description: string;
  source: string;
  bundle: string;
  sourcemap?: string;
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  permissions: string[];
  imports: string[];
  diagnostics: Diagnostic[];
  verification: {
    isVerified: boolean;
    reports: { trajectoryId: string; ok: boolean; message?: string; step?: number }[];
  };
  provenance: {
    trajectoryIds: string[];
    compiler: string;
    model?: string;
    promptHash?: string;
    parentVersion?: number;
    attempts?: unknown[];
  };
  secretParameters: string[];
}

export type { CompiledSkill, Diagnostic, Trajectory } from '../types.js';

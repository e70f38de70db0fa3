/**
 * @module compiler: imports trajectories, drafts skills (trace compiler or LLM), type-checks,
 * bundles and verifies them by replay in the sandbox. Imports only from sandbox/.
 */
export {};
export * from './llm/index.js';

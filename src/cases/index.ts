/**
 * @module cases: the test cases each version carries, replayed offline (`testSkill`), and the
 * fault-injecting benchmark over them and over given inputs on real tools (`benchmarkCases`), with
 * its statistics and HTML report.
 */
export { testSkill, testSkills } from './test-skill.js';
export type { TestSkillOptions, TestSkillsOptions, SkillTestResult, CaseTestResult } from './test-skill.js';
export { benchmarkCases } from './benchmark-cases.js';
export type { BenchmarkCasesOptions, CasesBenchmark } from './benchmark-cases.js';
export type {
  VersionBenchmark,
  VersionComparison,
  FaultOutcomes,
  BenchFailure,
  SourceOutcomes,
  UnusableInput,
} from './summarize-runs.js';
export { runCase, caseTools } from './run-case.js';
export type { RunCaseOptions, CaseRun, CaseVerdict, CaseTarget } from './run-case.js';
export { createCasePack } from './case-pack.js';
export type { CasePackOptions, CasePackState, InjectedFault, PlannedCall } from './case-pack.js';
export { parseFaultSpec, formatFaultSpec, DEFAULT_FAULT_SPEC, FAULT_KINDS } from './fault-spec.js';
export type { FaultKind, FaultSpec } from './fault-spec.js';
export { wilsonInterval } from './wilson-interval.js';
export type { Share } from './wilson-interval.js';
export { fisherExactTest } from './fisher-exact-test.js';
export type { TwoByTwo } from './fisher-exact-test.js';
export { passHatK } from './pass-hat-k.js';
export type { CaseTally } from './pass-hat-k.js';
export { renderBenchReport } from './render-bench-report.js';

import type { Trajectory } from '../import/index.js';
import type { Expr, Scope } from './_expr.js';
import type { Segment } from './_segments.js';
import {
  alternativeScanPaths,
  explainedScanRule,
  isNamedByUser,
  scanEvidence,
  scanRules,
  type ScanEvidence,
  type ScanRule,
} from './_scan-rule.js';
import { valueAtPath } from './_values.js';
import { elementNoun } from './_list-choice.js';
import { runCount, type DraftState, type Instance } from './_draft-state.js';
import { addParam } from './_params.js';

function describeList(list: Expr | undefined): string {
  const keys = list?.kind === 'ref' ? list.path.filter((key) => typeof key === 'string') : [];
  return keys.length > 0 ? `\`${keys.join('.')}\`` : 'the list';
}

// A rule no caller's value explains: the lookup key itself (the caller gives the element's id).
function fallbackRule(rules: readonly ScanRule[]): ScanRule | undefined {
  return rules.find((rule) => rule.isExcluded) ?? rules[0];
}

function ruleEquals(
  state: DraftState,
  rule: ScanRule,
  instances: readonly Instance[],
  context: { tool: string; segment: number },
): Expr {
  if (rule.fromInput) return { kind: 'ref', root: { type: 'input' }, path: rule.fromInput };
  const key = [...rule.path].reverse().find((part) => typeof part === 'string') ?? 'value';
  return addParam(state, instances, { key, tool: context.tool, segment: context.segment }, false);
}

// Users named the element by different properties (a destination, a date): one optional input per
// property, filled for the runs that named it that way; the scan tests whichever the caller gave.
function resolveAlternatives(
  state: DraftState,
  evidence: readonly ScanEvidence[],
  scopes: readonly Scope[],
  at: { lead: Segment; index: number },
): boolean {
  const chosen = alternativeScanPaths(evidence);
  if (!chosen) return false;
  const names: string[] = [];
  const options = chosen.map(({ path, runs }) => {
    const instances: Instance[] = runs.map((run) => {
      const own = evidence[run] as ScanEvidence;
      return {
        trajectory: own.trajectory,
        scope: scopes[own.trajectory] as Scope,
        value: valueAtPath(own.scanned[own.scanned.length - 1], path),
      };
    });
    const key = [...path].reverse().find((part) => typeof part === 'string') ?? 'value';
    const equals = addParam(state, instances, { key, tool: at.lead.tool, segment: at.index }, false);
    if (equals.kind === 'ref') names.push(String(equals.path[0]));
    return { path, equals };
  });
  const noun = elementNoun(at.lead.list);
  for (const name of names) {
    const spec = state.params.get(name);
    if (spec) spec.alternativeOf = { noun, names };
  }
  const [first, ...alternatives] = options;
  if (!first) return false;
  at.lead.scan = { path: first.path, equals: first.equals, alternatives };
  return true;
}

/**
 * Decides what the scan at segment `index` stops at: a property of the matched element equal to an
 * input or to what the user wrote (a new input), else its lookup key given by the caller; records
 * an assumption when a single run cannot tell the rule. Sets the lead segment's `scan`.
 */
export function resolveScan(
  state: DraftState,
  trajectories: readonly Trajectory[],
  segmentsOf: readonly Segment[][],
  scopes: readonly Scope[],
  index: number,
): void {
  const lead = segmentsOf[0]?.[index] as Segment;
  const evidence = trajectories.flatMap((trajectory, position) => {
    const own = segmentsOf[position]?.[index];
    return own?.scan ? [scanEvidence(trajectory, position, own.steps, state.inputs[position])] : [];
  });
  const rules = scanRules(evidence);
  const explained = explainedScanRule(rules, evidence);
  // Users who named the element by different properties: the runs select differently.
  const rule = explained ?? (isNamedByUser(evidence) ? undefined : fallbackRule(rules));
  if (!rule && resolveAlternatives(state, evidence, scopes, { lead, index })) return;
  if (!rule) {
    // No one rule: a condition that never holds, so the replay fails and the runs are compiled
    // apart (never a silent pick).
    lead.scan = { path: [], equals: { kind: 'literal', value: undefined } };
    return;
  }
  const instances: Instance[] = evidence.map((run, at) => ({
    trajectory: run.trajectory,
    scope: scopes[run.trajectory] as Scope,
    value: rule.values[at],
  }));
  const equals = ruleEquals(state, rule, instances, { tool: lead.tool, segment: index });
  lead.scan = { path: rule.path, equals };
  if (equals.kind !== 'ref' || rule.fromInput) return;
  const subject = String(equals.path[0]);
  if (!explained)
    state.assumptions.push({
      subject,
      value: rule.values[0],
      reason: `no rule found for which element of ${describeList(lead.list)} the run${runCount(instances) > 1 ? 's' : ''} stopped at; the caller gives it as \`${subject}\``,
    });
  else if (runCount(instances) < 2)
    state.assumptions.push({
      subject,
      value: rule.values[0],
      reason: `picks the element by \`${rule.path.join('.')}\` in the only recorded run; another customer may name it by something else`,
    });
}

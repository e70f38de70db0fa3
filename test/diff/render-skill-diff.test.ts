import { describe, expect, it } from 'vitest';
import {
  diffSkillVersions,
  formatEvidence,
  renderSkillDiff,
  type DiffableVersion,
} from '../../src/diff/index.js';
import { compiledSkill } from '../helpers/compiled-skill.js';

function version(
  number: number,
  options: Parameters<typeof compiledSkill>[0],
  extra: Partial<DiffableVersion> = {},
): DiffableVersion {
  return {
    ...compiledSkill(options),
    version: number,
    status: 'verified',
    reliability: { runs: 0, ok: 0, failures: {} },
    ...extra,
  };
}

const before = version(
  1,
  { variant: 'a' },
  { status: 'active', reliability: { runs: 10, ok: 9, failures: { TIMEOUT: 1 } } },
);
const after = version(2, {
  variant: 'b',
  tools: ['get_order', 'send_email'],
  fields: { orderId: 'number', 'reason?': 'string' },
  trajectoryIds: ['t-001', 't-002'],
  isVerified: false,
});

describe('diffSkillVersions', () => {
  it('shows the evidence of each side and the assumptions a new version adds or drops', () => {
    const narrow = version(
      1,
      { variant: 'a' },
      {
        evidence: {
          verifiedInputs: 1,
          assumptions: [{ subject: 'amount', value: 50, reason: 'in the only recorded run' }],
        },
      },
    );
    const wide = version(
      2,
      { variant: 'b' },
      {
        evidence: {
          verifiedInputs: 3,
          assumptions: [],
          leaveOneOut: {
            reproduced: 2,
            total: 3,
            failures: [{ trajectoryId: 't-3', reason: 'step 2: ...' }],
          },
        },
      },
    );
    const diff = diffSkillVersions(narrow, wide);
    expect(diff.from.evidence).toBe('1 input, 1 assumption');
    expect(diff.to.evidence).toBe('3 inputs, 0 assumptions, leave-one-out 2/3');
    expect(diff.assumptions).toEqual({ added: [], removed: ['amount = 50 in the only recorded run'] });
    const text = renderSkillDiff(diff);
    expect(text).toContain('Assumption: -amount = 50 in the only recorded run');
    expect(text).toMatch(/evidence\s+1 input, 1 assumption\s+3 inputs, 0 assumptions, leave-one-out 2\/3/);
  });

  it('reads "verified on 1 distinct input; 1 assumption: ..." for a reviewer', () => {
    expect(
      formatEvidence({
        verifiedInputs: 1,
        assumptions: [{ subject: 'amount', value: 50, reason: 'in the only recorded run' }],
      }),
    ).toBe('verified on 1 distinct input; 1 assumption: amount = 50 in the only recorded run');
  });

  it('names who compiled the leave-one-out folds, with the failed fold and its reason', () => {
    const failures = [{ trajectoryId: 't-3', reason: 'step 2: called cancel_reservation with "R1"' }];
    expect(
      formatEvidence({
        verifiedInputs: 3,
        assumptions: [],
        leaveOneOut: { reproduced: 2, total: 3, failures, compiler: 'model' },
      }),
    ).toBe(
      'verified on 3 distinct inputs; no assumptions; leave-one-out 2/3 with model-compiled folds (failed: t-3 (step 2: called cancel_reservation with "R1"))',
    );
    expect(
      formatEvidence({
        verifiedInputs: 3,
        assumptions: [],
        leaveOneOut: { reproduced: 3, total: 3, failures: [], compiler: 'trace' },
      }),
    ).toBe('verified on 3 distinct inputs; no assumptions; leave-one-out 3/3 with trace-compiled folds');
    const modelFolds = version(
      1,
      { variant: 'a' },
      {
        evidence: {
          verifiedInputs: 3,
          assumptions: [],
          leaveOneOut: { reproduced: 2, total: 3, failures, compiler: 'model' },
        },
      },
    );
    expect(diffSkillVersions(modelFolds, modelFolds).to.evidence).toBe(
      '3 inputs, 0 assumptions, leave-one-out 2/3 (model folds)',
    );
  });

  it('summarises permissions, schemas, trajectories and the source', () => {
    const diff = diffSkillVersions(before, after);
    expect(diff.permissions).toEqual({ added: ['send_email'], removed: ['refund_payment'] });
    expect(diff.input.map((change) => `${change.kind} ${change.path}`)).toEqual([
      'type-changed orderId',
      'added reason',
    ]);
    expect(diff.output).toEqual([]);
    expect(diff.trajectories).toEqual({ added: ['t-002'], removed: [] });
    expect(diff.from).toMatchObject({
      version: 1,
      status: 'active',
      runs: 10,
      successRate: 0.9,
      failures: { TIMEOUT: 1 },
    });
    expect(diff.to).toMatchObject({
      version: 2,
      isVerified: false,
      replaysPassed: 0,
      replays: 2,
      successRate: null,
    });
    expect(diff.sourcePatch).toContain('--- refund_order@1');
    expect(diff.sourcePatch).toContain('+  // b');
    expect(diff.sourcePatch).toContain('-  // a');
  });

  it('round-trips through JSON for --json output', () => {
    const diff = diffSkillVersions(before, after);
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });
});

describe('renderSkillDiff', () => {
  it('puts added permissions first, above schemas, figures and the source diff', () => {
    const text = renderSkillDiff(diffSkillVersions(before, after));
    const order = [
      'Permissions: 1 tool(s) ADDED',
      '+ send_email',
      'Input:',
      'Output: unchanged',
      'Status: active -> verified',
      'verified',
      '--- refund_order@1',
    ];
    const positions = order.map((needle) => text.indexOf(needle));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('~ orderId: string -> number');
    expect(text).toContain('+ reason: string (optional)');
    expect(text).toMatch(/success\s+90\.0%\s+-/);
  });

  it('prints no escape codes without colour and highlights permissions with it', () => {
    const diff = diffSkillVersions(before, after);
    // eslint-disable-next-line no-control-regex -- looking for ANSI escapes on purpose
    expect(renderSkillDiff(diff)).not.toMatch(/\u001b\[/);
    const colored = renderSkillDiff(diff, { color: true });
    expect(colored).toContain('\u001b[31m  + send_email');
    expect(colored).toContain('\u001b[1m\u001b[31mPermissions: 1 tool(s) ADDED');
  });

  it('says unchanged when two versions share source and permissions', () => {
    const text = renderSkillDiff(diffSkillVersions(before, { ...before, version: 3 }));
    expect(text).toContain('Permissions: unchanged');
    expect(text).toContain('Source: unchanged');
  });
});

describe('left-out calls in the diff a reviewer reads', () => {
  it('lists what the new version leaves out, marking calls newly left out and calls back in', () => {
    const failed = {
      trajectoryId: 't-002',
      step: 2,
      tool: 'refund_payment',
      reason: 'failed-retried',
      error: 'card declined',
    };
    const scratch = { trajectoryId: 't-001', step: 1, tool: 'think', reason: 'unused-read-only' };
    const old = version(1, { variant: 'a' });
    old.provenance = { ...old.provenance, leftOut: [scratch] };
    const next = version(2, { variant: 'b' });
    next.provenance = { ...next.provenance, leftOut: [failed] };
    const diff = diffSkillVersions(old, next);
    expect(diff.leftOut).toEqual({
      from: ['t-001 step 1 think: read-only, result never used'],
      to: ['t-002 step 2 refund_payment: failed, then retried: exploration (card declined)'],
    });
    const text = renderSkillDiff(diff);
    expect(text).toContain('Left out of the skill');
    expect(text).toContain(
      '  + t-002 step 2 refund_payment: failed, then retried: exploration (card declined)',
    );
    expect(text).toContain('  - t-001 step 1 think: read-only, result never used');
  });

  it('says nothing about left-out calls when neither version left any out', () => {
    expect(renderSkillDiff(diffSkillVersions(before, after))).not.toContain('Left out');
  });
});

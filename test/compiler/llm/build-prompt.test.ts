import { describe, expect, it } from 'vitest';
import { buildCompilePrompt, hashPrompt } from '../../../compiler/llm/index.js';
import { context, damagedOrder, intactOrder, traceDraft } from './_scenario.js';

describe('buildCompilePrompt', () => {
  it('gives the same prompt hash for the same inputs and a new one when anything changes', () => {
    const first = hashPrompt(buildCompilePrompt({ context, traceDraft }));
    expect(hashPrompt(buildCompilePrompt({ context, traceDraft }))).toBe(first);
    expect(hashPrompt(buildCompilePrompt({ context, traceDraft: `${traceDraft}// changed\n` }))).not.toBe(
      first,
    );
  });

  it('lists sibling trajectories one per line and says when no stored skill exists', () => {
    const prompt = buildCompilePrompt({
      context: { trajectories: [damagedOrder, intactOrder], toolsDeclarations: context.toolsDeclarations },
      traceDraft,
    });
    const content = prompt.messages[0]?.content ?? '';
    expect(content).toContain('## Sibling trajectories of this task (JSON)\n{"id":"t-001"');
    expect(content).toContain('\n{"id":"t-002"');
    expect(content).toContain('## Stored skills you may import instead of repeating their steps\nNone.');
  });

  it('carries what the users said, the trace draft assumptions and the leave-one-out failures', () => {
    const prompt = buildCompilePrompt({
      context: {
        trajectories: [{ ...damagedOrder, context: ['It is order 8812.'] }, intactOrder],
        toolsDeclarations: context.toolsDeclarations,
        assumptions: [
          'reservationId = "K2M9QA": no rule found for which element of `reservations` the run picked',
        ],
        leaveOneOutFailures: ['t-002: step 2: called refund_order(...)'],
      },
      traceDraft,
    });
    const content = prompt.messages[0]?.content ?? '';
    expect(content).toContain('## What the users said (values they wrote are inputs)\n- ');
    expect(content).toContain('- It is order 8812.');
    expect(content).toContain(
      '## Assumptions of the trace draft (explain each by a rule or make it an input)\n- reservationId = "K2M9QA"',
    );
    expect(content).toContain(
      '## Leave-one-out failures (a draft from the other siblings did not reproduce these)\n- t-002: step 2',
    );
  });

  it("carries the agents' instructions once, outside the trajectories' JSON, cut short when huge", () => {
    const policy = 'Each extra bag is 50 dollars; gold members get 3 free bags.';
    const prompt = buildCompilePrompt({
      context: {
        trajectories: [
          { ...damagedOrder, instructions: policy },
          { ...intactOrder, instructions: policy },
        ],
        toolsDeclarations: context.toolsDeclarations,
      },
      traceDraft,
    });
    const content = prompt.messages[0]?.content ?? '';
    expect(content).toContain(`## The agent's instructions (its system prompt: `);
    expect(content.split(policy)).toHaveLength(2);
    expect(content).not.toContain('"instructions"');
    const huge = buildCompilePrompt({
      context: {
        trajectories: [{ ...damagedOrder, instructions: 'x'.repeat(20_000) }],
        toolsDeclarations: context.toolsDeclarations,
      },
      traceDraft,
    });
    const hugeContent = huge.messages[0]?.content ?? '';
    expect(hugeContent).toContain('[... 12000 more characters left out]');
    expect(hugeContent.length).toBeLessThan(20_000);
    // Without instructions, no such section.
    expect(buildCompilePrompt({ context, traceDraft }).messages[0]?.content).not.toContain(
      "## The agent's instructions",
    );
  });

  it('cuts huge tool results short instead of pasting them whole', () => {
    const huge = {
      ...damagedOrder,
      steps: [{ tool: 'get_order', args: { id: '1' }, result: { notes: 'x'.repeat(50_000) } }],
    };
    const content =
      buildCompilePrompt({ context: { ...context, trajectories: [huge] }, traceDraft }).messages[0]
        ?.content ?? '';
    expect(content.length).toBeLessThan(10_000);
    expect(content).toContain('… [50000 chars]');
  });
});

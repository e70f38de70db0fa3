import { describe, expect, it } from 'vitest';
import type { ToolManifestEntry } from '../../../core/index.js';
import { DEFAULT_TOOL_ERROR_PATTERN, importTrajectory } from '../../../compiler/index.js';

const manifest: ToolManifestEntry[] = [
  { name: 'pay', inputSchema: { type: 'object' } },
  { name: 'calculate', inputSchema: { type: 'object' }, outputSchema: { type: 'string' } },
];

function openAiChat(answer: string, tool = 'pay'): unknown {
  return {
    messages: [
      { role: 'user', content: 'Pay it' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: tool, arguments: '{"card":"x"}' } }],
      },
      { role: 'tool', tool_call_id: 'c1', content: answer },
      { role: 'assistant', content: 'Done.' },
    ],
  };
}

describe('error results in every format', () => {
  it('OpenAI: reads `Error: ...` and `{"error": "..."}` tool messages as failed calls by default', () => {
    const prefixed = importTrajectory(openAiChat('Error: card declined'), { manifest });
    expect(prefixed.steps[0]).toEqual({ tool: 'pay', args: { card: 'x' }, error: 'card declined' });
    const object = importTrajectory(openAiChat('{"error":"card declined","code":402}'), { manifest });
    expect(object.steps[0]?.error).toBe('card declined');
    const ordinary = importTrajectory(openAiChat('{"error":"none","paid":true}'), { manifest });
    expect(ordinary.steps[0]).toMatchObject({ result: { error: 'none', paid: true } });
    expect(DEFAULT_TOOL_ERROR_PATTERN.test('Error: x')).toBe(true);
  });

  it('OpenAI: a configured pattern decides which tool messages are errors, its group the message', () => {
    const options = { manifest, toolErrorPattern: /^FAILED \((.*)\)$/ };
    expect(importTrajectory(openAiChat('FAILED (no seats)'), options).steps[0]?.error).toBe('no seats');
    expect(importTrajectory(openAiChat('Error: looks like one'), options).steps[0]).toMatchObject({
      result: 'Error: looks like one',
    });
  });

  it('Anthropic `is_error` and MCP `isError` results (native and OpenAI) become failed calls', () => {
    const anthropic = importTrajectory(
      {
        messages: [
          { role: 'user', content: 'Pay it' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'u1', name: 'pay', input: { card: 'x' } }] },
          {
            role: 'user',
            content: [{ type: 'tool_result', tool_use_id: 'u1', is_error: true, content: 'card declined' }],
          },
        ],
      },
      { manifest },
    );
    expect(anthropic.steps[0]?.error).toBe('card declined');
    const mcpResult = { content: [{ type: 'text', text: 'card declined' }], isError: true };
    const native = importTrajectory(
      { task: 'Pay it', outcome: 'success', steps: [{ tool: 'pay', args: {}, result: mcpResult }] },
      { manifest },
    );
    expect(native.steps[0]).toEqual({ tool: 'pay', args: {}, error: 'card declined' });
    const openAi = importTrajectory(openAiChat(JSON.stringify(mcpResult)), { manifest });
    expect(openAi.steps[0]?.error).toBe('card declined');
  });

  it('keeps the text of a tool whose outputSchema is a string ("160" stays "160")', () => {
    const chat = importTrajectory(openAiChat('160', 'calculate'), { manifest });
    expect(chat.steps[0]?.result).toBe('160');
    expect(importTrajectory(openAiChat('160'), { manifest }).steps[0]?.result).toBe(160);
  });
});

describe('compileTrajectories with a configured error rule', () => {
  it('leaves out a retried call the rule calls an error, and replays the rest', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { compileTrajectories } = await import('../../../compiler/index.js');
    const call = (id: string, card: string) => ({
      role: 'assistant',
      content: null,
      tool_calls: [{ id, type: 'function', function: { name: 'pay', arguments: JSON.stringify({ card }) } }],
    });
    const chat = {
      messages: [
        { role: 'user', content: 'Pay with card_1' },
        call('c1', 'card_0'),
        { role: 'tool', tool_call_id: 'c1', content: 'FAILED (card declined)' },
        call('c2', 'card_1'),
        { role: 'tool', tool_call_id: 'c2', content: '{"paid":true}' },
      ],
    };
    const file = join(await mkdtemp(join(tmpdir(), 'knack-errors-')), 'pay.json');
    await writeFile(file, JSON.stringify(chat));
    const { skills } = await compileTrajectories({
      files: [file],
      manifest,
      toolErrorPattern: /^FAILED \((.*)\)$/,
    });
    expect(skills[0]?.verification.isVerified).toBe(true);
    expect(skills[0]?.provenance.leftOut).toEqual([
      { trajectoryId: 'pay', step: 1, tool: 'pay', reason: 'failed-retried', error: 'card declined' },
    ]);
    expect(skills[0]?.source).not.toContain('card_0');
  });

  it('leaves out a failed call never retried, and warns that the skill does not make it', async () => {
    const { compileTrajectories } = await import('../../../compiler/index.js');
    const { describeLeftOut } = await import('../../../src/diff/describe-left-out.js');
    const { skills } = await compileTrajectories({
      manifest,
      trajectories: [
        {
          id: 'pay-then-calc',
          task: 'Pay with card_1 and add 2 and 3',
          outcome: 'success',
          steps: [
            { tool: 'pay', args: { card: 'card_1' }, error: 'card declined' },
            { tool: 'calculate', args: { expression: '2 + 3' }, result: '5' },
          ],
          answer: '5',
        },
      ],
    });
    const skill = skills[0];
    expect(skill?.verification.isVerified).toBe(true);
    expect(skill?.source).not.toContain('tools.pay(');
    const [call] = skill?.provenance.leftOut ?? [];
    expect(call).toEqual({
      trajectoryId: 'pay-then-calc',
      step: 1,
      tool: 'pay',
      reason: 'failed-not-retried',
      error: 'card declined',
    });
    expect(describeLeftOut(call!)).toBe(
      'pay-then-calc step 1 pay: failed and never retried: it changed nothing, the skill does not make it (card declined)',
    );
    const warning = skill?.diagnostics.find((diagnostic) => diagnostic.code === 'FAILED_NOT_RETRIED');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain("pay-then-calc step 1: the run's call of pay failed (card declined)");
  });
});

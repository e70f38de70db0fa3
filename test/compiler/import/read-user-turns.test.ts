import { describe, expect, it } from 'vitest';
import { readUserTurns } from '../../../compiler/index.js';

describe('readUserTurns', () => {
  it('reads the first request, the later turns and the answer of an Anthropic export', () => {
    const turns = readUserTurns({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Refund order 8812' }] },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 't1', name: 'get_order', input: { id: '8812' } }],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: '{"total":42.5}' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'Full or partial?' }] },
        { role: 'user', content: 'Full, to my card' },
        { role: 'assistant', content: [{ type: 'text', text: 'Refunded 42.5' }] },
      ],
    });
    expect(turns).toEqual({
      task: 'Refund order 8812',
      context: ['Full, to my card'],
      answer: 'Refunded 42.5',
    });
  });

  it('reads a bare OpenAI message array without tool calls', () => {
    expect(
      readUserTurns('[{"role":"user","content":"Hi there"},{"role":"assistant","content":"Hello"}]'),
    ).toEqual({
      task: 'Hi there',
      context: [],
      answer: 'Hello',
    });
  });

  it('names the file when the text is no chat export', () => {
    expect(() => readUserTurns('{"steps":[]}', { file: 'chat.json' })).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRAJECTORY',
        message: expect.stringContaining('chat.json: not a chat export'),
      }),
    );
    expect(() => readUserTurns('{ nope', { file: 'chat.json' })).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRAJECTORY',
        where: expect.objectContaining({ file: 'chat.json', line: 1 }),
      }),
    );
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrajectory } from '../../compiler/index.js';
import { markRecordedSession, writeRecordedSession, type RecordedSession } from '../../src/record/index.js';
import { runCli } from '../helpers/run-cli.js';

const manifest = [
  {
    name: 'get_order',
    inputSchema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
  },
];

async function unmarkedSession(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'knack-mark-'));
  const file = join(dir, 's-1.json');
  const session: RecordedSession = {
    id: 's-1',
    steps: [{ tool: 'get_order', args: { id: '8812' }, result: { total: 42.5 } }],
    recording: {
      by: 'knack record',
      status: 'incomplete',
      server: 'mcp+stdio:"node desk.js"',
      startedAt: '2026-12-07T10:00:00.000Z',
      updatedAt: '2026-12-07T10:00:01.000Z',
      tools: manifest,
    },
  };
  await writeRecordedSession(file, session);
  return file;
}

const chat = {
  messages: [
    { role: 'user', content: 'What did order 8812 cost?' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'c1', type: 'function', function: { name: 'get_order', arguments: '{"id":"8812"}' } },
      ],
    },
    { role: 'tool', tool_call_id: 'c1', content: '{"total":42.5}' },
    { role: 'assistant', content: 'It cost 42.5. Anything else?' },
    { role: 'user', content: 'In euros, please; my token is ghp_abcdefghijklmnopqrstuvwxyz0123' },
    { role: 'assistant', content: '42.5 EUR' },
  ],
};

describe('markRecordedSession', () => {
  it('refuses an unmarked session by name and says how to mark it; compiles once marked', async () => {
    const file = await unmarkedSession();
    const text = readFileSync(file, 'utf8');
    expect(() => importTrajectory(text, { file, manifest })).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRAJECTORY',
        where: expect.objectContaining({ file, field: 'task' }),
        message: expect.stringContaining(`knack record mark ${file} --task TEXT`),
      }),
    );
    await markRecordedSession({ file, task: 'What did order 8812 cost?' });
    expect(() => importTrajectory(readFileSync(file, 'utf8'), { file, manifest })).toThrow(
      expect.objectContaining({ message: expect.stringContaining('ended without `knack_done`') }),
    );
    const marked = await markRecordedSession({ file, outcome: 'success', answer: { total: 42.5 } });
    expect(marked).toMatchObject({
      outcome: 'success',
      recording: { taskFrom: 'mark', outcomeFrom: 'mark' },
    });
    const trajectory = importTrajectory(readFileSync(file, 'utf8'), { file, manifest });
    expect(trajectory).toEqual({
      id: 's-1',
      task: 'What did order 8812 cost?',
      steps: [{ tool: 'get_order', args: { id: '8812' }, result: { total: 42.5 } }],
      outcome: 'success',
      answer: { total: 42.5 },
    });
  });

  it('takes the task and later user turns from an attached OpenAI chat export, secrets replaced', async () => {
    const file = await unmarkedSession();
    const chatFile = join(mkdtempSync(join(tmpdir(), 'knack-chat-')), 'chat.json');
    writeFileSync(chatFile, JSON.stringify(chat));
    const result = runCli(['record', 'attach', file, '--chat', chatFile]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('still needs an outcome');
    const bytes = readFileSync(file, 'utf8');
    expect(bytes).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123');
    expect(JSON.parse(bytes)).toMatchObject({
      task: 'What did order 8812 cost?',
      context: ['In euros, please; my token is <secret-1>'],
      answer: '42.5 EUR',
      recording: { taskFrom: 'chat', secrets: 1 },
    });
  });

  it('names what is wrong: nothing to mark, a bad outcome, a file that is no recorded session', async () => {
    const file = await unmarkedSession();
    await expect(markRecordedSession({ file })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(markRecordedSession({ file, outcome: 'maybe' as never })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      where: { field: 'outcome' },
    });
    const plain = join(mkdtempSync(join(tmpdir(), 'knack-plain-')), 't.json');
    writeFileSync(plain, JSON.stringify({ task: 'x', steps: [], outcome: 'success' }));
    await expect(markRecordedSession({ file: plain, outcome: 'success' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('not a session recorded by `knack record`'),
    });
    const usage = runCli(['record', 'mark', file, '--outcome', 'maybe']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--outcome must be success or failure');
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnackError } from '../../../core/index.js';
import { importTrajectory, detectFormat, compileTrajectories } from '../../../compiler/index.js';
import { supportDeskManifest } from '../../../skills/index.js';

const badDir = join(import.meta.dirname, '../../fixtures/compiler/bad');
const desk = join(import.meta.dirname, '../../../skills/support-desk/trajectories');

interface Expected {
  file: string;
  stage: 'import' | 'compile';
  code: string;
  step?: number;
  field?: string;
  line?: number;
  column?: number;
  messageIncludes: string;
}

const expected = JSON.parse(readFileSync(join(badDir, 'expected.json'), 'utf8')) as Record<string, Expected>;

function importError(file: string): KnackError {
  try {
    importTrajectory(readFileSync(join(badDir, file), 'utf8'), { file, manifest: supportDeskManifest });
  } catch (error) {
    if (KnackError.isInstance(error)) return error;
    throw error;
  }
  throw new Error(`${file} imported without an error`);
}

describe('importTrajectory', () => {
  const importCases = Object.values(expected).filter((entry) => entry.stage === 'import');
  it.each(importCases.map((entry) => [entry.file, entry] as const))(
    'rejects %s naming file, step and field',
    (file, entry) => {
      const error = importError(file);
      expect(error.code).toBe(entry.code);
      expect(error.message.startsWith(`${file}`)).toBe(true);
      expect(error.message).toContain(entry.messageIncludes);
      expect(error.where?.file).toBe(file);
      for (const key of ['step', 'field', 'line', 'column'] as const) {
        if (entry[key] !== undefined) expect(error.where?.[key]).toBe(entry[key]);
      }
    },
  );

  it('reports a schema violation in the documented sentence form', () => {
    const error = importError('args-violate-schema-order-id-number.native.json');
    expect(error.message).toBe(
      'args-violate-schema-order-id-number.native.json, step 1: `args.id` must be a string, got number.',
    );
  });

  it('imports a failed outcome as evidence, and compileTrajectories refuses it', async () => {
    const file = join(badDir, 'failure-outcome-double-refund.native.json');
    const trajectory = importTrajectory(readFileSync(file, 'utf8'), { file, manifest: supportDeskManifest });
    expect(trajectory.outcome).toBe('failure');
    const result = await compileTrajectories({ files: [file], manifest: supportDeskManifest });
    expect(result.skills).toEqual([]);
    expect(result.errors[0]).toMatchObject({ code: 'INVALID_TRAJECTORY', where: { file, field: 'outcome' } });
    expect(result.errors[0]?.message).toContain('failure');
  });

  it('reads the same trajectory from native, OpenAI and Anthropic files', () => {
    for (const name of readdirSync(join(desk, 'native'))) {
      const [native, openai, anthropic] = ['native', 'openai', 'anthropic'].map((format) => {
        const file = join(desk, format, name);
        return importTrajectory(readFileSync(file, 'utf8'), { file, manifest: supportDeskManifest });
      });
      expect(openai, `openai/${name}`).toEqual(native);
      expect(anthropic, `anthropic/${name}`).toEqual(native);
    }
  });

  it('parses JSON-text tool results and keeps plain text as a string', () => {
    const trajectory = importTrajectory({
      messages: [
        { role: 'user', content: 'Look up order 8812' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'a', type: 'function', function: { name: 'get_order', arguments: '{"id":"8812"}' } },
            { id: 'b', type: 'function', function: { name: 'get_order', arguments: '{"id":"8813"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'b', content: 'not found' },
        { role: 'tool', tool_call_id: 'a', content: '{"id":"8812","total":42.5}' },
        { role: 'user', content: 'and the other one?' },
        { role: 'assistant', content: 'Done.' },
      ],
    });
    expect(trajectory.steps.map((step) => step.result)).toEqual([{ id: '8812', total: 42.5 }, 'not found']);
    expect(trajectory.task).toBe('Look up order 8812');
    expect(trajectory.context).toEqual(['and the other one?']);
    expect(trajectory.answer).toBe('Done.');
  });

  it("keeps the agent's system prompt as `instructions`, from every format, never as the task", () => {
    const call = { id: 'a', type: 'function', function: { name: 'get_order', arguments: '{"id":"8812"}' } };
    const openai = importTrajectory({
      messages: [
        { role: 'system', content: 'Refunds over $100 need approval.' },
        { role: 'developer', content: [{ type: 'text', text: 'Bags cost $50 each.' }] },
        { role: 'user', content: 'Look up order 8812' },
        { role: 'assistant', content: null, tool_calls: [call] },
        { role: 'tool', tool_call_id: 'a', content: '{"id":"8812"}' },
        { role: 'assistant', content: 'Done.' },
      ],
    });
    expect(openai.instructions).toBe('Refunds over $100 need approval.\n\nBags cost $50 each.');
    expect(openai.task).toBe('Look up order 8812');
    const anthropic = importTrajectory({
      system: [{ type: 'text', text: 'Refunds over $100 need approval.' }],
      messages: [
        { role: 'user', content: 'Look up order 8812' },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'a', name: 'get_order', input: { id: '8812' } }],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'a', content: '{"id":"8812"}' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'Done.' }] },
      ],
    });
    expect(anthropic.instructions).toBe('Refunds over $100 need approval.');
    // No system prompt: no field (an empty one is no instruction).
    const bare = importTrajectory({
      messages: [
        { role: 'system', content: '  ' },
        { role: 'user', content: 'Look up order 8812' },
        { role: 'assistant', content: null, tool_calls: [call] },
        { role: 'tool', tool_call_id: 'a', content: '{"id":"8812"}' },
      ],
    });
    expect(bare).not.toHaveProperty('instructions');
    // Native files carry the field as it is; anything but a string is refused, naming it.
    const native = {
      task: 'Look up order 8812',
      steps: [{ tool: 'get_order', args: { id: '8812' } }],
      outcome: 'success',
    };
    expect(importTrajectory({ ...native, instructions: 'Be brief.' }).instructions).toBe('Be brief.');
    expect(() => importTrajectory({ ...native, instructions: 42 })).toThrow(/`instructions` must be string/);
  });

  it('reads Anthropic text-block results and is_error answers', () => {
    const trajectory = importTrajectory(
      [
        { role: 'user', content: 'Find order 1' },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'u1', name: 'get_order', input: { id: '1' } }],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'u1', content: [{ type: 'text', text: '{"id":"1"}' }] },
          ],
        },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'u2', name: 'get_order', input: { id: '2' } }],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'u2', content: 'no such order', is_error: true }],
        },
        { role: 'assistant', content: [{ type: 'text', text: '{"found":1}' }] },
      ],
      { id: 't-a' },
    );
    expect(trajectory.steps).toEqual([
      { tool: 'get_order', args: { id: '1' }, result: { id: '1' } },
      { tool: 'get_order', args: { id: '2' }, error: 'no such order' },
    ]);
    expect(trajectory.answer).toEqual({ found: 1 });
  });

  it('detects formats and honours a forced one', () => {
    expect(detectFormat({ steps: [] })).toBe('native');
    expect(detectFormat([{ role: 'user', content: 'hi' }])).toBe('openai');
    expect(detectFormat({ messages: [{ role: 'assistant', content: [{ type: 'tool_use' }] }] })).toBe(
      'anthropic',
    );
    expect(() => importTrajectory({ messages: [] }, { format: 'native', file: 'x.json' })).toThrow(
      /x\.json: `task` is missing/,
    );
  });

  it('refuses malformed transcripts with INVALID_TRAJECTORY, not a TypeError', () => {
    expect(() => importTrajectory({ messages: [null] }, { file: 'odd.json' })).toThrow(
      /odd\.json: malformed openai transcript/,
    );
    expect(() =>
      importTrajectory({ messages: [{ role: 'assistant', content: 'hi' }] }, { file: 'no-user.json' }),
    ).toThrow(/no-user\.json: `task`/);
    expect(() =>
      importTrajectory(
        { outcome: 'maybe', messages: [{ role: 'user', content: 'hi' }] },
        { file: 'odd-outcome.json' },
      ),
    ).toThrow(/`outcome` must be equal to one of the allowed values/);
  });

  it('maps OpenAI tool names spelled with __ back to dotted manifest names', () => {
    const file = join(desk, 'openai', 'kb-answer-T-1001.json');
    const trajectory = importTrajectory(readFileSync(file, 'utf8'), { file, manifest: supportDeskManifest });
    expect(trajectory.steps.map((step) => step.tool)).toContain('kb.search');
  });
});

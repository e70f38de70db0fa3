import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createValidator, safeParseJson } from '../../core/index.js';
import { SUPPORT_DESK_DIR, supportDeskManifest } from '../../skills/index.js';

type Json = Record<string, unknown>;
type Step = { tool: string; args: Json; result?: unknown; error?: string };
type Message = { role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string };
type Block = {
  type: string;
  text?: string;
  id?: string;
  name?: string;
  input?: Json;
  tool_use_id?: string;
  content?: unknown;
  is_error?: boolean;
};

const nativeShape = createValidator({
  type: 'object',
  required: ['id', 'task', 'steps', 'outcome', 'answer'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1 },
    task: { type: 'string', minLength: 1 },
    input: { type: 'object' },
    context: { type: 'array', items: { type: 'string' }, minItems: 1 },
    steps: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool', 'args'],
        additionalProperties: false,
        properties: {
          tool: { type: 'string' },
          args: { type: 'object' },
          result: {},
          error: { type: 'string' },
        },
      },
    },
    outcome: { enum: ['success', 'failure'] },
    answer: {},
    instructions: { type: 'string', minLength: 1 },
  },
});

const formats = ['native', 'openai', 'anthropic'] as const;
const files: Record<(typeof formats)[number], Map<string, Json>> = {
  native: new Map(),
  openai: new Map(),
  anthropic: new Map(),
};
const toolName = (name: string | undefined): string => (name ?? '').replace(/__/g, '.');
const answerText = (answer: unknown): string =>
  typeof answer === 'string' ? answer : JSON.stringify(answer);

beforeAll(async () => {
  for (const format of formats) {
    const dir = join(SUPPORT_DESK_DIR, 'trajectories', format);
    for (const entry of await readdir(dir)) {
      files[format].set(
        entry.replace(/\.json$/, ''),
        JSON.parse(await readFile(join(dir, entry), 'utf8')) as Json,
      );
    }
  }
});

/** Reads the calls of an OpenAI transcript back into native steps. */
function openAiSteps(messages: Message[]): Step[] {
  const byId = new Map<string, Step>();
  const steps: Step[] = [];
  for (const message of messages) {
    for (const call of (message.tool_calls ?? []) as {
      id: string;
      function: { name: string; arguments: string };
    }[]) {
      const step: Step = {
        tool: toolName(call.function.name),
        args: JSON.parse(call.function.arguments) as Json,
      };
      byId.set(call.id, step);
      steps.push(step);
    }
    if (message.role === 'tool') {
      const step = byId.get(message.tool_call_id ?? '');
      const text = String(message.content);
      if (step && text.startsWith('Error: ')) step.error = text.slice('Error: '.length);
      else if (step) step.result = JSON.parse(text);
    }
  }
  return steps;
}

/** Reads the calls of an Anthropic transcript back into native steps. */
function anthropicSteps(messages: Message[]): Step[] {
  const byId = new Map<string, Step>();
  const steps: Step[] = [];
  for (const message of messages) {
    if (!Array.isArray(message.content)) continue;
    for (const block of message.content as Block[]) {
      if (block.type === 'tool_use') {
        const step: Step = { tool: toolName(block.name), args: block.input ?? {} };
        byId.set(block.id ?? '', step);
        steps.push(step);
      }
      if (block.type === 'tool_result') {
        const step = byId.get(block.tool_use_id ?? '');
        const content = block.content;
        const text =
          typeof content === 'string' ? content : (content as Block[]).map((part) => part.text).join('');
        if (step && block.is_error) step.error = text;
        else if (step) step.result = JSON.parse(text);
      }
    }
  }
  return steps;
}

describe('support-desk trajectories', () => {
  it('has the same 20+ trajectories in every format', () => {
    const ids = [...files.native.keys()].sort();
    expect(ids.length).toBeGreaterThanOrEqual(20);
    expect([...files.openai.keys()].sort()).toEqual(ids);
    expect([...files.anthropic.keys()].sort()).toEqual(ids);
  });

  it('writes native trajectories in the DESIGN.md shape, named after their id', () => {
    for (const [id, trajectory] of files.native) {
      expect(nativeShape(trajectory), id).toMatchObject({ ok: true });
      expect(trajectory['id']).toBe(id);
    }
  });

  it('calls only manifest tools with arguments their inputSchema accepts, and records valid results', () => {
    const entries = new Map(supportDeskManifest.map((entry) => [entry.name, entry]));
    for (const [id, trajectory] of files.native) {
      for (const step of trajectory['steps'] as Step[]) {
        const entry = entries.get(step.tool);
        expect(entry, `${id}: ${step.tool}`).toBeDefined();
        if (!entry) continue;
        expect(createValidator(entry.inputSchema)(step.args), `${id}: ${step.tool} args`).toMatchObject({
          ok: true,
        });
        if (step.error !== undefined) continue;
        const output = createValidator(entry.outputSchema ?? true)(step.result);
        expect(output, `${id}: ${step.tool} result`).toMatchObject({ ok: true });
      }
    }
  });

  it('tells the same run in OpenAI and Anthropic form as in native form', () => {
    for (const [id, native] of files.native) {
      const openai = files.openai.get(id) ?? {};
      const anthropic = files.anthropic.get(id) ?? {};
      const openAiMessages = openai['messages'] as Message[];
      const anthropicMessages = anthropic['messages'] as Message[];
      expect(openAiSteps(openAiMessages), id).toEqual(native['steps']);
      expect(anthropicSteps(anthropicMessages), id).toEqual(native['steps']);
      const users = openAiMessages
        .filter((message) => message.role === 'user')
        .map((message) => message.content);
      expect(users, id).toEqual([native['task'], ...((native['context'] as string[] | undefined) ?? [])]);
      expect(openAiMessages.at(-1)?.content, id).toBe(answerText(native['answer']));
      expect(anthropicMessages.at(-1)?.content, id).toEqual([
        { type: 'text', text: answerText(native['answer']) },
      ]);
      for (const wrapper of [openai, anthropic]) {
        expect(wrapper['id']).toBe(id);
        expect(wrapper['input']).toEqual(native['input']);
        expect(wrapper['outcome'] ?? 'success').toBe(native['outcome']);
      }
    }
  });

  it('covers every shape the compiler must handle', () => {
    const natives = [...files.native.values()];
    const openais = [...files.openai.values()];
    const anthropicBlocks = [...files.anthropic.values()].flatMap((file) =>
      (file['messages'] as Message[]).flatMap((message) =>
        Array.isArray(message.content) ? (message.content as Block[]) : [],
      ),
    );
    const results = anthropicBlocks.filter((block) => block.type === 'tool_result');
    expect(natives.filter((trajectory) => trajectory['input']).length).toBeGreaterThan(2);
    expect(natives.filter((trajectory) => !trajectory['input']).length).toBeGreaterThan(2);
    expect(natives.some((trajectory) => trajectory['context'])).toBe(true);
    expect(natives.filter((trajectory) => trajectory['outcome'] === 'failure')).toHaveLength(1);
    expect(JSON.stringify(natives)).toContain('Thanks @lee for reporting \\"Crash on save\\"!');
    expect(JSON.stringify(natives)).toContain('"apiKey":"sk_live_');
    expect(
      openais.some((file) =>
        (file['messages'] as Message[]).some((message) => (message.tool_calls?.length ?? 0) > 1),
      ),
    ).toBe(true);
    expect(results.some((block) => typeof block.content === 'string')).toBe(true);
    expect(results.some((block) => Array.isArray(block.content))).toBe(true);
    expect(JSON.stringify(openais)).not.toMatch(/"name":"[a-z_]+\.[a-z_]+"/);
  });
});

describe('bad trajectory fixtures (test/fixtures/compiler/bad)', () => {
  const dir = join(SUPPORT_DESK_DIR, '..', '..', 'test', 'fixtures', 'compiler', 'bad');

  it('lists every bad file in expected.json with its file name', async () => {
    const expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8')) as Record<string, Json>;
    const names = (await readdir(dir)).filter((name) => name.endsWith('.json') && name !== 'expected.json');
    expect(Object.keys(expected).sort()).toEqual(names.sort());
    for (const [name, entry] of Object.entries(expected)) {
      expect(entry).toMatchObject({ file: name, code: 'INVALID_TRAJECTORY' });
      expect(typeof entry['messageIncludes']).toBe('string');
    }
  });

  it('breaks JSON syntax only in the unparseable fixture, where expected.json says', async () => {
    const expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8')) as Record<string, Json>;
    for (const name of Object.keys(expected)) {
      const parsed = safeParseJson(await readFile(join(dir, name), 'utf8'));
      if (name.startsWith('unparseable-')) {
        expect(parsed).toMatchObject({
          ok: false,
          line: expected[name]?.['line'],
          column: expected[name]?.['column'],
        });
      } else {
        expect(parsed.ok, name).toBe(true);
      }
    }
  });
});

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importTrajectory, type Trajectory } from '../../compiler/index.js';
import type { ToolCallContext } from '../../sandbox/index.js';
import {
  airlineManifest,
  airlineRuns,
  airlineTrajectoryFiles,
  createAirline,
} from '../../skills/airline/index.js';

type Json = Record<string, unknown>;
type Message = {
  role: string;
  content: unknown;
  tool_calls?: { function: { name: string; arguments: string } }[];
};

const context: ToolCallContext = { step: 1, signal: new AbortController().signal };
const natives = new Map<string, Trajectory>();
const openais = new Map<string, { raw: Json; imported: Trajectory }>();

beforeAll(async () => {
  for (const file of await airlineTrajectoryFiles('native')) {
    natives.set(
      basename(file, '.json'),
      importTrajectory(await readFile(file, 'utf8'), { file, manifest: airlineManifest }),
    );
  }
  for (const file of await airlineTrajectoryFiles('openai')) {
    const text = await readFile(file, 'utf8');
    openais.set(basename(file, '.json'), {
      raw: JSON.parse(text) as Json,
      imported: importTrajectory(text, { file, manifest: airlineManifest }),
    });
  }
});

const messagesOf = (id: string): Message[] => (openais.get(id)?.raw['messages'] ?? []) as Message[];

describe('airline trajectories', () => {
  it('import cleanly in native and OpenAI form, one file per recorded run', () => {
    const ids = airlineRuns.map((run) => run.id).sort();
    expect([...natives.keys()].sort()).toEqual(ids);
    expect([...openais.keys()].sort()).toEqual(ids);
    for (const [id, native] of natives) {
      expect(native).toMatchObject({ id, outcome: 'success' });
      expect(openais.get(id)?.imported).toMatchObject({ id, task: native.task, context: native.context });
    }
  });

  it('tell the same calls in OpenAI form as in native form', () => {
    for (const [id, native] of natives) {
      const steps = openais.get(id)?.imported.steps ?? [];
      expect(
        steps.map((step) => [step.tool, step.args]),
        id,
      ).toEqual(native.steps.map((step) => [step.tool, step.args]));
      native.steps.forEach((step, index) => {
        // Object results read back equal; text results (`calculate`) and JSON errors are the importer's to interpret.
        if (typeof step.result === 'object' && step.result !== null)
          expect(steps[index]?.result).toEqual(step.result);
      });
    }
  });

  it('replay deterministically against the live airline: same results, same errors', () => {
    for (const [id, native] of natives) {
      const airline = createAirline();
      for (const [index, step] of native.steps.entries()) {
        const definition = airline.definitions[step.tool];
        let outcome: { result?: unknown; error?: string };
        try {
          outcome = { result: definition?.handler(structuredClone(step.args), context) };
        } catch (error) {
          outcome = { error: (error as Error).message };
        }
        const recorded = step.error === undefined ? { result: step.result } : { error: step.error };
        expect(outcome, `${id} step ${index + 1}`).toEqual(recorded);
      }
    }
  });

  it('look like real agent logs: policy prompt, chatter, long chats, parallel calls, no input', () => {
    for (const id of openais.keys()) {
      const messages = messagesOf(id);
      expect(messages[0]?.role, id).toBe('system');
      expect(String(messages[0]?.content)).toMatch(/policy/i);
      expect(messages[1]).toMatchObject({ role: 'user', content: expect.stringMatching(/^(hi|hello|hey)/i) });
      expect(messages.filter((message) => message.role === 'user').length, id).toBeGreaterThanOrEqual(3);
      expect(messages.length, id).toBeGreaterThanOrEqual(12);
      expect(openais.get(id)?.raw['input']).toBeUndefined();
    }
    const all = [...openais.keys()].flatMap(messagesOf);
    expect(all.some((message) => (message.tool_calls?.length ?? 0) > 1)).toBe(true);
  });

  it('have errors followed by retries, in both OpenAI error shapes', () => {
    const failed = [...natives.values()].filter((native) =>
      native.steps.some((step) => step.error !== undefined),
    );
    expect(failed.length).toBeGreaterThanOrEqual(5);
    for (const native of failed) {
      const index = native.steps.findIndex((step) => step.error !== undefined);
      const retry = native.steps.slice(index + 1).find((step) => step.tool === native.steps[index]?.tool);
      expect(retry?.error, native.id).toBeUndefined();
    }
    const toolTexts = [...openais.keys()]
      .flatMap(messagesOf)
      .filter((message) => message.role === 'tool')
      .map((message) => String(message.content));
    expect(toolTexts.some((text) => text.startsWith('Error: '))).toBe(true);
    expect(toolTexts.some((text) => text.startsWith('{"error":'))).toBe(true);
    for (const message of ['not enough seats', 'payment method', 'not found', 'balance is not enough']) {
      expect(
        toolTexts.some((text) => text.toLowerCase().includes(message)),
        message,
      ).toBe(true);
    }
  });

  it('have scratch calls nothing uses, shapes that share tools, and steps some runs skip', () => {
    const toolsOf = (prefix: string): Set<string> =>
      new Set(
        [...natives.values()]
          .filter((t) => t.id.startsWith(prefix))
          .flatMap((t) => t.steps.map((s) => s.tool)),
      );
    const all = [...natives.values()].flatMap((trajectory) => trajectory.steps.map((step) => step.tool));
    expect(all).toEqual(
      expect.arrayContaining(['think', 'calculate', 'list_all_airports', 'search_onestop_flight']),
    );
    const cancel = toolsOf('cancel-reservation');
    const baggage = toolsOf('add-baggage');
    expect([...cancel].filter((tool) => baggage.has(tool))).toEqual(
      expect.arrayContaining(['get_user_details', 'get_reservation_details']),
    );
    const sequences = new Set(
      [...natives.values()]
        .filter((trajectory) => trajectory.id.startsWith('book-flight'))
        .map((trajectory) => trajectory.steps.map((step) => step.tool).join()),
    );
    expect(sequences.size).toBeGreaterThanOrEqual(3);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { escapeControl, log } from '../../src/cli/output.js';
import { expectFailure, expectValue, recordTools, skill, useSandbox } from '../helpers/hostile.js';

// What a run returns is what the skill returned, copied as plain data with intrinsics the skill
// cannot patch, bounded on the host, recorded once, and printed inert by the CLI.
describe('results, logs, errors and traces', () => {
  const { run } = useSandbox({ size: 1 });

  it('returns the plain value when the skill patches Object.prototype.toJSON', async () => {
    const result = await run(
      skill(`(Object.prototype as any).toJSON = () => 'hijacked';
      (Array.prototype as any).toJSON = () => undefined;
      console.log('still logged');
      return { a: 1, list: [1, 2], when: new Date(0) };`),
    );
    expect(expectValue(result)).toEqual({ a: 1, list: [1, 2], when: '1970-01-01T00:00:00.000Z' });
    expect(result.logs).toEqual([{ level: 'log', message: 'still logged' }]);
  });

  it('holds maxOutputBytes when the skill patches String.prototype.charCodeAt', async () => {
    const result = await run(
      skill(`String.prototype.charCodeAt = () => 0;
      return 'é'.repeat(900);`),
      { limits: { maxOutputBytes: 1000 } },
    );
    expectFailure(result, 'OUTPUT_TOO_LARGE');
  });

  it('refuses tool arguments with toJSON or accessors instead of invoking them', async () => {
    const recording = recordTools({ echo: {} });
    const withToJson = await run(
      skill('return await tools.echo({ toJSON() { return { n: Math.random() }; } });'),
      { tools: recording.tools },
    );
    expectFailure(withToJson, 'SKILL_THREW');
    const withGetter = await run(skill('return await tools.echo({ get n() { return Math.random(); } });'), {
      tools: recording.tools,
    });
    expectFailure(withGetter, 'SKILL_THREW');
    expect(recording.calls).toHaveLength(0);
  });

  it('records copies of arguments and results that handlers cannot change', async () => {
    let kept: Record<string, unknown> = {};
    const recording = recordTools({
      echo: {
        handler: (args) => {
          (args as Record<string, unknown>)['mutated'] = true;
          kept = { answer: 1 };
          return kept;
        },
      },
    });
    const result = await run(skill('return await tools.echo({ id: 1 });'), { tools: recording.tools });
    expect(expectValue(result)).toEqual({ answer: 1 });
    kept['answer'] = 'changed later';
    expect(result.trace[0]?.args).toEqual({ id: 1 });
    expect(result.trace[0]?.result).toEqual({ answer: 1 });
  });

  it('keeps a returned trace unchanged by a handler that finishes after the run ended', async () => {
    const recording = recordTools({
      slow: { handler: () => new Promise((resolve) => setTimeout(resolve, 300, { late: true })) },
    });
    const result = await run(skill('return await tools.slow({});'), {
      tools: recording.tools,
      limits: { timeoutMs: 100 },
    });
    expectFailure(result, 'TIMEOUT');
    const before = JSON.stringify(result.trace);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(JSON.stringify(result.trace)).toBe(before);
  });

  it('answers only for granted tool names', async () => {
    const recording = recordTools({ echo: {} });
    const surface = await run(
      skill(`return ['echo' in tools, 'applySync' in tools, Object.keys(tools), typeof tools.echo];`),
      { tools: recording.tools },
    );
    expect(expectValue(surface)).toEqual([true, false, ['echo'], 'function']);
    const probe = await run(skill('return typeof tools.applySync;'), { tools: recording.tools });
    expectFailure(probe, 'TOOL_NOT_ALLOWED');
  });

  it('bounds a 2 MiB error message with escapes and fake host lines', async () => {
    const result = await run(skill(`throw new Error(('\\u001b[2K\\r[host] run ok\\n').repeat(150_000));`));
    const error = expectFailure(result, 'SKILL_THREW');
    expect(error.message.length).toBeLessThanOrEqual(4200);
    expect((error.stack ?? '').length).toBeLessThanOrEqual(17_000);
  });
});

describe('the CLI printing skill text', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes control characters as visible escapes', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    log('  [log] \u001b[2K\r[host] run ok\u0007\u009b');
    expect(written.join('')).toBe('  [log] \\u001b[2K\\u000d[host] run ok\\u0007\\u009b\n');
  });

  it('puts skill text on one line when asked', () => {
    expect(escapeControl('a\nb\tc', { keepNewlines: false })).toBe('a\\u000ab\tc');
  });
});

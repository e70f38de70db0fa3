import { afterEach, describe, expect, it } from 'vitest';
import { KnackError } from '../../../core/index.js';
import { parseModelSpec, resolveModel } from '../../../compiler/providers/index.js';

describe('parseModelSpec', () => {
  it('reads openai, anthropic and openai-compatible specs', () => {
    expect(parseModelSpec('openai:gpt-4.1')).toEqual({ provider: 'openai', modelId: 'gpt-4.1' });
    expect(parseModelSpec('anthropic:claude-sonnet-4-6')).toEqual({
      provider: 'anthropic',
      modelId: 'claude-sonnet-4-6',
    });
    expect(parseModelSpec('openai-compatible:qwen2.5-coder@http://127.0.0.1:11434/v1')).toEqual({
      provider: 'openai-compatible',
      modelId: 'qwen2.5-coder',
      baseURL: 'http://127.0.0.1:11434/v1',
    });
  });

  it('keeps colons inside model ids (ollama tags)', () => {
    expect(parseModelSpec('openai-compatible:qwen2.5-coder:7b@http://localhost:11434/v1').modelId).toBe(
      'qwen2.5-coder:7b',
    );
  });

  it.each([
    'gpt-4.1',
    'openai:',
    'mistral:large',
    'openai-compatible:qwen',
    'openai-compatible:qwen@ftp://x',
    ':x',
  ])('rejects "%s" with INVALID_ARGUMENT listing the expected forms', (spec) => {
    let caught: unknown;
    try {
      parseModelSpec(spec, 'KNACK_MODEL');
    } catch (error) {
      caught = error;
    }
    expect(KnackError.isInstance(caught) && caught.code).toBe('INVALID_ARGUMENT');
    expect((caught as Error).message).toContain('KNACK_MODEL');
    expect((caught as Error).message).toContain('openai-compatible:<model>@<base URL>');
  });
});

describe('resolveModel', () => {
  const saved = process.env['KNACK_MODEL'];
  afterEach(() => {
    if (saved === undefined) delete process.env['KNACK_MODEL'];
    else process.env['KNACK_MODEL'] = saved;
  });

  it('returns undefined (the offline trace compiler) when neither option nor KNACK_MODEL is set', () => {
    delete process.env['KNACK_MODEL'];
    expect(resolveModel()).toBeUndefined();
  });

  it('reads KNACK_MODEL at call time', () => {
    delete process.env['KNACK_MODEL'];
    expect(resolveModel()).toBeUndefined();
    process.env['KNACK_MODEL'] = 'anthropic:claude-sonnet-4-6';
    expect(resolveModel()).toMatchObject({
      specificationVersion: 'v1',
      provider: 'anthropic',
      modelId: 'claude-sonnet-4-6',
    });
  });

  it('prefers the option over KNACK_MODEL', () => {
    process.env['KNACK_MODEL'] = 'anthropic:claude-sonnet-4-6';
    expect(resolveModel({ model: 'openai-compatible:llama3@http://127.0.0.1:8080/v1' })).toMatchObject({
      provider: 'openai-compatible',
      modelId: 'llama3',
    });
  });

  it('throws INVALID_ARGUMENT naming KNACK_MODEL for a bad env spec', () => {
    process.env['KNACK_MODEL'] = 'gpt-4.1';
    expect(() => resolveModel()).toThrow(/KNACK_MODEL "gpt-4.1" has no provider prefix/);
  });
});

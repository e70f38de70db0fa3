import { KnackError } from '../../core/index.js';

/** A parsed model spec: which adapter, which model, and for OpenAI-compatible servers where. */
export type ModelSpec =
  | { provider: 'openai'; modelId: string }
  | { provider: 'anthropic'; modelId: string }
  | { provider: 'openai-compatible'; modelId: string; baseURL: string };

const EXPECTED_FORMS =
  'Expected one of: "openai:<model>" (e.g. openai:gpt-4.1), "anthropic:<model>" (e.g. anthropic:claude-sonnet-4-6), ' +
  '"openai-compatible:<model>@<base URL>" (e.g. openai-compatible:qwen2.5-coder@http://127.0.0.1:11434/v1).';

function invalid(spec: string, source: string, why: string): KnackError {
  return new KnackError('INVALID_ARGUMENT', `${source} "${spec}" ${why}. ${EXPECTED_FORMS}`, {
    where: { field: source },
  });
}

/**
 * Parses a model spec such as `openai:gpt-4.1`, `anthropic:claude-sonnet-4-6` or
 * `openai-compatible:qwen2.5-coder@http://127.0.0.1:11434/v1`. Model ids may contain `:` (`qwen2.5-coder:7b`).
 * @param source names where the spec came from in error messages (`KNACK_MODEL`, `model`).
 * @throws KnackError `INVALID_ARGUMENT` listing the expected forms.
 */
export function parseModelSpec(spec: string, source = 'model'): ModelSpec {
  const trimmed = spec.trim();
  const colon = trimmed.indexOf(':');
  if (colon <= 0) throw invalid(spec, source, 'has no provider prefix');
  const provider = trimmed.slice(0, colon);
  const rest = trimmed.slice(colon + 1);
  if (provider === 'openai' || provider === 'anthropic') {
    if (rest === '' || /\s/.test(rest)) throw invalid(spec, source, 'has no valid model id');
    return { provider, modelId: rest };
  }
  if (provider === 'openai-compatible') {
    const match = /^([^\s@]+)@(https?:\/\/\S+)$/.exec(rest);
    if (!match?.[1] || !match[2]) throw invalid(spec, source, 'needs "<model>@<http(s) base URL>"');
    try {
      new URL(match[2]);
    } catch (error) {
      throw new KnackError(
        'INVALID_ARGUMENT',
        `${source} "${spec}" has an invalid base URL. ${EXPECTED_FORMS}`,
        {
          cause: error,
        },
      );
    }
    return { provider, modelId: match[1], baseURL: match[2] };
  }
  throw invalid(spec, source, `names an unknown provider "${provider}"`);
}

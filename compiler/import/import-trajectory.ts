import { basename, extname } from 'node:path';
import { createValidator, KnackError, safeParseJson } from '../../core/index.js';
import type { ImportOptions, Trajectory, TrajectoryFormat } from './trajectory.js';
import type { ConversationWrapper, ConvertOptions } from './_conversation.js';
import { fromOpenAi } from './_from-openai.js';
import { fromAnthropic } from './_from-anthropic.js';
import { checkTrajectory } from './check-trajectory.js';
import { trajectorySchema } from './trajectory-schema.js';
import { trajectoryError } from './_trajectory-error.js';
import { checkRecordedSession } from './_recorded-session.js';

function asWrapper(value: unknown): ConversationWrapper | undefined {
  if (Array.isArray(value)) return { messages: value as Record<string, unknown>[] };
  const candidate = value as Partial<ConversationWrapper> | null;
  return candidate && Array.isArray(candidate.messages) ? (candidate as ConversationWrapper) : undefined;
}

/** Tells native, OpenAI and Anthropic apart by their distinctive fields. */
export function detectFormat(value: unknown): TrajectoryFormat | undefined {
  if (typeof value === 'object' && value !== null && 'steps' in value) return 'native';
  const wrapper = asWrapper(value);
  if (!wrapper) return undefined;
  const isAnthropic = wrapper.messages.some(
    (message) =>
      Array.isArray(message?.['content']) &&
      (message?.['content'] as { type?: unknown }[]).some(
        (block) => block.type === 'tool_use' || block.type === 'tool_result',
      ),
  );
  return isAnthropic ? 'anthropic' : 'openai';
}

function fromNative(value: unknown, file: string | undefined): Omit<Trajectory, 'id'> & { id?: string } {
  const checked = createValidator<Trajectory>(trajectorySchema)(checkRecordedSession(value, file));
  if (checked.ok) return checked.value;
  const issue = checked.issues[0] ?? { path: '/', message: 'is invalid' };
  const stepMatch = /^\/steps\/(\d+)(.*)$/.exec(issue.path);
  const field = (stepMatch ? stepMatch[2] : issue.path)?.replace(/^\//, '').replace(/\//g, '.') || undefined;
  const step = stepMatch?.[1] === undefined ? undefined : Number(stepMatch[1]) + 1;
  const message = issue.message.startsWith('must have required property')
    ? `\`${field ?? 'trajectory'}\` is missing.`
    : `\`${field ?? 'trajectory'}\` ${issue.message}.`;
  throw trajectoryError({ file, step, field }, message);
}

function convertOptions(options: ImportOptions): ConvertOptions {
  const schemas = new Map((options.manifest ?? []).map((entry) => [entry.name, entry.outputSchema]));
  return {
    // OpenAI names cannot contain dots: `github__create_issue` is `github.create_issue`.
    outputSchemaOf: (tool) => schemas.get(tool) ?? schemas.get(tool.replace(/__/g, '.')),
    ...(options.toolErrorPattern ? { toolErrorPattern: options.toolErrorPattern } : {}),
  };
}

function convert(value: unknown, format: TrajectoryFormat, options: ImportOptions) {
  const { file } = options;
  if (format === 'native') return fromNative(value, file);
  const wrapper = asWrapper(value);
  if (!wrapper)
    throw trajectoryError({ file, field: 'messages' }, `a ${format} transcript needs a \`messages\` array.`);
  const converted = convertConversation(wrapper, format, file, convertOptions(options));
  const trajectory = {
    ...converted,
    ...(wrapper.id === undefined ? {} : { id: wrapper.id }),
    ...(wrapper.input ? { input: wrapper.input } : {}),
    ...(wrapper.outcome ? { outcome: wrapper.outcome } : {}),
    ...('answer' in wrapper ? { answer: wrapper.answer } : {}),
  };
  // The wrapper's own fields (id, input, outcome) and the converted parts obey the native schema too.
  return fromNative(trajectory, file);
}

function convertConversation(
  wrapper: ConversationWrapper,
  format: 'openai' | 'anthropic',
  file: string | undefined,
  options: ConvertOptions,
) {
  try {
    return format === 'openai' ? fromOpenAi(wrapper, file, options) : fromAnthropic(wrapper, file, options);
  } catch (error) {
    if (KnackError.isInstance(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw trajectoryError({ file, field: 'messages' }, `malformed ${format} transcript (${reason}).`, error);
  }
}

function parseText(text: string, file: string | undefined): unknown {
  const parsed = safeParseJson(text);
  if (parsed.ok) return parsed.value;
  throw trajectoryError(
    { file, line: parsed.line, column: parsed.column },
    `not valid JSON: ${parsed.message}.`,
  );
}

/**
 * Imports one trajectory from JSON text or a parsed value, in native, OpenAI chat or Anthropic
 * Messages form (auto-detected unless `format` is given), and checks it against the manifest.
 * Failed outcomes are returned as they are (`outcome: 'failure'`) so refinement can use them as
 * evidence; `compileTrajectories` refuses them.
 * @throws KnackError INVALID_TRAJECTORY with `where: { file, step, field }` (or line/column for bad JSON).
 * @example importTrajectory(await readFile('t-001.json', 'utf8'), { file: 't-001.json', manifest })
 */
export function importTrajectory(source: unknown, options: ImportOptions = {}): Trajectory {
  const { file } = options;
  const value = typeof source === 'string' ? parseText(source, file) : source;
  const format = options.format ?? detectFormat(value);
  if (!format) {
    throw trajectoryError(
      { file },
      'unknown format: expected `steps` (native) or `messages` (OpenAI, Anthropic).',
    );
  }
  const converted = convert(value, format, options);
  const fallbackId = options.id ?? (file ? basename(file, extname(file)) : `trajectory-${Date.now()}`);
  const trajectory: Trajectory = { ...converted, id: converted.id ?? fallbackId };
  if (trajectory.context?.length === 0) delete trajectory.context;
  if (trajectory.answer === undefined) delete trajectory.answer;
  if (options.manifest) checkTrajectory(trajectory, options.manifest, file);
  else if (trajectory.steps.length === 0) checkTrajectory(trajectory, [], file);
  return trajectory;
}

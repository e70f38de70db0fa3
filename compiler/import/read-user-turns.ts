import { safeParseJson } from '../../core/index.js';
import type { TrajectoryFormat } from './trajectory.js';
import type { ConversationWrapper } from './_conversation.js';
import { fromAnthropic } from './_from-anthropic.js';
import { fromOpenAi } from './_from-openai.js';
import { detectFormat } from './import-trajectory.js';
import { trajectoryError } from './_trajectory-error.js';

/** The user's side of a chat export: the first request, the later turns, the final answer. */
export interface UserTurns {
  /** The first user message. */
  task: string;
  /** Later user messages, in order. */
  context: string[];
  /** The assistant's last text answer (parsed when it is JSON), when there is one. */
  answer?: unknown;
}

/** Options of `readUserTurns`. */
export interface ReadUserTurnsOptions {
  /** File name used in error messages. */
  file?: string;
  /** Force a format. @default auto-detected */
  format?: Exclude<TrajectoryFormat, 'native'>;
}

function wrapperOf(value: unknown): ConversationWrapper | undefined {
  if (Array.isArray(value)) return { messages: value as Record<string, unknown>[] };
  const candidate = value as Partial<ConversationWrapper> | null;
  return candidate && Array.isArray(candidate.messages) ? (candidate as ConversationWrapper) : undefined;
}

/**
 * Reads the user turns of an OpenAI chat or Anthropic Messages export (JSON text or a parsed
 * value, `{ messages }` or a bare array) through the same converters as `importTrajectory`, so a
 * chat kept beside a recorded session can supply its task and later turns. Tool calls in the
 * chat are read but not returned; the chat need have none.
 * @throws KnackError INVALID_TRAJECTORY naming the file when the text is no chat export or has no user message.
 * @example const { task, context } = readUserTurns(await readFile('chat.json', 'utf8'), { file: 'chat.json' });
 */
export function readUserTurns(source: unknown, options: ReadUserTurnsOptions = {}): UserTurns {
  const { file } = options;
  let value = source;
  if (typeof source === 'string') {
    const parsed = safeParseJson(source);
    if (!parsed.ok) {
      throw trajectoryError(
        { file, line: parsed.line, column: parsed.column },
        `not valid JSON: ${parsed.message}.`,
      );
    }
    value = parsed.value;
  }
  const wrapper = wrapperOf(value);
  const format = options.format ?? detectFormat(value);
  if (!wrapper || format === undefined || format === 'native') {
    throw trajectoryError(
      { file, field: 'messages' },
      'not a chat export: expected OpenAI or Anthropic `messages` (an array, or `{ messages }`).',
    );
  }
  const converted = format === 'openai' ? fromOpenAi(wrapper, file) : fromAnthropic(wrapper, file);
  if (converted.task.trim() === '') {
    throw trajectoryError({ file, field: 'messages' }, 'the chat has no user message with text.');
  }
  return {
    task: converted.task,
    context: (converted.context ?? []).filter((turn) => turn.trim() !== ''),
    ...(converted.answer === undefined ? {} : { answer: converted.answer }),
  };
}

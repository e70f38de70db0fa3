import type { JsonSchema } from '../../core/index.js';
import type { Trajectory, TrajectoryStep } from './trajectory.js';

/** A chat transcript plus the optional native fields a recorder may add around it. */
export interface ConversationWrapper {
  messages: Record<string, unknown>[];
  id?: string;
  task?: string;
  input?: Record<string, unknown>;
  outcome?: Trajectory['outcome'];
  answer?: unknown;
  /** Anthropic: the request's top-level system prompt (a string or text blocks). */
  system?: unknown;
}

/**
 * The native trajectory of a converted chat: the first user message is the task (unless the
 * wrapper names one), later ones the context; the system prompt's texts, when any, the instructions.
 */
export function conversationTrajectory(
  wrapper: ConversationWrapper,
  parts: { users: readonly string[]; system: readonly string[]; steps: TrajectoryStep[]; answer: unknown },
): Omit<Trajectory, 'id'> {
  const instructions = parts.system
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join('\n\n');
  return {
    task: wrapper.task ?? parts.users[0] ?? '',
    context: parts.users.slice(1),
    steps: parts.steps,
    outcome: 'success',
    answer: parts.answer,
    ...(instructions.length > 0 ? { instructions } : {}),
  };
}

/** The text of a message `content`: a string, or the `text` of its text blocks joined. */
export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((block): block is { type: string; text: string } => {
      const candidate = block as { type?: unknown; text?: unknown };
      return candidate.type === 'text' && typeof candidate.text === 'string';
    })
    .map((block) => block.text)
    .join('\n');
}

/** What a chat converter needs beyond the messages. */
export interface ConvertOptions {
  /** The manifest's `outputSchema` of a tool, so string answers stay strings. */
  outputSchemaOf?: (tool: string) => JsonSchema | undefined;
  /** OpenAI: which tool messages are errors. @default DEFAULT_TOOL_ERROR_PATTERN */
  toolErrorPattern?: RegExp;
}

import type { Trajectory } from './trajectory.js';

/** A chat transcript plus the optional native fields a recorder may add around it. */
export interface ConversationWrapper {
  messages: Record<string, unknown>[];
  id?: string;
  task?: string;
  input?: Record<string, unknown>;
  outcome?: Trajectory['outcome'];
  answer?: unknown;
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

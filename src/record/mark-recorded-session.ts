import { readFile } from 'node:fs/promises';
import { KnackError } from '../../core/index.js';
import { readUserTurns } from '../../compiler/index.js';
import { createSecretRedactor } from './_secret-redactor.js';
import { readRecordedSession, writeRecordedSession, type RecordedSession } from './recorded-session.js';

/** Options of `markRecordedSession`. Give at least one of `outcome`, `task`, `answer`, `chat`. */
export interface MarkRecordedSessionOptions {
  /** The session file of `knack record`. */
  file: string;
  /** Whether the user's request was done. */
  outcome?: 'success' | 'failure';
  /** The user's request (replaces the recorded one). */
  task?: string;
  /** The final answer given to the user. */
  answer?: unknown;
  /**
   * A chat export (OpenAI or Anthropic messages, a file path) of the same conversation: its first
   * user turn becomes the task, the later ones the notes (`context`); its last assistant text
   * becomes the answer when the session has none. `task` given beside it wins.
   */
  chat?: string;
}

/**
 * Adds the user's side to a recorded session after the fact: its outcome, its task, its answer,
 * or the user turns of a chat export. Secrets in the new text are replaced like the recorder's.
 * The file is rewritten atomically; its steps are left as recorded.
 * @throws KnackError NOT_FOUND, INVALID_ARGUMENT (not a recorded session, nothing to mark, a bad
 *   outcome), INVALID_TRAJECTORY (the chat is no chat export), STORE_WRITE_FAILED.
 * @example await markRecordedSession({ file: 'sessions/2026-12-07T10-00-00-000Z-ab12cd34.json', outcome: 'success' });
 */
export async function markRecordedSession(options: MarkRecordedSessionOptions): Promise<RecordedSession> {
  const { file } = options;
  if (typeof file !== 'string' || file === '')
    throw new KnackError('INVALID_ARGUMENT', 'markRecordedSession needs `file`.', {
      where: { field: 'file' },
    });
  if (options.outcome !== undefined && options.outcome !== 'success' && options.outcome !== 'failure')
    throw new KnackError('INVALID_ARGUMENT', `${file}: \`outcome\` must be "success" or "failure".`, {
      where: { file, field: 'outcome' },
    });
  if (options.task !== undefined && (typeof options.task !== 'string' || options.task.trim() === ''))
    throw new KnackError('INVALID_ARGUMENT', `${file}: \`task\` must be a non-empty string.`, {
      where: { file, field: 'task' },
    });
  if ([options.outcome, options.task, options.answer, options.chat].every((value) => value === undefined))
    throw new KnackError(
      'INVALID_ARGUMENT',
      `${file}: nothing to mark; give an outcome, a task, an answer or a chat.`,
      {
        where: { file },
      },
    );
  const session = await readRecordedSession(file);
  const redactor = createSecretRedactor(session.recording.secrets ?? 0);
  if (options.chat !== undefined) {
    const turns = readUserTurns(await readChat(options.chat), { file: options.chat });
    session.task = turns.task;
    session.recording.taskFrom = 'chat';
    if (turns.context.length > 0) session.context = turns.context;
    else delete session.context;
    if (session.answer === undefined && turns.answer !== undefined) session.answer = turns.answer;
    for (const text of [turns.task, ...turns.context]) redactor.scanText(text);
  }
  if (options.task !== undefined) {
    session.task = options.task;
    session.recording.taskFrom = 'mark';
    redactor.scanText(options.task);
  }
  if (options.outcome !== undefined) {
    session.outcome = options.outcome;
    session.recording.outcomeFrom = 'mark';
  }
  if (options.answer !== undefined) session.answer = options.answer;
  session.recording.updatedAt = new Date().toISOString();
  session.recording.secrets = redactor.count;
  const marked = redactor.redact(session);
  await writeRecordedSession(file, marked);
  return marked;
}

async function readChat(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new KnackError(
      code === 'ENOENT' ? 'NOT_FOUND' : 'INVALID_ARGUMENT',
      `${file}: ${code === 'ENOENT' ? 'no such chat file' : `cannot read it (${(error as Error).message})`}.`,
      { where: { file }, cause: error },
    );
  }
}

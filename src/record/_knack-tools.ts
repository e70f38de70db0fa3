import type { RecordedSession } from './recorded-session.js';

/** The tools `knack record` adds to the proxied server's, so the agent can pass on the user's words. */
export const knackTools: readonly {
  name: string;
  description: string;
  inputSchema: { type: 'object'; properties: Record<string, object>; required?: string[] };
}[] = [
  {
    name: 'knack_task',
    description:
      "Call this first, once per conversation, with the user's request in the user's own words (quote them; do not paraphrase). It is recorded as evidence of what the user asked for and is not sent to the server.",
    inputSchema: {
      type: 'object',
      properties: {
        task: { type: 'string', description: "The user's request, verbatim." },
        input: {
          type: 'object',
          description:
            'Optional: the values the user supplied, by name (`{ "orderId": "8812" }`); they become the inputs of a skill made from this session.',
        },
      },
      required: ['task'],
    },
  },
  {
    name: 'knack_note',
    description:
      'Call this when a later user message supplied values you used (an id, an amount, a choice), with that message verbatim. Recorded as evidence; not sent to the server.',
    inputSchema: {
      type: 'object',
      properties: { note: { type: 'string', description: "The user's message, verbatim." } },
      required: ['note'],
    },
  },
  {
    name: 'knack_done',
    description:
      "Call this once at the end: `success` when the user's request was done, `failure` when it was not; `answer` is your final answer to the user (text or JSON). Recorded as evidence; not sent to the server.",
    inputSchema: {
      type: 'object',
      properties: {
        outcome: { type: 'string', enum: ['success', 'failure'] },
        answer: { description: 'The final answer given to the user.' },
      },
      required: ['outcome'],
    },
  },
];

/** What a knack tool call did: the text answered to the agent, or why its arguments were refused. */
export type KnackToolAnswer = { ok: true; text: string } | { ok: false; text: string };

function textArg(args: Record<string, unknown>, name: string): string | undefined {
  const value = args[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Applies a knack tool call to the session; undefined when `name` is not a knack tool. */
export function applyKnackTool(
  session: RecordedSession,
  name: string,
  args: Record<string, unknown>,
): KnackToolAnswer | undefined {
  if (name === 'knack_task') {
    const task = textArg(args, 'task');
    if (task === undefined)
      return { ok: false, text: "`task` must be a non-empty string: the user's request." };
    const input = args['input'];
    if (input !== undefined && (typeof input !== 'object' || input === null || Array.isArray(input)))
      return { ok: false, text: '`input` must be an object of the values the user supplied, by name.' };
    session.task = task;
    session.recording.taskFrom = 'agent';
    if (input !== undefined) session.input = input as Record<string, unknown>;
    return { ok: true, text: 'Recorded the task.' };
  }
  if (name === 'knack_note') {
    const note = textArg(args, 'note');
    if (note === undefined)
      return { ok: false, text: "`note` must be a non-empty string: the user's message." };
    session.context = [...(session.context ?? []), note];
    return { ok: true, text: 'Recorded the note.' };
  }
  if (name === 'knack_done') {
    const outcome = args['outcome'];
    if (outcome !== 'success' && outcome !== 'failure')
      return { ok: false, text: '`outcome` must be "success" or "failure".' };
    session.outcome = outcome;
    session.recording.outcomeFrom = 'agent';
    if (args['answer'] !== undefined) session.answer = args['answer'];
    return { ok: true, text: `Recorded the outcome: ${outcome}.` };
  }
  return undefined;
}

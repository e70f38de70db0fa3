import type { Conversation, RecordedCall } from './_conversation-runner.js';
import { AIRLINE_POLICY } from './_policy-prompt.js';
import type { AirlineRun } from './task-shape.js';

type Json = Record<string, unknown>;

const userTexts = (conversation: Conversation): string[] =>
  conversation.events.flatMap((event) => (event.kind === 'user' ? [event.text] : []));

function lastAssistantText(conversation: Conversation): string {
  const said = conversation.events.filter((event) => event.kind === 'assistant');
  return said.at(-1)?.text ?? '';
}

/**
 * The native trajectory (DESIGN.md): the first user message is the task, later ones the `context`,
 * the last assistant message the answer, the policy prompt the `instructions`. No `input`: like
 * real logs, the values are in the chat.
 */
export function toNativeTrajectory(run: AirlineRun, conversation: Conversation): Json {
  const [task = '', ...context] = userTexts(conversation);
  const steps = conversation.events.flatMap((event) =>
    event.kind === 'calls'
      ? event.calls.map((call) =>
          call.error === undefined
            ? { tool: call.tool, args: call.args, result: call.result }
            : { tool: call.tool, args: call.args, error: call.error },
        )
      : [],
  );
  return {
    id: run.id,
    task,
    ...(context.length > 0 ? { context } : {}),
    steps,
    outcome: 'success',
    answer: lastAssistantText(conversation),
    instructions: AIRLINE_POLICY,
  };
}

// What the tool message says: text results as they are (the benchmark's tools answer strings),
// other results as JSON, errors as `Error: ...` or `{"error": ...}` (OpenAI has no error flag).
function toolContent(run: AirlineRun, call: RecordedCall): string {
  if (call.error !== undefined) {
    return run.openAiErrors === 'json' ? JSON.stringify({ error: call.error }) : `Error: ${call.error}`;
  }
  return typeof call.result === 'string' ? call.result : JSON.stringify(call.result);
}

/** An OpenAI chat transcript: the policy as system message, the chat, `tool_calls` and `role: "tool"` answers. */
export function toOpenAiTrajectory(run: AirlineRun, conversation: Conversation): Json {
  const messages: Json[] = [{ role: 'system', content: AIRLINE_POLICY }];
  let index = 0;
  for (const event of conversation.events) {
    if (event.kind !== 'calls') {
      messages.push({ role: event.kind, content: event.text });
      continue;
    }
    const ids = event.calls.map(() => `call_${run.id.replace(/[^a-z0-9]/gi, '')}_${++index}`);
    messages.push({
      role: 'assistant',
      content: event.text ?? null,
      tool_calls: event.calls.map((call, position) => ({
        id: ids[position],
        type: 'function',
        function: { name: call.tool, arguments: JSON.stringify(call.args) },
      })),
    });
    event.calls.forEach((call, position) =>
      messages.push({
        role: 'tool',
        tool_call_id: ids[position],
        name: call.tool,
        content: toolContent(run, call),
      }),
    );
  }
  return { id: run.id, messages };
}

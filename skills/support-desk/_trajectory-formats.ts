import type { RecordedCall, Recording } from './_scenario-runner.js';

/** The system prompt of every recorded conversation (never part of the task). */
export const SYSTEM_PROMPT =
  'You are a support agent for Example Shop. Use the tools to resolve the request, then give the final answer.';

type Json = Record<string, unknown>;

function header(recording: Recording): Json {
  const { id, input } = recording.scenario;
  return {
    id,
    ...(input ? { input } : {}),
    ...(recording.outcome === 'failure' ? { outcome: 'failure' } : {}),
  };
}

function finalText(answer: unknown): string {
  return typeof answer === 'string' ? answer : JSON.stringify(answer);
}

// OpenAI and Anthropic accept only [a-zA-Z0-9_-] in tool names, so recorders write `kb.search` as `kb__search`.
const apiToolName = (tool: string): string => tool.replace(/\./g, '__');

const callId = (prefix: string, recording: Recording, index: number): string =>
  `${prefix}_${recording.scenario.id.replace(/[^a-zA-Z0-9]/g, '')}_${index + 1}`;

/** The native trajectory (DESIGN.md): steps, outcome, answer; later user messages go to `context`, the system prompt to `instructions`. */
export function toNativeTrajectory(recording: Recording): Json {
  const { id, task, input } = recording.scenario;
  const steps = recording.events.flatMap((event) =>
    event.kind === 'calls'
      ? event.calls.map((call) =>
          call.error === undefined
            ? { tool: call.tool, args: call.args, result: call.result }
            : { tool: call.tool, args: call.args, error: call.error },
        )
      : [],
  );
  const context = recording.events.flatMap((event) => (event.kind === 'user' ? [event.text] : []));
  return {
    id,
    task,
    ...(input ? { input } : {}),
    ...(context.length > 0 ? { context } : {}),
    steps,
    outcome: recording.outcome,
    answer: recording.answer,
    instructions: SYSTEM_PROMPT,
  };
}

function openAiToolMessage(call: RecordedCall, id: string): Json {
  const content = call.error === undefined ? JSON.stringify(call.result) : `Error: ${call.error}`;
  return { role: 'tool', tool_call_id: id, content };
}

/** An OpenAI chat transcript: assistant `tool_calls` with JSON-string arguments, `role: "tool"` answers. */
export function toOpenAiTrajectory(recording: Recording): Json {
  const messages: Json[] = [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: recording.scenario.task },
  ];
  let index = 0;
  for (const event of recording.events) {
    if (event.kind !== 'calls') {
      messages.push({ role: event.kind, content: event.text });
      continue;
    }
    const ids = event.calls.map(() => callId('call', recording, index++));
    const toolCalls = event.calls.map((call, position) => ({
      id: ids[position],
      type: 'function',
      function: { name: apiToolName(call.tool), arguments: JSON.stringify(call.args) },
    }));
    messages.push({ role: 'assistant', content: event.text ?? null, tool_calls: toolCalls });
    event.calls.forEach((call, position) => messages.push(openAiToolMessage(call, ids[position] ?? '')));
  }
  messages.push({ role: 'assistant', content: finalText(recording.answer) });
  return { ...header(recording), messages };
}

function anthropicResult(recording: Recording, call: RecordedCall, id: string, index: number): Json {
  const style = recording.scenario.anthropicResults ?? 'string';
  const text = call.error === undefined ? JSON.stringify(call.result) : call.error;
  const asBlocks = style === 'blocks' || (style === 'mixed' && index % 2 === 1);
  return {
    type: 'tool_result',
    tool_use_id: id,
    content: asBlocks ? [{ type: 'text', text }] : text,
    ...(call.error === undefined ? {} : { is_error: true }),
  };
}

/** An Anthropic Messages transcript: `tool_use` blocks answered by `tool_result` blocks. */
export function toAnthropicTrajectory(recording: Recording): Json {
  const messages: Json[] = [{ role: 'user', content: recording.scenario.task }];
  let index = 0;
  for (const event of recording.events) {
    if (event.kind === 'user') {
      messages.push({ role: 'user', content: event.text });
      continue;
    }
    const text = event.kind === 'assistant' || event.text ? [{ type: 'text', text: event.text }] : [];
    if (event.kind === 'assistant') {
      messages.push({ role: 'assistant', content: text });
      continue;
    }
    const ids = event.calls.map(() => callId('toolu', recording, index++));
    const uses = event.calls.map((call, position) => ({
      type: 'tool_use',
      id: ids[position],
      name: apiToolName(call.tool),
      input: call.args,
    }));
    messages.push({ role: 'assistant', content: [...text, ...uses] });
    const results = event.calls.map((call, position) =>
      anthropicResult(recording, call, ids[position] ?? '', index - event.calls.length + position),
    );
    messages.push({ role: 'user', content: results });
  }
  messages.push({ role: 'assistant', content: [{ type: 'text', text: finalText(recording.answer) }] });
  return { ...header(recording), system: SYSTEM_PROMPT, messages };
}

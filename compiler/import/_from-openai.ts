import type { Trajectory, TrajectoryStep } from './trajectory.js';
import type { ErrorLocation } from '../../core/index.js';
import { parseToolResult } from './_parse-tool-result.js';
import { trajectoryError } from './_trajectory-error.js';
import {
  conversationTrajectory,
  messageText,
  type ConversationWrapper,
  type ConvertOptions,
} from './_conversation.js';
import { errorFromText } from './_tool-error.js';

interface OpenAiToolCall {
  id?: string;
  function?: { name?: string; arguments?: string };
}

interface PendingCall {
  step: TrajectoryStep;
  index: number;
  isAnswered: boolean;
}

function parseArguments(call: OpenAiToolCall, where: ErrorLocation): Record<string, unknown> {
  const text = call.function?.arguments ?? '{}';
  const parsed = parseToolResult(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw trajectoryError({ ...where, field: 'arguments' }, '`arguments` must be a JSON object text.');
  }
  return parsed as Record<string, unknown>;
}

/** Converts OpenAI chat messages (assistant `tool_calls`, `role: "tool"` answers) into a native trajectory. */
export function fromOpenAi(
  wrapper: ConversationWrapper,
  file: string | undefined,
  options: ConvertOptions = {},
): Omit<Trajectory, 'id'> {
  const steps: TrajectoryStep[] = [];
  const pending = new Map<string, PendingCall>();
  const users: string[] = [];
  const system: string[] = [];
  let answer: unknown;
  for (const message of wrapper.messages) {
    if (message['role'] === 'user') users.push(messageText(message['content']));
    // The agent's instructions: `system`, or `developer` in newer chat logs.
    if (message['role'] === 'system' || message['role'] === 'developer')
      system.push(messageText(message['content']));
    if (message['role'] === 'assistant') {
      const calls = (message['tool_calls'] as OpenAiToolCall[] | undefined) ?? [];
      for (const call of calls) {
        const where = { file, step: steps.length + 1 };
        const step = { tool: String(call.function?.name ?? ''), args: parseArguments(call, where) };
        steps.push(step);
        pending.set(call.id ?? `#${steps.length}`, { step, index: steps.length, isAnswered: false });
      }
      const text = messageText(message['content']);
      if (calls.length === 0 && text) answer = parseToolResult(text);
    }
    if (message['role'] === 'tool') {
      const call = pending.get(String(message['tool_call_id']));
      if (!call) continue;
      call.isAnswered = true;
      const text = messageText(message['content']);
      // OpenAI has no error flag on tool answers: an error-shaped answer (ImportOptions.toolErrorPattern) is one.
      const error = errorFromText(text, options.toolErrorPattern);
      if (error !== undefined) call.step.error = error;
      else call.step.result = parseToolResult(text, options.outputSchemaOf?.(call.step.tool));
    }
  }
  for (const call of pending.values()) {
    if (!call.isAnswered) {
      throw trajectoryError(
        { file, step: call.index, field: 'result' },
        `the call of \`${call.step.tool}\` has no \`role: "tool"\` answer.`,
      );
    }
  }
  return conversationTrajectory(wrapper, { users, system, steps, answer });
}

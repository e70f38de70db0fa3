import type { Trajectory, TrajectoryStep } from './trajectory.js';
import { parseToolResult } from './_parse-tool-result.js';
import { trajectoryError } from './_trajectory-error.js';
import {
  conversationTrajectory,
  messageText,
  type ConversationWrapper,
  type ConvertOptions,
} from './_conversation.js';

interface Block {
  type?: string;
  id?: string;
  name?: string;
  input?: unknown;
  tool_use_id?: string;
  content?: unknown;
  is_error?: boolean;
}

interface PendingCall {
  step: TrajectoryStep;
  index: number;
  isAnswered: boolean;
}

function blocksOf(content: unknown): Block[] {
  return Array.isArray(content) ? (content as Block[]) : [];
}

function answerCall(call: PendingCall, block: Block, options: ConvertOptions): void {
  call.isAnswered = true;
  const text = messageText(block.content);
  if (block.is_error) call.step.error = text;
  else call.step.result = parseToolResult(text, options.outputSchemaOf?.(call.step.tool));
}

/** Converts Anthropic Messages (`tool_use` / `tool_result` blocks) into a native trajectory. */
export function fromAnthropic(
  wrapper: ConversationWrapper,
  file: string | undefined,
  options: ConvertOptions = {},
): Omit<Trajectory, 'id'> {
  const steps: TrajectoryStep[] = [];
  const pending = new Map<string, PendingCall>();
  const users: string[] = [];
  let answer: unknown;
  for (const message of wrapper.messages) {
    const blocks = blocksOf(message['content']);
    if (message['role'] === 'user') {
      for (const block of blocks.filter((candidate) => candidate.type === 'tool_result')) {
        const call = pending.get(String(block.tool_use_id));
        if (call) answerCall(call, block, options);
      }
      const text = messageText(message['content']);
      if (text) users.push(text);
    }
    if (message['role'] === 'assistant') {
      const uses = blocks.filter((block) => block.type === 'tool_use');
      for (const use of uses) {
        const args = (typeof use.input === 'object' && use.input !== null ? use.input : {}) as Record<
          string,
          unknown
        >;
        const step = { tool: String(use.name ?? ''), args };
        steps.push(step);
        pending.set(use.id ?? `#${steps.length}`, { step, index: steps.length, isAnswered: false });
      }
      const text = messageText(message['content']);
      if (uses.length === 0 && text) answer = parseToolResult(text);
    }
  }
  for (const call of pending.values()) {
    if (!call.isAnswered) {
      throw trajectoryError(
        { file, step: call.index, field: 'result' },
        `the \`tool_use\` of \`${call.step.tool}\` has no \`tool_result\` answer.`,
      );
    }
  }
  return conversationTrajectory(wrapper, { users, system: [messageText(wrapper.system)], steps, answer });
}

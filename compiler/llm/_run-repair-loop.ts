import { KnackError } from '../../core/index.js';
import { modelLabel, type LanguageModel } from '../providers/index.js';
import type { Trajectory } from '../import/index.js';
import { hashPrompt, type Prompt } from './build-prompt.js';
import { extractSkillSource } from './extract-skill-source.js';
import { formatCheckFeedback, isCleanlyVerified, summarizeFailure } from './format-feedback.js';
import type { AttemptFailure, AttemptRecord, CheckFunction, CheckOutcome } from './llm-types.js';

/** Options of `runRepairLoop`. */
export interface RepairLoopOptions {
  model: LanguageModel;
  prompt: Prompt;
  trajectories: Trajectory[];
  check: CheckFunction;
  maxAttempts: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** An extra rule a verified outcome must meet; returns why it does not, or undefined. */
  rule?: (outcome: CheckOutcome) => string | undefined;
}

/** What the loop ended with. */
export interface RepairLoopResult {
  attempts: AttemptRecord[];
  /** The verified outcome and the hash of the prompt that produced it, when an attempt verified. */
  verified?: { outcome: CheckOutcome; promptHash: string };
  /** The last checked but failing outcome, if any attempt got as far as the check. */
  lastOutcome?: CheckOutcome;
  lastFailure?: AttemptFailure;
}

/**
 * Asks the model for a module up to `maxAttempts` times, checking each candidate and sending the
 * diagnostics or replay mismatches back. Provider errors (auth, timeout, ...) are thrown.
 */
export async function runRepairLoop(options: RepairLoopOptions): Promise<RepairLoopResult> {
  if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1) {
    throw new KnackError(
      'INVALID_ARGUMENT',
      `maxAttempts must be an integer >= 1, got ${options.maxAttempts}.`,
    );
  }
  const messages = [...options.prompt.messages];
  const attempts: AttemptRecord[] = [];
  const result: RepairLoopResult = { attempts };
  for (let attempt = 1; attempt <= options.maxAttempts; attempt += 1) {
    const prompt: Prompt = { system: options.prompt.system, messages: [...messages] };
    const promptHash = hashPrompt(prompt);
    const reply = await options.model.generate({
      ...prompt,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
    const record: AttemptRecord = {
      attempt,
      promptHash,
      model: modelLabel(options.model),
      usage: reply.usage,
      latencyMs: reply.latencyMs,
      httpRequests: reply.httpRequests,
      ...(reply.requestId ? { requestId: reply.requestId } : {}),
    };
    attempts.push(record);
    const judged = await judgeReply(reply.text, options);
    if (judged.outcome) result.lastOutcome = judged.outcome;
    if (!judged.failure && judged.outcome) {
      result.verified = { outcome: judged.outcome, promptHash };
      delete result.lastFailure;
      return result;
    }
    record.failure = judged.failure ?? { kind: 'check', message: 'not verified' };
    result.lastFailure = record.failure;
    messages.push({ role: 'assistant', content: reply.text }, { role: 'user', content: judged.feedback });
  }
  return result;
}

interface Judgement {
  outcome?: CheckOutcome;
  failure?: AttemptFailure;
  feedback: string;
}

async function judgeReply(text: string, options: RepairLoopOptions): Promise<Judgement> {
  const extracted = extractSkillSource(text);
  if (!extracted.ok) {
    return { failure: { kind: 'no-code', message: extracted.reason }, feedback: extracted.reason };
  }
  const outcome = await options.check({
    source: extracted.source,
    trajectories: options.trajectories,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!isCleanlyVerified(outcome)) {
    return {
      outcome,
      failure: { kind: 'check', message: summarizeFailure(outcome) },
      feedback: formatCheckFeedback(outcome),
    };
  }
  const broken = options.rule?.(outcome);
  if (broken !== undefined) {
    return {
      outcome,
      failure: { kind: 'rule', message: broken },
      feedback: `${broken}\n\nReply with the whole corrected module in one \`\`\`ts block.`,
    };
  }
  return { outcome, feedback: '' };
}

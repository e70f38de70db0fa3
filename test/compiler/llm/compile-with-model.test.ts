// The repair loop over real SDK clients and the replay server, every draft judged by the real
// checkSkill (type-check, policy, schemas, bundle, sandbox replay), so the model sees its diagnostics.
import { afterEach, describe, expect, it } from 'vitest';
import { TRACE_COMPILER } from '../../../compiler/index.js';
import { compileWithModel, type AttemptRecord } from '../../../compiler/llm/index.js';
import {
  lastUserMessage,
  loadFixture,
  startReplayServer,
  type ReplayServer,
} from '../../helpers/replay-server.js';
import { providers, replayModel, type ProviderName } from '../providers/_replay-model.js';
import { context, createScenarioCheck, traceDraft } from './_scenario.js';

describe.each(providers)('compileWithModel over %s', (provider) => {
  let server: ReplayServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function compileCase(name: string, maxAttempts = 3) {
    server = await startReplayServer(loadFixture(provider, name));
    const check = createScenarioCheck();
    const result = await compileWithModel({
      model: replayModel(provider, server),
      context,
      traceDraft,
      check,
      maxAttempts,
    });
    return { result, check, server };
  }

  const modelLabel = (name: ProviderName) =>
    name === 'openai' ? 'openai:gpt-4.1' : 'anthropic:claude-sonnet-4-6';

  it('returns a verified skill from a good first answer, with llm provenance', async () => {
    const { result } = await compileCase('good-first-time');
    expect(result.usedFallback).toBe(false);
    expect(result.skill.verification.isVerified).toBe(true);
    expect(result.skill.source).toContain('order.status !== "damaged"');
    expect(result.skill.provenance).toMatchObject({
      compiler: 'llm',
      model: modelLabel(provider),
      trajectoryIds: ['t-001'],
      promptHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const attempts = result.skill.provenance.attempts as AttemptRecord[];
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      attempt: 1,
      usage: { inputTokens: 1450, outputTokens: 187 },
      httpRequests: 1,
    });
    expect(attempts[0]?.failure).toBeUndefined();
    expect(result.usage).toEqual({ inputTokens: 1450, outputTokens: 187 });
  });

  it('sends task, trajectory, trace draft, tools, contract and stored skills in the first prompt', async () => {
    const { server } = await compileCase('good-first-time');
    const body = server.requests[0]?.body as { system?: string; messages: { content: string }[] };
    const sent = [body.system ?? '', ...body.messages.map((message) => message.content)].join('\n');
    for (const part of [
      '## Task\nRefund order 8812, it arrived damaged',
      '{"id":"t-001","task":"Refund order 8812, it arrived damaged","input":{"orderId":"8812"}',
      'description: "Refund order 8812"',
      'readonly get_order: (args: GetOrderArgs) => Promise<GetOrderResult>;',
      '- knack:skills/lookup_order@2: Fetch an order with its customer',
      'export default async function refundOrder(input: Input, tools: Tools): Promise<Output>',
    ]) {
      expect(sent).toContain(part);
    }
  });

  it('fixes a syntax error on the second attempt after the diagnostic is sent back', async () => {
    const { result, server } = await compileCase('syntax-error-then-fixed');
    expect(result.skill.verification.isVerified).toBe(true);
    expect(result.attempts.map((a) => a.failure?.kind)).toEqual(['check', undefined]);
    // The type-check's TS1005 at the `;` where `)` belongs, as the real pipeline reports it.
    expect(result.attempts[0]?.failure?.message).toMatch(/^line 6, column 60: \[TS1005\] '\)' expected\./);
    const repair = lastUserMessage(server.requests[1]!);
    expect(repair).toContain("- line 6, column 60: [TS1005] ')' expected.");
    expect(result.attempts[0]?.promptHash).not.toBe(result.attempts[1]?.promptHash);
    expect(result.skill.provenance.promptHash).toBe(result.attempts[1]?.promptHash);
  });

  it.each(['code-in-prose', 'several-blocks', 'unfenced-module'])(
    'reads the module out of a reply with %s',
    async (name) => {
      const { result, check } = await compileCase(name);
      expect(result.skill.verification.isVerified).toBe(true);
      expect(check.sources[0]).toMatch(/^import type \{ Tools \} from "knack:tools";/);
      expect(check.sources[0]).not.toContain('isDamaged');
    },
  );

  it('rejects a tool outside the manifest, then accepts the repaired module', async () => {
    const { result, server } = await compileCase('tool-outside-manifest');
    const policy = '[POLICY_TOOL] `tools.send_email` is not in the tool manifest (known: get_order, refund).';
    const typeError = "[TS2339] Property 'send_email' does not exist on type 'Tools'.";
    expect(result.attempts[0]?.failure?.message).toContain(policy);
    const repair = lastUserMessage(server.requests[1]!);
    expect(repair).toContain(`- line 9, column 9: ${policy}`);
    expect(repair).toContain(`- line 9, column 15: ${typeError}`);
    expect(result.skill.permissions).toEqual(['get_order', 'refund']);
    expect(result.skill.verification.isVerified).toBe(true);
  });

  it('falls back to the trace draft when the model never gets it right, and says so', async () => {
    const { result, check } = await compileCase('never-right');
    expect(result.attempts.map((a) => a.failure?.kind)).toEqual(['no-code', 'check', 'check']);
    expect(result.usedFallback).toBe(true);
    expect(result.fallbackReason).toMatch(/No model attempt verified in 3/);
    expect(result.skill.source).toBe(traceDraft);
    expect(check.sources.at(-1)).toBe(traceDraft);
    expect(result.skill.verification.isVerified).toBe(true);
    expect(result.skill.provenance).toMatchObject({
      compiler: TRACE_COMPILER,
      model: modelLabel(provider),
    });
    expect(result.skill.provenance.promptHash).toBeUndefined();
    expect(result.skill.provenance.attempts).toHaveLength(3);
    expect(result.skill.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'LLM_FALLBACK', severity: 'warning' }),
    );
    expect(result.usage.inputTokens).toBe(1450 + 1800 + 2150);
  });

  it('never returns an unverified fallback as verified', async () => {
    server = await startReplayServer(loadFixture(provider, 'never-right'));
    const brokenDraft = traceDraft.replace('tools.refund', 'tools.send_email');
    const result = await compileWithModel({
      model: replayModel(provider, server),
      context,
      traceDraft: brokenDraft,
      check: createScenarioCheck(),
    });
    expect(result.usedFallback).toBe(true);
    expect(result.skill.verification.isVerified).toBe(false);
    expect(result.skill.diagnostics.map((diagnostic) => diagnostic.code)).toContain('POLICY_TOOL');
  });

  it('survives a 429 inside the loop and records the retry', async () => {
    const { result, server } = await compileCase('rate-limited-then-ok');
    expect(result.skill.verification.isVerified).toBe(true);
    expect(result.attempts[0]?.httpRequests).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('throws PROVIDER_TIMEOUT within timeoutMs when the endpoint hangs', async () => {
    server = await startReplayServer(loadFixture(provider, 'hung'));
    const compiling = compileWithModel({
      model: replayModel(provider, server),
      context,
      traceDraft,
      check: createScenarioCheck(),
      timeoutMs: 300,
    });
    await expect(compiling).rejects.toMatchObject({ code: 'PROVIDER_TIMEOUT' });
  });

  it('throws PROVIDER_AUTH_FAILED instead of falling back when the key is refused', async () => {
    await expect(compileCase('unauthorized')).rejects.toMatchObject({ code: 'PROVIDER_AUTH_FAILED' });
  });
});

// Record mode against the replay server acting as the "real" model: what it answers must land
// in the fixture file, and replaying that file must give the same compilation.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileWithModel } from '../../../compiler/llm/index.js';
import { recordFixture, recordPrompts, type RecordedFixture } from '../../helpers/record-fixtures.js';
import { loadFixture, startReplayServer } from '../../helpers/replay-server.js';
import { replayModel } from '../providers/_replay-model.js';
import { context, createScenarioCheck, traceDraft } from './_scenario.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'knack-record-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const prompt = {
  system: 'You write skills.',
  messages: [{ role: 'user' as const, content: 'Refund order 8812.' }],
};

describe('recordFixture', () => {
  it('saves every answer of a whole loop scenario, and the fixture replays to the same skill', async () => {
    const source = loadFixture('openai', 'syntax-error-then-fixed');
    await using real = await startReplayServer(source);
    const file = join(dir, 'openai', 'recorded.json');
    const scenario = (model: Parameters<typeof compileWithModel>[0]['model']) =>
      compileWithModel({ model, context, traceDraft, check: createScenarioCheck() });
    const fixture = await recordFixture({
      model: `openai-compatible:gpt-4.1@${real.openaiBaseURL}`,
      file,
      run: scenario,
      description: 'recorded in a test',
    });
    const written = JSON.parse(await readFile(file, 'utf8')) as RecordedFixture;
    expect(written).toEqual(fixture);
    expect(written.responses.map((response) => [response.status, response.body])).toEqual(
      source.responses.map((response) => [response.status, response.body]),
    );
    expect(written.responses[0]?.headers).toEqual({ 'x-request-id': 'req_replay_1' });
    expect(written.prompts).toHaveLength(2);
    expect(written.prompts[1]?.messages.at(-1)?.content).toContain("[TS1005] ')' expected.");
    expect(JSON.stringify(written)).not.toContain('sk-test');

    await using replay = await startReplayServer(written);
    const replayed = await scenario(replayModel('openai', replay));
    expect(replayed.skill.verification.isVerified).toBe(true);
    expect(replayed.attempts).toHaveLength(2);
  });

  it('records a 429 and its retry-after as two responses', async () => {
    await using real = await startReplayServer(loadFixture('openai', 'rate-limited-then-ok'));
    const fixture = await recordPrompts({
      model: `openai-compatible:gpt-4.1@${real.openaiBaseURL}`,
      file: join(dir, 'rate.json'),
      prompts: [prompt],
    });
    expect(fixture.responses.map((response) => response.status)).toEqual([429, 200]);
    expect(fixture.responses[0]?.headers).toEqual({ 'retry-after': '1' });
  });

  it('writes the fixture and rethrows when the real model fails', async () => {
    await using real = await startReplayServer(loadFixture('anthropic', 'unauthorized'));
    const saved = { key: process.env['ANTHROPIC_API_KEY'], url: process.env['ANTHROPIC_BASE_URL'] };
    process.env['ANTHROPIC_API_KEY'] = 'sk-ant-test-secret';
    process.env['ANTHROPIC_BASE_URL'] = real.url;
    try {
      const file = join(dir, 'anthropic', 'unauthorized.json');
      await expect(
        recordPrompts({ model: 'anthropic:claude-sonnet-4-6', file, prompts: [prompt] }),
      ).rejects.toMatchObject({
        code: 'PROVIDER_AUTH_FAILED',
      });
      const written = JSON.parse(await readFile(file, 'utf8')) as RecordedFixture;
      expect(written.responses).toEqual([
        { status: 401, body: loadFixture('anthropic', 'unauthorized').responses[0]?.body },
      ]);
    } finally {
      for (const [name, value] of [
        ['ANTHROPIC_API_KEY', saved.key],
        ['ANTHROPIC_BASE_URL', saved.url],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('record-fixtures command', () => {
  it('re-sends the prompts of recorded request bodies and writes the answers', async () => {
    await using real = await startReplayServer(loadFixture('openai', 'good-first-time'));
    const promptsFile = join(dir, 'prompts.json');
    // An Anthropic request body as the replay server records it.
    await writeFile(promptsFile, JSON.stringify([{ model: 'x', max_tokens: 10, ...prompt }]));
    const out = join(dir, 'out', 'case.json');
    await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'test/helpers/record-fixtures.ts',
        '--model',
        `openai-compatible:m@${real.openaiBaseURL}`,
        '--prompts',
        promptsFile,
        '--out',
        out,
      ],
      { cwd: join(import.meta.dirname, '../../..') },
    );
    const written = JSON.parse(await readFile(out, 'utf8')) as RecordedFixture;
    expect(written.prompts).toEqual([prompt]);
    expect(written.responses).toHaveLength(1);
    expect(real.requests[0]?.path).toBe('/v1/chat/completions');
  });
});

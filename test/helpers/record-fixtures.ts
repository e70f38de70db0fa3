// Record mode: sends prompts to a real model and saves its HTTP answers as replay fixtures
// (test/fixtures/providers/<provider>/<case>.json) for test/helpers/replay-server.ts. A developer
// command, so it lives under test/ and never ships in dist/.
//
//   npx tsx test/helpers/record-fixtures.ts --model openai:gpt-4.1 \
//     --prompts prompts.json --out test/fixtures/providers/openai/my-case.json [--description "..."]
//
// `--prompts` is a JSON list of `{ system, messages }`, of request bodies the replay server
// recorded (OpenAI or Anthropic shape), or a fixture recorded earlier (its `prompts`), so a
// fixture can be re-recorded against a newer model. Keys and base URLs come from the usual env
// (OPENAI_API_KEY, OPENAI_BASE_URL, ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL). Whole loop scenarios
// (repair prompts depend on earlier answers) are recorded with `recordFixture({ run })`.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { KnackError, safeParseJson } from '../../core/index.js';
import type { Prompt } from '../../compiler/llm/index.js';
import {
  createModelFromSpec,
  parseModelSpec,
  type LanguageModel,
  type ModelMessage,
  type ProviderSettings,
} from '../../compiler/providers/index.js';

/** One recorded HTTP answer, as the replay server plays it back. */
export interface RecordedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A fixture file as record mode writes it. */
export interface RecordedFixture {
  description?: string;
  recordedFrom: string;
  recordedAt: string;
  prompts: Prompt[];
  responses: RecordedResponse[];
}

/** Options of `recordFixture`. */
export interface RecordFixtureOptions {
  /** The real model's spec, e.g. `openai:gpt-4.1`. */
  model: string;
  /** Where to write the fixture (directories are created). */
  file: string;
  /** Drives the model: sends prompts, or runs a whole `compileWithModel` scenario. */
  run: (model: LanguageModel) => Promise<unknown>;
  description?: string;
  settings?: ProviderSettings;
}

// Headers a replay needs (retry timing, request ids); nothing that could carry credentials.
const KEPT_HEADERS = ['retry-after', 'retry-after-ms', 'x-should-retry', 'x-request-id', 'request-id'];

function keptHeaders(headers: Headers): Record<string, string> | undefined {
  const kept = KEPT_HEADERS.flatMap((name) => {
    const value = headers.get(name);
    return value === null ? [] : [[name, value] as const];
  });
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

function parseBody(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    // Not JSON (an HTML error page from a proxy): keep the text so the replay shows the same.
    return text;
  }
}

/**
 * Runs `run` against the real model given by `model`, captures every HTTP answer (retries
 * included) and the prompts sent, and writes them as a replay fixture, even when `run` fails
 * (error cases are fixtures too; the error is rethrown after writing).
 * @throws KnackError `INVALID_ARGUMENT` for a bad spec, provider errors from `run`.
 */
export async function recordFixture(options: RecordFixtureOptions): Promise<RecordedFixture> {
  const responses: RecordedResponse[] = [];
  const prompts: Prompt[] = [];
  const base = options.settings?.fetch ?? globalThis.fetch;
  const recordingFetch: typeof globalThis.fetch = async (input, init) => {
    const response = await base(input, init);
    const headers = keptHeaders(response.headers);
    const body = parseBody(await response.clone().text());
    responses.push({
      status: response.status,
      ...(headers ? { headers } : {}),
      ...(body === undefined ? {} : { body }),
    });
    return response;
  };
  const inner = createModelFromSpec(parseModelSpec(options.model), {
    ...options.settings,
    fetch: recordingFetch,
  });
  const model: LanguageModel = {
    ...inner,
    generate: (generateOptions) => {
      prompts.push({ system: generateOptions.system, messages: [...generateOptions.messages] });
      return inner.generate(generateOptions);
    },
  };
  const write = async (): Promise<RecordedFixture> => {
    const fixture: RecordedFixture = {
      ...(options.description ? { description: options.description } : {}),
      recordedFrom: options.model,
      recordedAt: new Date().toISOString(),
      prompts,
      responses,
    };
    await mkdir(dirname(options.file), { recursive: true });
    await writeFile(options.file, `${JSON.stringify(fixture, null, 2)}\n`);
    return fixture;
  };
  try {
    await options.run(model);
  } catch (error) {
    await write();
    throw error;
  }
  return write();
}

function isMessage(value: unknown): value is ModelMessage {
  const message = value as ModelMessage | null;
  return (message?.role === 'user' || message?.role === 'assistant') && typeof message.content === 'string';
}

/** Reads one prompt from `{ system, messages }` or a recorded OpenAI / Anthropic request body. */
export function toPrompt(value: unknown, index = 0): Prompt {
  const body = value as { system?: unknown; messages?: unknown } | null;
  const all = Array.isArray(body?.messages) ? (body.messages as unknown[]) : undefined;
  const openaiSystem = all?.find((message) => (message as { role?: unknown }).role === 'system') as
    { content?: unknown } | undefined;
  const system = typeof body?.system === 'string' ? body.system : openaiSystem?.content;
  const messages = all?.filter(isMessage);
  if (typeof system !== 'string' || !messages || messages.length === 0) {
    throw new KnackError(
      'INVALID_ARGUMENT',
      `Prompt ${index + 1} needs a string \`system\` (or a system message) and user/assistant messages with string content.`,
    );
  }
  return { system, messages: messages.map(({ role, content }) => ({ role, content })) };
}

/** Sends each prompt once to the real model and records the answers as a fixture. */
export function recordPrompts(
  options: Omit<RecordFixtureOptions, 'run'> & { prompts: Prompt[] },
): Promise<RecordedFixture> {
  return recordFixture({
    ...options,
    run: async (model) => {
      for (const prompt of options.prompts) await model.generate(prompt);
    },
  });
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: { type: 'string' },
      prompts: { type: 'string' },
      out: { type: 'string' },
      description: { type: 'string' },
    },
  });
  if (!values.model || !values.prompts || !values.out) {
    process.stderr.write(
      'Usage: npx tsx test/helpers/record-fixtures.ts --model <spec> --prompts <file.json> --out <fixture.json> [--description <text>]\n',
    );
    process.exitCode = 2;
    return;
  }
  const parsed = safeParseJson(await readFile(values.prompts, 'utf8'));
  if (!parsed.ok) throw new KnackError('INVALID_ARGUMENT', `${values.prompts}: ${parsed.message}`);
  const loaded = parsed.value;
  const list = Array.isArray(loaded) ? loaded : ((loaded as { prompts?: unknown[] }).prompts ?? []);
  const fixture = await recordPrompts({
    model: values.model,
    file: values.out,
    prompts: list.map((value, index) => toPrompt(value, index)),
    ...(values.description ? { description: values.description } : {}),
  });
  process.stderr.write(
    `Recorded ${fixture.responses.length} responses for ${fixture.prompts.length} prompts into ${values.out}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(
      `${KnackError.isInstance(error) ? `${error.code}: ` : ''}${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}

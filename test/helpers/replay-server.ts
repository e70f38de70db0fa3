// A real HTTP server on 127.0.0.1:0 that speaks just enough OpenAI chat completions
// (POST /v1/chat/completions) and Anthropic Messages (POST /v1/messages) to replay recorded
// answers. The official SDKs point at it through baseURL (STYLE rule 18).
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** One recorded answer. `hang: true` never answers (the timeout case). */
export interface ReplayResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  hang?: boolean;
}

/** A fixture file: test/fixtures/providers/<provider>/<case>.json. */
export interface ReplayFixture {
  description?: string;
  /** Set by record mode: which model answered, when. */
  recordedFrom?: string;
  recordedAt?: string;
  /** Set by record mode: the prompts sent, so the fixture can be re-recorded. */
  prompts?: unknown[];
  responses: ReplayResponse[];
}

/** A request the server got, for assertions. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A running replay server. */
export interface ReplayServer {
  /** `http://127.0.0.1:<port>`; Anthropic's baseURL. */
  url: string;
  /** `<url>/v1`; OpenAI's baseURL. */
  openaiBaseURL: string;
  requests: RecordedRequest[];
  /** Recorded responses not served yet. */
  remaining(): number;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

const ROUTES = new Set(['/v1/chat/completions', '/v1/messages']);
const fixturesRoot = fileURLToPath(new URL('../fixtures/providers/', import.meta.url));

/** Reads test/fixtures/providers/<provider>/<name>.json. */
export function loadFixture(provider: string, name: string): ReplayFixture {
  return JSON.parse(readFileSync(`${fixturesRoot}${provider}/${name}.json`, 'utf8')) as ReplayFixture;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    // A test may send garbage on purpose; keep it as text for the assertion.
    return text;
  }
}

function send(response: ServerResponse, reply: ReplayResponse): void {
  response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
}

/**
 * Starts a replay server answering with `responses` (or a fixture's) in order, one per request.
 * When they run out it answers 500 with `x-should-retry: false` so a test fails loudly.
 */
export async function startReplayServer(source: ReplayFixture | ReplayResponse[]): Promise<ReplayServer> {
  const queue = [...(Array.isArray(source) ? source : source.responses)];
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body,
      });
      if (request.method !== 'POST' || !ROUTES.has(request.url ?? '')) {
        send(response, {
          status: 404,
          body: { error: { message: `replay server: no route ${request.url}` } },
        });
        return;
      }
      const reply = queue.shift() ?? {
        status: 500,
        headers: { 'x-should-retry': 'false' },
        body: { error: { message: 'replay server: no recorded response left' } },
      };
      if (reply.hang) return;
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      send(response, reply);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Hung requests would keep close() waiting forever.
      server.closeAllConnections();
    });
    return closing;
  };
  return {
    url,
    openaiBaseURL: `${url}/v1`,
    requests,
    remaining: () => queue.length,
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** An OpenAI chat completion body whose answer is `text`. */
export function openaiChatBody(
  text: string,
  usage = { prompt_tokens: 900, completion_tokens: 200 },
): unknown {
  return {
    id: 'chatcmpl-replay',
    object: 'chat.completion',
    created: 1_764_000_000,
    model: 'replay',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text, refusal: null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

/** An Anthropic message body whose answer is `text`. */
export function anthropicMessageBody(
  text: string,
  usage = { input_tokens: 900, output_tokens: 200 },
): unknown {
  return {
    id: 'msg_replay',
    type: 'message',
    role: 'assistant',
    model: 'replay',
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage,
  };
}

/** The text the model was sent last in a recorded request (either protocol). */
export function lastUserMessage(request: RecordedRequest): string {
  const messages = (request.body as { messages?: { role: string; content: unknown }[] }).messages ?? [];
  const last = messages[messages.length - 1];
  return typeof last?.content === 'string' ? last.content : JSON.stringify(last?.content);
}

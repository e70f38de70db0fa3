import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { serveSkills, type ServedSkills } from '../../src/serve/index.js';
import type { SkillStore } from '../../src/store/index.js';
import { createTools } from '../fixtures/serve/desk-pack.js';
import { runCli } from '../helpers/run-cli.js';
import { connectTestClient, openServedLibrary, type TestClient } from '../helpers/served-library.js';

type ToolResult = {
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
};

async function call(test: TestClient, name: string, args: Record<string, unknown>): Promise<ToolResult> {
  return (await test.client.callTool({ name, arguments: args })) as ToolResult;
}

describe('serveSkills over Streamable HTTP', () => {
  let store: SkillStore;
  let served: ServedSkills;
  let test: TestClient;
  beforeAll(async () => {
    ({ store } = await openServedLibrary());
    served = await serveSkills({ store, tools: createTools(), http: { port: 0 }, watchIntervalMs: 100 });
    test = await connectTestClient(new StreamableHTTPClientTransport(new URL(served.url as string)));
  }, 60_000);
  afterAll(async () => {
    await test?.client.close();
    await served?.close();
    await store?.close();
  });

  it('listens on loopback and offers four tools, annotated', async () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const { tools } = await test.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual([
      'search_skills',
      'get_skill',
      'run_skill',
      'report_outcome',
    ]);
    expect(tools.find((tool) => tool.name === 'search_skills')?.annotations?.readOnlyHint).toBe(true);
  });

  it('finds the skill that fits a request, with its input schema and figures', async () => {
    const result = await call(test, 'search_skills', {
      query: 'my parcel arrived damaged, refund the whole order',
      limit: 3,
    });
    const skills = result.structuredContent?.['skills'] as {
      name: string;
      inputSchema: unknown;
      reliability: unknown;
    }[];
    expect(skills[0]?.name).toBe('refund_order_full');
    expect(skills[0]?.inputSchema).toMatchObject({ required: ['orderId'] });
    expect(skills[0]?.reliability).toMatchObject({ runs: 0 });
    expect(skills[0]).toMatchObject({ maturity: 'supervised' });
  });

  it('reads a skill: source, permissions, annotations, review and evidence', async () => {
    const result = await call(test, 'get_skill', { ref: 'refund_order_full' });
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toMatchObject({
      ref: 'refund_order_full@1',
      status: 'active',
      review: { decision: 'approve' },
      maturity: 'supervised',
      evidence: { verifiedInputs: expect.any(Number), assumptions: expect.any(Array) },
      permissions: ['get_order', 'refund_order', 'send_email'],
      annotations: { readOnlyHint: false, destructiveHint: true },
      provenance: { trajectoryIds: expect.arrayContaining(['refund-damaged-8812']) },
    });
    expect(String(result.structuredContent?.['source'])).toContain('tools.refund_order(');
  });

  it('runs a skill, returns its value and a runId, and takes an outcome report on it', async () => {
    const result = await call(test, 'run_skill', { ref: 'refund_order_full', input: { orderId: '8811' } });
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toMatchObject({ ref: 'refund_order_full@1', value: { amount: 39.5 } });
    const runId = String(result.structuredContent?.['runId']);
    const report = await call(test, 'report_outcome', { runId, outcome: 'wrong', note: 'wrong customer' });
    expect(report.isError).toBeUndefined();
    const skill = await store.get('refund_order_full');
    expect(skill.reliability).toMatchObject({ runs: 1, ok: 1, outcomes: { correct: 0, wrong: 1 } });
    // What an agent sees next time it searches: the figures as they are now.
    const found = await call(test, 'search_skills', {
      query: 'refund order in full, arrived damaged',
      limit: 1,
    });
    expect(found.structuredContent?.['skills']).toMatchObject([
      { name: 'refund_order_full', reliability: { runs: 1, outcomes: { wrong: 1 } } },
    ]);
  });

  it('reports a failed run with its code and the effectful calls that completed before it', async () => {
    const result = await call(test, 'run_skill', { ref: 'refund_order_full', input: { orderId: '8812' } });
    expect(result.isError).toBe(true);
    const text = result.content[0]?.text ?? '';
    expect(text).toMatch(/^TOOL_FAILED: /);
    expect(text).toContain('mailbox grace@example.com is full');
    // The refund went through before the email bounced; the read of the order is no effect.
    expect(text).toMatch(/2\. refund_order\(\{"orderId":"8812"/);
    expect(text).not.toContain('get_order(');
  });

  it('survives bad input, unknown skills and bad arguments, each as an error result', async () => {
    const bad = await call(test, 'run_skill', { ref: 'refund_order_full', input: { orderId: 42 } });
    expect(bad.content[0]?.text).toMatch(/^INVALID_INPUT: /);
    const missing = await call(test, 'get_skill', { ref: 'no_such_skill' });
    expect(missing.content[0]?.text).toMatch(/^NOT_FOUND: /);
    const report = await call(test, 'report_outcome', { runId: 'not-a-run-0000', outcome: 'correct' });
    expect(report.isError).toBe(true);
    const again = await call(test, 'search_skills', { query: 'refund' });
    expect(again.isError).toBeUndefined();
  });

  it('refuses a version the policy does not serve', async () => {
    await store.setStatus('thank_reporter_ticket@1', 'deprecated', { by: 'test' });
    const result = await call(test, 'run_skill', {
      ref: 'thank_reporter_ticket@1',
      input: { ticketId: 'T-1' },
    });
    expect(result.content[0]?.text).toMatch(/^REVIEW_REQUIRED: thank_reporter_ticket@1 is deprecated/);
  });
});

describe('serveSkills HTTP access', () => {
  it('refuses a non-loopback bind without a token', async () => {
    const { store } = await openServedLibrary();
    try {
      await expect(
        serveSkills({ store, tools: createTools(), http: { port: 0, host: '0.0.0.0' } }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', where: { field: 'http.token' } });
    } finally {
      await store.close();
    }
  });

  it('answers 401 without the Bearer token and serves with it', async () => {
    const { store } = await openServedLibrary();
    const token = 'a-long-enough-test-token';
    const served = await serveSkills({
      store,
      tools: createTools(),
      http: { port: 0, host: '0.0.0.0', token },
    });
    try {
      const url = (served.url as string).replace('0.0.0.0', '127.0.0.1');
      const bare = await fetch(url, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      });
      expect(bare.status).toBe(401);
      const wrong = await fetch(url, {
        method: 'GET',
        headers: { authorization: 'Bearer not-the-token-at-all' },
      });
      expect(wrong.status).toBe(401);
      const test = await connectTestClient(
        new StreamableHTTPClientTransport(new URL(url), {
          requestInit: { headers: { authorization: `Bearer ${token}` } },
        }),
      );
      expect((await test.client.listTools()).tools).toHaveLength(4);
      await test.client.close();
    } finally {
      await served.close();
      await store.close();
    }
  }, 60_000);
});

describe('serveSkills over Streamable HTTP, expose all, confirm destructive', () => {
  let store: SkillStore;
  let url: string;
  let served: ServedSkills;
  const clients: TestClient[] = [];
  const connect = async (answer: 'accept' | 'decline'): Promise<TestClient> => {
    const test = await connectTestClient(
      new StreamableHTTPClientTransport(new URL(served.url as string)),
      answer,
    );
    clients.push(test);
    return test;
  };
  beforeAll(async () => {
    ({ store, url } = await openServedLibrary());
    await store.setStatus('thank_reporter_ticket@1', 'deprecated', { by: 'test' });
    served = await serveSkills({
      store,
      tools: createTools(),
      http: { port: 0 },
      expose: 'all',
      confirm: 'destructive',
      watchIntervalMs: 100,
    });
  }, 60_000);
  afterAll(async () => {
    for (const test of clients) await test.client.close();
    await served?.close();
    await store?.close();
  });

  it('asks over the request stream and runs when the user accepts', async () => {
    const test = await connect('accept');
    const result = await call(test, 'refund_order_full', { orderId: '8811' });
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toMatchObject({ amount: 39.5 });
    expect(test.asked.map((message) => message.match(/`(\w+)`/)?.[1])).toEqual([
      'refund_order',
      'send_email',
    ]);
  });

  it('ends the run with DECLINED when the user refuses, and the order stays unrefunded', async () => {
    const test = await connect('decline');
    const result = await call(test, 'refund_order_full', { orderId: '8816' });
    expect(result.content[0]?.text).toMatch(/^DECLINED: /);
    const order = await call(test, 'run_skill', { ref: 'order_carrier_status', input: { orderId: '8816' } });
    expect(order.isError).toBeUndefined();
    const accepted = await connect('accept');
    // Had the declined refund gone through, this second one would fail as a double refund.
    const again = await call(accepted, 'refund_order_full', { orderId: '8816' });
    expect(again.isError, again.content[0]?.text).toBeUndefined();
  });

  it('declines for a client that cannot ask its user', async () => {
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const client = new Client({ name: 'no-elicitation', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(served.url as string)));
    try {
      const result = (await client.callTool({
        name: 'run_skill',
        arguments: { ref: 'refund_order_full', input: { orderId: '8818' } },
      })) as ToolResult;
      expect(result.content[0]?.text).toMatch(/^DECLINED: .*the client cannot ask its user/);
    } finally {
      await client.close();
    }
  });

  it('sends tools/list_changed after a promote in another process', async () => {
    const test = await connect('accept');
    expect((await test.client.listTools()).tools.map((tool) => tool.name)).not.toContain(
      'thank_reporter_ticket',
    );
    const changed = test.nextListChange();
    const promote = runCli(['promote', 'thank_reporter_ticket@1', '--store', url, '--by', 'reviewer']);
    expect(promote.status, promote.stderr).toBe(0);
    await changed;
    expect((await test.client.listTools()).tools.map((tool) => tool.name)).toContain('thank_reporter_ticket');
  }, 60_000);
});

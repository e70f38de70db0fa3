import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxWithWorker } from '../../sandbox/create-sandbox.js';
import { defineTools, type RunResult, type Sandbox } from '../../sandbox/index.js';

// Property: whatever bytes a worker sends (random, malformed, huge, nested thousands deep, tool
// calls with hostile arguments against recursive schemas), the caller stays alive and every run
// settles with a code. The worker is a real process speaking the protocol with those bytes
// (test/fixtures/sandbox/hostile-worker.mjs); vitest fails the file on any uncaught exception or
// unhandled rejection in the caller.
const hostileWorker = fileURLToPath(new URL('../fixtures/sandbox/hostile-worker.mjs', import.meta.url));
const runs = 400;
const codes = [
  'TIMEOUT',
  'MEMORY_LIMIT',
  'TOOL_NOT_ALLOWED',
  'INVALID_TOOL_ARGS',
  'INVALID_OUTPUT',
  'OUTPUT_TOO_LARGE',
  'TOOL_FAILED',
  'TOOL_CALL_LIMIT',
  'SKILL_THREW',
  'WORKER_CRASHED',
  'COMPILE_ERROR',
];

const recursive = {
  definitions: {
    node: {
      anyOf: [
        { type: 'array', items: { $ref: '#/definitions/node' }, uniqueItems: true },
        { type: 'object', additionalProperties: { $ref: '#/definitions/node' } },
        { oneOf: [{ type: 'number' }, { type: 'string', pattern: '^(a+)+$' }, { type: 'boolean' }] },
      ],
    },
  },
  $ref: '#/definitions/node',
};
const tools = defineTools({
  echo: { inputSchema: recursive, handler: (args) => args },
  'ns.deep': {
    inputSchema: { $ref: '#/definitions/node', definitions: recursive.definitions },
    handler: () => 1,
  },
  thrower: {
    inputSchema: {},
    handler: () => {
      throw Object.create(null);
    },
  },
  unprintable: { inputSchema: true, handler: () => ({ toJSON: () => ({ toJSON: 1n }) }) },
  slow: { inputSchema: true, handler: () => new Promise((resolve) => setTimeout(resolve, 20, 'late')) },
});

const nested = (open: string, close: string, inner: string) =>
  fc.integer({ min: 1, max: 6000 }).map((depth) => open.repeat(depth) + inner + close.repeat(depth));
const deepJson = fc.oneof(
  nested('[', ']', '1'),
  nested('{"a":', '}', 'null'),
  nested('[', '', '1'),
  nested('{"__proto__":', '}', '{"polluted":1}'),
);
const jsonText = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 3, arbitrary: deepJson },
  { weight: 2, arbitrary: fc.string() },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"x":1}}}',
      '',
      'undefined',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0, max: 1024 * 1024 }).map((size) => `"${'x'.repeat(size)}"`),
  },
);
const report = fc.oneof(
  jsonText.map((value) => `{"k":"v","v":${value},"l":[],"t":false}`),
  jsonText.map((value) => `{"k":"v","v":${value},"l":undefined,"t":false}`),
  jsonText.map((value) => `{"k":"e","e":${value},"l":[["log",${value}]]}`),
  jsonText.map((value) => `{"k":"o","n":${value},"l":${value}}`),
  jsonText,
);
const number = fc.oneof(fc.nat(), fc.constantFrom(-1, 1.5, 2 ** 60, '"1"', 'null', '$ID'));
const line = fc.oneof(
  // Tool calls of this run, with hostile names, sequence numbers and arguments.
  fc
    .record({
      seq: number,
      tool: fc.oneof(
        fc.constantFrom('echo', 'ns.deep', 'thrower', 'unprintable', 'slow', 'nope', '__proto__', 'toString'),
        fc.string(),
      ),
      args: jsonText,
    })
    .map(
      ({ seq, tool, args }) =>
        `{"t":"call","id":$ID,"seq":${seq},"tool":${JSON.stringify(tool)},"args":${JSON.stringify(args)}}`,
    ),
  // Ends of this run or another, with every outcome and hostile reports.
  fc
    .record({
      id: number,
      outcome: fc.oneof(
        fc.constantFrom('done', 'threw', 'timeout', 'memory', 'cancelled', 'compile', 'failed'),
        fc.string(),
      ),
      payload: report,
      cpuNs: number,
      // Rare: a retiring worker is replaced, which costs a process start.
      isRetiring: fc.oneof(
        { weight: 30, arbitrary: fc.constantFrom('false', '"yes"') },
        { weight: 1, arbitrary: fc.constant('true') },
      ),
    })
    .map(
      ({ id, outcome, payload, cpuNs, isRetiring }) =>
        `{"t":"end","id":${id},"outcome":${JSON.stringify(outcome)},"payload":${JSON.stringify(payload)},"cpuNs":${cpuNs},"heapUsedBytes":${cpuNs},"isRetiring":${isRetiring}}`,
    ),
  deepJson,
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.constantFrom('{"t":"ready"}', '{"t":"call"}', '{"t":"end","id":$ID}', '{"t":"__proto__"}', 'null', '[]'),
  fc.string(),
);
// Each message is bytes: a line of text, raw garbage (invalid UTF-8 included), or a line cut short.
const message = fc.oneof(
  { weight: 8, arbitrary: line.map((text) => Buffer.from(`${text}\n`)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }) },
  { weight: 1, arbitrary: line.map((text) => Buffer.from(text.slice(0, Math.floor(text.length / 2)))) },
);

describe('a worker that sends hostile bytes', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await createSandboxWithWorker({ size: 1, killGraceMs: 200 }, hostileWorker);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it(`never crashes the caller, and every one of ${runs} runs settles with a code`, async () => {
    let messages = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(message, { minLength: 25, maxLength: 30 }),
        fc.oneof(report, fc.constant('{"k":"u","l":[],"t":false}')),
        fc.integer({ min: 0, max: 199 }),
        async (lines, last, exitRoll) => {
          messages += lines.length + 1;
          const result: RunResult = await sandbox.run({
            source: 'export default async function hostile() { return 1; }',
            input: {
              lines: lines.map((bytes) => Buffer.from(bytes).toString('base64')),
              last,
              exit: exitRoll === 0,
            },
            tools,
            limits: { timeoutMs: 300, maxToolCalls: 20 },
          });
          expect(typeof result.ok).toBe('boolean');
          expect(Array.isArray(result.trace)).toBe(true);
          if (!result.ok) expect(codes).toContain(result.error.code);
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        },
      ),
      { numRuns: runs },
    );
    expect(messages).toBeGreaterThanOrEqual(10_000);
  }, 600_000);
});

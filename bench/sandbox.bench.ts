// `npm run bench -- sandbox`: the isolated-vm sandbox (through its worker processes) against peers
// in the same process: the skill as a plain function, node:vm and QuickJS with a fresh context per run.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInContext, createContext, Script } from 'node:vm';
import type { Socket } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { build } from 'esbuild';
import { getQuickJS, type QuickJSContext, type QuickJSWASMModule } from 'quickjs-emscripten';
import {
  createSandbox,
  defineTools,
  SKILL_BUNDLE_BANNER,
  SKILL_BUNDLE_GLOBAL,
  type ToolPack,
} from '../sandbox/index.js';
import { percentile, report, sampleMs, type BenchRow } from './_report.js';

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
type ToolFunctions = Record<string, (args: Record<string, unknown>) => Promise<unknown>>;
type SkillFunction = (input: Record<string, unknown>, tools: ToolFunctions) => Promise<unknown>;
/** Runs the skill once, fresh context where the engine has one, and returns its value. */
type Runner = (input: Record<string, unknown>) => Promise<unknown>;

const store: Record<string, number> = { a: 20, b: 22 };
const toolImplementations: ToolFunctions = {
  get: async (args) => ({ value: store[String(args['key'])] ?? 0 }),
  add: async (args) => ({ sum: Number(args['a']) + Number(args['b']) }),
  noop: async () => ({}),
};

// The measured skills, as skill modules in the DESIGN.md contract.
const skills: Record<string, string> = {
  trivial:
    'export default async function trivial(input: { a: number; b: number }) { return { sum: input.a + input.b }; }',
  threeTools: `import type { Tools } from "knack:tools";
export default async function threeTools(input: { x: string; y: string }, tools: Tools) {
  const a = await tools.get({ key: input.x });
  const b = await tools.get({ key: input.y });
  return await tools.add({ a: a.value, b: b.value });
}`,
  hundredTools: `export default async function hundredTools(input: { n: number }, tools: any) {
  for (let i = 0; i < input.n; i++) await tools.noop({ i });
  return { done: input.n };
}`,
};
const inputs: Record<string, Record<string, unknown>> = {
  trivial: { a: 1, b: 2 },
  threeTools: { x: 'a', y: 'b' },
  hundredTools: { n: 100 },
  zeroTools: { n: 0 },
};

// The skill as a plain host function: the floor every engine is measured against.
const plainSkills: Record<string, SkillFunction> = {
  trivial: async (input) => ({ sum: Number(input['a']) + Number(input['b']) }),
  threeTools: async (input, tools) => {
    const a = (await tools['get']!({ key: input['x'] })) as { value: number };
    const b = (await tools['get']!({ key: input['y'] })) as { value: number };
    return tools['add']!({ a: a.value, b: b.value });
  },
  hundredTools: async (input, tools) => {
    for (let i = 0; i < Number(input['n']); i++) await tools['noop']!({ i });
    return { done: input['n'] };
  },
};

async function bundle(source: string, target: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, loader: 'ts', sourcefile: 'skill.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: SKILL_BUNDLE_GLOBAL,
    banner: { js: SKILL_BUNDLE_BANNER },
    target,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function toolPack(): ToolPack {
  const object = { type: 'object' } as const;
  return defineTools({
    get: {
      inputSchema: object,
      handler: (args) => toolImplementations['get']!(args as Record<string, unknown>),
    },
    add: {
      inputSchema: object,
      handler: (args) => toolImplementations['add']!(args as Record<string, unknown>),
    },
    noop: {
      inputSchema: object,
      handler: (args) => toolImplementations['noop']!(args as Record<string, unknown>),
    },
  });
}

function sandboxRunner(sandbox: Sandbox, source: string, tools: ToolPack): Runner {
  return async (input) => {
    const result = await sandbox.run({ source, input, tools });
    if (!result.ok) throw new Error(`sandbox run failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
}

// node:vm, no security: a fresh context per run, tools as host functions (JSON copies both ways,
// as the sandbox makes, so the peers move the same data).
function nodeVmRunner(source: string): Runner {
  const script = new Script(source);
  const copy = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
  const tools: ToolFunctions = Object.fromEntries(
    Object.entries(toolImplementations).map(([name, tool]) => [
      name,
      async (args) => copy(await tool(copy(args) as Record<string, unknown>)),
    ]),
  );
  return async (input) => {
    const context = createContext({});
    script.runInContext(context);
    const skill = runInContext(`${SKILL_BUNDLE_GLOBAL}.default`, context) as SkillFunction;
    return copy(await skill(copy(input) as Record<string, unknown>, tools));
  };
}

// QuickJS (WebAssembly), a fresh runtime and context per run; tools are host functions returning
// QuickJS promises, with JSON strings crossing the boundary.
const quickJsGlue = `globalThis.tools = new Proxy({}, { get: (_, name) => (args) =>
  __hostCall(String(name), JSON.stringify(args)).then((json) => JSON.parse(json)) });
globalThis.__run = (inputJson) => ${SKILL_BUNDLE_GLOBAL}.default(JSON.parse(inputJson), tools).then((value) => JSON.stringify(value));`;

function quickJsRunner(quickJs: QuickJSWASMModule, source: string): Runner {
  return async (input) => {
    const context = quickJs.newContext();
    try {
      installHostCall(context);
      context.unwrapResult(context.evalCode(source)).dispose();
      context.unwrapResult(context.evalCode(quickJsGlue)).dispose();
      const promiseHandle = context.unwrapResult(
        context.evalCode(`__run(${JSON.stringify(JSON.stringify(input))})`),
      );
      const settled = context.resolvePromise(promiseHandle);
      promiseHandle.dispose();
      context.runtime.executePendingJobs();
      const valueHandle = context.unwrapResult(await settled);
      const json = context.getString(valueHandle);
      valueHandle.dispose();
      return JSON.parse(json) as unknown;
    } finally {
      context.dispose();
    }
  };
}

function installHostCall(context: QuickJSContext): void {
  const hostCall = context.newFunction('__hostCall', (nameHandle, argsHandle) => {
    const tool = toolImplementations[context.getString(nameHandle)];
    const args = JSON.parse(context.getString(argsHandle)) as Record<string, unknown>;
    const deferred = context.newPromise();
    void Promise.resolve(tool?.(args)).then((value) => {
      const handle = context.newString(JSON.stringify(value));
      deferred.resolve(handle);
      handle.dispose();
      context.runtime.executePendingJobs();
    });
    return deferred.handle;
  });
  context.setProp(context.global, '__hostCall', hostCall);
  hostCall.dispose();
}

interface Sampled {
  p50Ms: number;
  p99Ms: number;
  callsPerS: number;
}

const expected: Record<string, string> = {
  trivial: '{"sum":3}',
  threeTools: '{"sum":42}',
  hundredTools: '{"done":100}',
  zeroTools: '{"done":0}',
};

/** Checks the runner's answer (every engine must compute the same one) and warms it up. */
async function prepare(runner: Runner, input: Record<string, unknown>, iterations: number): Promise<void> {
  const value = JSON.stringify(await runner(input));
  const wanted = Object.entries(inputs).find(([, candidate]) => candidate === input)?.[0] ?? '';
  if (value !== expected[wanted]) throw new Error(`wrong answer for ${wanted}: ${value}`);
  for (let i = 0; i < Math.min(200, iterations); i++) await runner(input);
}

function summarize(samples: readonly number[]): Sampled {
  const totalMs = samples.reduce((sum, sample) => sum + sample, 0);
  return {
    p50Ms: percentile(samples, 0.5),
    p99Ms: percentile(samples, 0.99),
    callsPerS: (samples.length * 1000) / totalMs,
  };
}

/**
 * Measures the engines side by side: they take turns in rounds (in a rotating order), so a machine
 * that slows down during the bench slows every engine alike and their ratios stay fair.
 */
async function measureSideBySide(
  cases: Record<string, { runner: Runner; input: Record<string, unknown> }>,
  iterations: number,
  rounds = 10,
): Promise<Record<string, Sampled>> {
  const names = Object.keys(cases);
  const samples = new Map<string, number[]>(names.map((name) => [name, []]));
  for (const { runner, input } of Object.values(cases)) await prepare(runner, input, iterations);
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < names.length; turn++) {
      const name = names[(round + turn) % names.length]!;
      const { runner, input } = cases[name]!;
      samples.get(name)!.push(...(await sampleMs(Math.ceil(iterations / rounds), () => runner(input))));
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples.get(name)!)]));
}

async function throughput(
  runner: Runner,
  input: Record<string, unknown>,
  callers: number,
  durationMs: number,
): Promise<number> {
  let completed = 0;
  const deadline = performance.now() + durationMs;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (performance.now() < deadline) {
        await runner(input);
        completed++;
      }
    }),
  );
  return (completed * 1000) / (performance.now() - start);
}

async function coldStart(
  source: string,
  tools: ToolPack,
  times: number,
): Promise<{ readyMs: number[]; firstRunMs: number[] }> {
  const readyMs: number[] = [];
  const firstRunMs: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    const sandbox = await createSandbox();
    readyMs.push(performance.now() - start);
    await sandboxRunner(sandbox, source, tools)(inputs['trivial']!);
    firstRunMs.push(performance.now() - start);
    await sandbox.close();
  }
  return { readyMs, firstRunMs };
}

// Cold paths inside a running pool: a bundle the workers have never seen (compile + load in the
// isolate), and a pool that takes a new isolate for every run (runsPerIsolate: 1).
async function coldRunRows(
  sandbox: Sandbox,
  source: string,
  tools: ToolPack,
  iterations: number,
): Promise<BenchRow[]> {
  let counter = 0;
  const unseen = await sampleMs(iterations, () =>
    sandboxRunner(
      sandbox,
      `${source}\n// unseen bundle ${counter++} ${Math.random()}`,
      tools,
    )(inputs['trivial']!),
  );
  const fresh = await createSandbox({ runsPerIsolate: 1 });
  try {
    const run = sandboxRunner(fresh, source, tools);
    const newIsolate = await sampleMs(iterations, () => run(inputs['trivial']!));
    const engine = 'knack sandbox (worker + isolated-vm)';
    return [
      {
        engine,
        skill: 'cold run: new bundle (compile + load), warm pool',
        p50Ms: percentile(unseen, 0.5),
        p99Ms: percentile(unseen, 0.99),
        callsPerS: '',
      },
      {
        engine,
        skill: 'cold run: new isolate per run (runsPerIsolate: 1)',
        p50Ms: percentile(newIsolate, 0.5),
        p99Ms: percentile(newIsolate, 0.99),
        callsPerS: '',
      },
    ];
  } finally {
    await fresh.close();
  }
}

// Floors of the design on this machine, measured without knack's code: every tool call is one
// message round trip between two processes (the worker's transport: a line of JSON over a socket
// pair, read blocking on the worker's side), and every run needs one fresh isolated-vm context.
const echoSource = `const { readSync, writeSync } = require('node:fs');
const buffer = Buffer.alloc(65536);
for (;;) {
  const size = readSync(3, buffer, 0, buffer.length, null);
  if (size === 0) process.exit(0);
  writeSync(3, buffer, 0, size);
}`;

async function messageRoundTripMs(iterations: number): Promise<number[]> {
  const echo = spawn(process.execPath, ['-e', echoSource], {
    stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
  });
  const channel = echo.stdio[3] as Socket;
  channel.setEncoding('utf8');
  try {
    const line = `${JSON.stringify({ t: 'call', id: 1, seq: 1, tool: 'get', args: '{"key":"a"}' })}\n`;
    const roundTrip = (): Promise<unknown> =>
      new Promise((resolve) => {
        channel.once('data', (chunk: string) => resolve(JSON.parse(chunk)));
        channel.write(line);
      });
    for (let i = 0; i < 200; i++) await roundTrip();
    return await sampleMs(iterations, roundTrip);
  } finally {
    echo.kill();
  }
}

// Measured in a child process started with the worker's V8 flags: they change what a context costs.
const contextCostSource = `const ivm = require(process.argv[1]);
const iterations = Number(process.argv[2]);
const isolate = new ivm.Isolate({ memoryLimit: 64 });
for (let i = 0; i < 100; i++) isolate.createContextSync().release();
const cpuBefore = process.cpuUsage();
const samples = [];
for (let i = 0; i < iterations; i++) {
  const start = performance.now();
  isolate.createContextSync().release();
  samples.push(performance.now() - start);
}
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(JSON.stringify({ samples, cpuMs: (cpu.user + cpu.system) / 1000 / iterations }));`;

/**
 * The V8 flags the sandbox's workers run with, read off a running worker's command line (Linux
 * /proc): the bench measures its floors under the same flags without reaching into the sandbox.
 */
function workerV8Flags(): string[] {
  for (const pid of readdirSync('/proc').filter((entry) => /^[0-9]+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parentPid !== process.pid) continue;
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(1);
      const flags = argv.slice(
        0,
        argv.findIndex((arg) => !arg.startsWith('--')),
      );
      if (flags.includes('--no-node-snapshot')) return flags.filter((flag) => flag !== '--no-node-snapshot');
    } catch (error) {
      // A process that ended between the listing and the read is skipped.
      if (!['ENOENT', 'ESRCH'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
  }
  throw new Error('no sandbox worker is running: start a sandbox before reading its flags');
}

function isolatedVmContextCost(
  iterations: number,
  v8Flags: readonly string[],
): { p50Ms: number; cpuMs: number } {
  const child = spawnSync(
    process.execPath,
    [
      '--no-node-snapshot',
      ...v8Flags,
      '-e',
      contextCostSource,
      createRequire(import.meta.url).resolve('isolated-vm'),
      String(iterations),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`the context cost probe failed (${child.status})`);
  const { samples, cpuMs } = JSON.parse(child.stdout) as { samples: number[]; cpuMs: number };
  return { p50Ms: percentile(samples, 0.5), cpuMs };
}

function row(engine: string, skill: string, sampled: Sampled): BenchRow {
  return {
    engine,
    skill,
    p50Ms: sampled.p50Ms,
    p99Ms: sampled.p99Ms,
    callsPerS: Math.round(sampled.callsPerS),
  };
}

/** Runs every case and prints the table; writes bench/results/sandbox.json. */
export async function main(): Promise<void> {
  const iterations = Number(process.env['KNACK_BENCH_ITERATIONS'] ?? 2000);
  const loadAverageAtStart = loadavg().map((load) => Number(load.toFixed(2)));
  const bundles: Record<string, string> = {};
  const quickJsBundles: Record<string, string> = {};
  for (const [name, source] of Object.entries(skills)) {
    bundles[name] = await bundle(source, 'es2022');
    quickJsBundles[name] = await bundle(source, 'es2020');
  }
  const tools = toolPack();
  const quickJs = await getQuickJS();
  const cold = await coldStart(bundles['trivial']!, tools, 5);
  const sandbox = await createSandbox();
  const rows: BenchRow[] = [];
  const p50: Record<string, number> = {};
  try {
    const engines: Record<string, (name: string) => Runner> = {
      'plain function': (name) => (input) => plainSkills[name]!(input, toolImplementations),
      'node:vm (fresh context)': (name) => nodeVmRunner(bundles[name]!),
      'quickjs (fresh context)': (name) => quickJsRunner(quickJs, quickJsBundles[name]!),
      'knack sandbox (worker + isolated-vm)': (name) => sandboxRunner(sandbox, bundles[name]!, tools),
    };
    const skillNames = ['trivial', 'threeTools'];
    const sideBySide: Record<string, Record<string, Sampled>> = {};
    for (const name of skillNames) {
      const cases = Object.fromEntries(
        Object.entries(engines).map(([engine, runnerFor]) => [
          engine,
          { runner: runnerFor(name), input: inputs[name]! },
        ]),
      );
      sideBySide[name] = await measureSideBySide(cases, iterations);
    }
    for (const [engine, runnerFor] of Object.entries(engines)) {
      for (const name of skillNames) {
        const sampled = sideBySide[name]![engine]!;
        rows.push(row(engine, name === 'trivial' ? 'trivial' : '3 tool calls', sampled));
        p50[`${engine}/${name}`] = sampled.p50Ms;
      }
      const runner = runnerFor('hundredTools');
      const { hundred, zero } = await measureSideBySide(
        {
          hundred: { runner, input: inputs['hundredTools']! },
          zero: { runner, input: inputs['zeroTools']! },
        },
        Math.ceil(iterations / 4),
      );
      // Below the noise of the per-run cost the difference can come out negative: report it as 0.
      const roundTripUs = Math.max(0, ((hundred!.p50Ms - zero!.p50Ms) / 100) * 1000);
      p50[`${engine}/roundTripUs`] = roundTripUs;
      rows.push({
        engine,
        skill: 'one tool round trip ((100 calls - 0 calls) / 100)',
        p50Ms: roundTripUs / 1000,
        p99Ms: '',
        callsPerS: roundTripUs > 0 ? Math.round(1e6 / roundTripUs) : '',
      });
    }
    const callers = 16;
    const poolRunsPerS = await throughput(
      engines['knack sandbox (worker + isolated-vm)']!('threeTools'),
      inputs['threeTools']!,
      callers,
      3000,
    );
    // The pool can also serve several runs per worker at once, each in its own isolate.
    const widePool = await createSandbox({ runsPerWorker: 4 });
    const widePoolRunsPerS = await throughput(
      sandboxRunner(widePool, bundles['threeTools']!, tools),
      inputs['threeTools']!,
      callers,
      3000,
    ).finally(() => widePool.close());
    const vmRunsPerS = await throughput(
      engines['node:vm (fresh context)']!('threeTools'),
      inputs['threeTools']!,
      callers,
      3000,
    );
    rows.push({
      engine: 'knack sandbox (worker + isolated-vm)',
      skill: `pool throughput, 3 tool calls, ${callers} callers`,
      p50Ms: '',
      p99Ms: '',
      callsPerS: Math.round(poolRunsPerS),
    });
    rows.push({
      engine: 'knack sandbox, runsPerWorker: 4',
      skill: `pool throughput, 3 tool calls, ${callers} callers`,
      p50Ms: '',
      p99Ms: '',
      callsPerS: Math.round(widePoolRunsPerS),
    });
    rows.push({
      engine: 'node:vm (fresh context)',
      skill: `throughput, 3 tool calls, ${callers} callers (1 thread)`,
      p50Ms: '',
      p99Ms: '',
      callsPerS: Math.round(vmRunsPerS),
    });
    rows.push({
      engine: 'knack sandbox (worker + isolated-vm)',
      skill: 'cold start: createSandbox ready',
      p50Ms: percentile(cold.readyMs, 0.5),
      p99Ms: Math.max(...cold.readyMs),
      callsPerS: '',
    });
    rows.push({
      engine: 'knack sandbox (worker + isolated-vm)',
      skill: 'cold start: createSandbox + first run',
      p50Ms: percentile(cold.firstRunMs, 0.5),
      p99Ms: Math.max(...cold.firstRunMs),
      callsPerS: '',
    });
    const coldRuns = await coldRunRows(sandbox, bundles['trivial']!, tools, Math.ceil(iterations / 10));
    rows.push(...coldRuns);
    const roundTrips = await messageRoundTripMs(iterations);
    const context = isolatedVmContextCost(Math.ceil(iterations / 2), workerV8Flags());
    rows.push({
      engine: 'floor: two Node processes',
      skill: 'one message round trip, worker transport (no knack code)',
      p50Ms: percentile(roundTrips, 0.5),
      p99Ms: percentile(roundTrips, 0.99),
      callsPerS: '',
    });
    rows.push({
      engine: 'floor: isolated-vm, worker V8 flags',
      skill: `one fresh context (createContextSync): ${context.cpuMs.toFixed(3)} ms CPU`,
      p50Ms: context.p50Ms,
      p99Ms: '',
      callsPerS: '',
    });

    const sandboxName = 'knack sandbox (worker + isolated-vm)';
    const goals = goalRows({
      sandboxP50Ms: p50[`${sandboxName}/threeTools`]!,
      nodeVmP50Ms: p50['node:vm (fresh context)/threeTools']!,
      quickJsP50Ms: p50['quickjs (fresh context)/threeTools']!,
      roundTripUs: p50[`${sandboxName}/roundTripUs`]!,
      poolRunsPerS: Math.max(poolRunsPerS, widePoolRunsPerS),
      poolReadyMs: percentile(cold.firstRunMs, 0.5),
      messageRoundTripMs: percentile(roundTrips, 0.5),
      contextCpuMs: context.cpuMs,
      cores: availableParallelism(),
    });
    // The machine is shared: the load average says how much of it the bench had.
    const loadAverage = loadavg().map((load) => Number(load.toFixed(2)));
    report('sandbox', rows, {
      iterations,
      cores: availableParallelism(),
      loadAverageAtStart,
      loadAverage,
      goals,
      command: 'npm run bench -- sandbox',
    });
    process.stdout.write(
      `\nLoad average (1, 5, 15 min): ${loadAverageAtStart.join(', ')} at start, ${loadAverage.join(', ')} at end.\n`,
    );
    process.stdout.write(`\n### Goals (issue 2)\n\n${goalTable(goals)}\n`);
  } finally {
    await sandbox.close();
  }
}

interface GoalFigures {
  sandboxP50Ms: number;
  nodeVmP50Ms: number;
  quickJsP50Ms: number;
  roundTripUs: number;
  poolRunsPerS: number;
  poolReadyMs: number;
  messageRoundTripMs: number;
  contextCpuMs: number;
  cores: number;
}

interface Goal {
  goal: string;
  measured: string;
  /** What the design allows on this machine at best, from the floor rows. */
  bound: string;
  met: 'met' | 'not met';
}

function goalRows(figures: GoalFigures): Goal[] {
  const verdict = (isMet: boolean): Goal['met'] => (isMet ? 'met' : 'not met');
  const ratio = figures.sandboxP50Ms / figures.nodeVmP50Ms;
  // A 3-tool run is four round trips between caller and worker: the run and its result, and
  // one per tool call. Every run also costs one fresh context of CPU.
  const latencyFloorMs = 4 * figures.messageRoundTripMs;
  const runsPerSCeiling = (figures.cores * 1000) / figures.contextCpuMs;
  const floorText = `at least ${latencyFloorMs.toFixed(3)} ms: 4 message round trips`;
  return [
    {
      goal: '3-tool skill p50 within 1.5x of node:vm (fresh context)',
      measured: `${figures.sandboxP50Ms.toFixed(3)} ms vs ${figures.nodeVmP50Ms.toFixed(3)} ms (${ratio.toFixed(2)}x)`,
      bound: floorText,
      met: verdict(ratio <= 1.5),
    },
    {
      goal: '3-tool skill p50 no slower than QuickJS (fresh context)',
      measured: `${figures.sandboxP50Ms.toFixed(3)} ms vs ${figures.quickJsP50Ms.toFixed(3)} ms`,
      bound: floorText,
      met: verdict(figures.sandboxP50Ms <= figures.quickJsP50Ms),
    },
    {
      goal: 'one tool round trip under 100 µs p50',
      measured: `${figures.roundTripUs.toFixed(1)} µs`,
      bound: `${(figures.messageRoundTripMs * 1000).toFixed(1)} µs: one bare message round trip`,
      met: verdict(figures.roundTripUs < 100),
    },
    {
      goal: 'at least 1,500 runs/s (3-tool skill) on 2 cores (best pool setting)',
      measured: `${Math.round(figures.poolRunsPerS)} runs/s`,
      bound: `at most ${Math.round(runsPerSCeiling)} runs/s: ${figures.cores} cores / context CPU alone`,
      met: verdict(figures.poolRunsPerS >= 1500),
    },
    {
      goal: 'pool ready within 300 ms of opening (createSandbox + first run, p50)',
      measured: `${figures.poolReadyMs.toFixed(1)} ms`,
      bound: '',
      met: verdict(figures.poolReadyMs <= 300),
    },
  ];
}

function goalTable(goals: readonly Goal[]): string {
  return [
    '| goal | measured | bound on this machine | met |',
    '| --- | --- | --- | --- |',
    ...goals.map((goal) => `| ${goal.goal} | ${goal.measured} | ${goal.bound} | ${goal.met} |`),
  ].join('\n');
}

// `npm run bench -- serve`: what an agent pays per MCP call to `knack serve` over Streamable HTTP
// (the official SDK client, loopback), p50/p99, against the same work done in-process (baseline:
// searchSkills and callSkill without MCP). Library: the support-desk example (12 skills).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { callSkill, importLibrary, openStore, searchSkills, serveSkills } from '../src/index.js';
import { createTools } from '../skills/index.js';
import { percentile, report, sampleMs, type BenchRow } from './_report.js';

const iterations = 200;
const runs = 100;
const query = 'where is my parcel, which carrier has it';
const runInput = { ref: 'order_carrier_status', input: { orderId: '8811' } };

function row(path: string, operation: string, samples: number[]): BenchRow {
  return {
    path,
    operation,
    n: samples.length,
    'p50 ms': percentile(samples, 0.5),
    'p99 ms': percentile(samples, 0.99),
  };
}

export async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'knack-serve-bench-'));
  const store = await openStore({ url: `sqlite://${join(dir, 'skills.db')}` });
  await importLibrary({ store, dir: fileURLToPath(new URL('../skills/library', import.meta.url)) });
  const tools = createTools();
  const served = await serveSkills({ store, tools, http: { port: 0 } });
  const client = new Client({ name: 'bench', version: '1.0.0' });
  try {
    await client.connect(new StreamableHTTPClientTransport(new URL(served.url as string)));
    const call = (name: string, args: Record<string, unknown>) => client.callTool({ name, arguments: args });
    // Warm: the sandbox pool, the isolate cache, the connection.
    for (let warm = 0; warm < 10; warm++) await call('run_skill', runInput);
    const rows: BenchRow[] = [
      row('mcp http', 'tools/list', await sampleMs(iterations, () => client.listTools())),
      row('mcp http', 'search_skills', await sampleMs(iterations, () => call('search_skills', { query }))),
      row(
        'mcp http',
        'get_skill',
        await sampleMs(iterations, () => call('get_skill', { ref: 'order_carrier_status' })),
      ),
      row('mcp http', 'run_skill', await sampleMs(runs, () => call('run_skill', runInput))),
      row(
        'in-process',
        'searchSkills (reads the store each call)',
        await sampleMs(iterations, () => searchSkills({ store, query })),
      ),
      row('in-process', 'callSkill', await sampleMs(runs, () => callSkill({ store, tools, ...runInput }))),
    ];
    report('serve', rows, { library: '12 support-desk skills, SQLite', iterations, runs });
  } finally {
    await client.close();
    await served.close();
    await store.close();
  }
}

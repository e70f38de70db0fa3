import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { runCli, KNACK_FROM_SOURCE } from '../../helpers/run-cli.js';
import { DESK_PACK, openServedLibrary } from '../../helpers/served-library.js';

let storeUrl = '';

beforeAll(async () => {
  const { store, url } = await openServedLibrary();
  storeUrl = url;
  await store.close();
});

// Each test spawns the CLI (tsx compiles it on start), slow on a loaded machine.
describe('knack serve', { timeout: 120_000 }, () => {
  const children: ReturnType<typeof spawn>[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('needs --tools, a known --expose and a known --serve-at-least', () => {
    const bare = runCli(['serve', '--store', storeUrl]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('`knack serve` needs `--tools PACK`');
    const expose = runCli(['serve', '--store', storeUrl, '--tools', DESK_PACK, '--expose', 'most']);
    expect(expose.status).toBe(2);
    expect(expose.stderr).toContain('--expose is top:N');
    const maturity = runCli([
      'serve',
      '--store',
      storeUrl,
      '--tools',
      DESK_PACK,
      '--serve-at-least',
      'trusted',
    ]);
    expect(maturity.status).toBe(2);
    expect(maturity.stderr).toContain('--serve-at-least is deliberate, supervised or autonomous');
  });

  it('refuses a non-loopback --host without --token (a usage error, exit 2)', () => {
    const result = runCli(
      ['serve', '--store', storeUrl, '--tools', DESK_PACK, '--http', '0', '--host', '0.0.0.0'],
      {
        KNACK_SERVE_TOKEN: '',
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('INVALID_ARGUMENT');
    expect(result.stderr).toContain('--token');
  });

  it('serves Streamable HTTP on loopback, prints the endpoint on stderr, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [...KNACK_FROM_SOURCE, 'serve', '--store', storeUrl, '--tools', DESK_PACK, '--http', '0'],
      { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    let stderr = '';
    const endpoint = await new Promise<string>((resolve, reject) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /Streamable HTTP at (\S+)/.exec(stderr);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('close', () => reject(new Error(`knack serve exited: ${stderr}`)));
    });
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const client = new Client({ name: 'cli-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(endpoint)));
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('run_skill');
    await client.close();
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SkillStore } from '../../src/store/index.js';
import { DESK_PACK, openServedLibrary } from '../helpers/served-library.js';
import { KNACK_FROM_SOURCE } from '../helpers/run-cli.js';

const run = promisify(execFile);

// The way users check an MCP server: @modelcontextprotocol/inspector in CLI mode spawns it.
async function inspect(storeUrl: string, method: string[]): Promise<unknown> {
  const server = ['node', ...KNACK_FROM_SOURCE, 'serve', '--store', storeUrl, '--tools', DESK_PACK];
  const { stdout } = await run(
    'npx',
    ['--no-install', '@modelcontextprotocol/inspector', '--cli', ...server, ...method],
    {
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 90_000,
    },
  );
  return JSON.parse(stdout) as unknown;
}

describe('knack serve under @modelcontextprotocol/inspector --cli', () => {
  let store: SkillStore;
  let url: string;
  beforeAll(async () => {
    ({ store, url } = await openServedLibrary());
  });
  afterAll(async () => store?.close());

  it('lists the four tools', async () => {
    const listed = (await inspect(url, ['--method', 'tools/list'])) as { tools: { name: string }[] };
    expect(listed.tools.map((tool) => tool.name)).toEqual([
      'search_skills',
      'get_skill',
      'run_skill',
      'report_outcome',
    ]);
  }, 120_000);

  it('calls search_skills', async () => {
    const result = (await inspect(url, [
      '--method',
      'tools/call',
      '--tool-name',
      'search_skills',
      '--tool-arg',
      'query=where is my parcel, which carrier has it',
    ])) as { structuredContent: { skills: { name: string }[] } };
    expect(result.structuredContent.skills[0]?.name).toBe('order_carrier_status');
  }, 120_000);

  it('runs a skill with its input given as JSON text', async () => {
    const result = (await inspect(url, [
      '--method',
      'tools/call',
      '--tool-name',
      'run_skill',
      '--tool-arg',
      'ref=order_carrier_status',
      '--tool-arg',
      'input={"orderId":"8811"}',
    ])) as { structuredContent: { ref: string; value: { carrier: string } } };
    expect(result.structuredContent).toMatchObject({
      ref: 'order_carrier_status@1',
      value: { carrier: 'UPS' },
    });
  }, 120_000);
});

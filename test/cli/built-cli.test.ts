import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileTrajectories } from '../../compiler/index.js';
import { supportDeskManifest, SUPPORT_DESK_DIR, trajectoryFile } from '../../skills/index.js';
import { EVERYTHING_SERVER_BIN } from '../helpers/mcp-servers.js';
import { runBuiltCli } from '../helpers/run-cli.js';
import { openTempStore } from '../helpers/temp-sqlite-store.js';

// The CLI as an installed `knack` runs it: built by the project's build config into a folder of
// its own and started with plain Node, no TypeScript loader in front.
const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, '.vitest/dist-cli');
const main = join(outDir, 'src/cli/main.js');
let store = '';
let name = '';

beforeAll(async () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: root });
  const temp = await openTempStore();
  store = temp.url;
  const files = ['order-status-8815', 'order-status-8816'].map((id) => trajectoryFile(id));
  const [skill] = (await compileTrajectories({ files, manifest: supportDeskManifest })).skills;
  if (!skill) throw new Error('the example trajectories did not compile');
  name = skill.name;
  await temp.store.publish(skill, { by: 'test' });
  await temp.store.close();
}, 180_000);

// Each test spawns the CLI (tsx compiles it on start), slow on a loaded machine.
describe('the built CLI (dist/src/cli/main.js)', { timeout: 120_000 }, () => {
  it('runs a skill with a TypeScript pack, loading it through tsx on demand', () => {
    const pack = join(SUPPORT_DESK_DIR, 'pack.ts');
    const result = runBuiltCli(main, [
      'run',
      `${name}@1`,
      '--tools',
      pack,
      '--input',
      '{"orderId":"8820"}',
      '--store',
      store,
    ]);
    expect(result.stderr).not.toContain('ERR_UNKNOWN_FILE_EXTENSION');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ orderId: '8820', carrier: 'DHL' });
  });

  it('says in one line why a TypeScript pack did not load, or that it is missing', () => {
    const file = join(mkdtempSync(join(root, '.vitest/knack-pack-')), 'broken-pack.ts');
    writeFileSync(file, 'export const tools = {\n');
    const result = runBuiltCli(main, ['run', `${name}@1`, '--tools', file, '--store', store]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^error INVALID_MANIFEST: --tools .*broken-pack\.ts: the module did not load: .+\n$/,
    );
    const missing = runBuiltCli(main, ['run', `${name}@1`, '--tools', 'no-such-pack.ts', '--store', store]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('error INVALID_ARGUMENT: --tools no-such-pack.ts: no such file.\n');
  });

  it('reads the tools of an MCP server given as --tools mcp+stdio:', () => {
    const trajectory = join(root, 'test/fixtures/mcp/remember-weather-chicago.json');
    const spec = `weather=mcp+stdio:"${process.execPath} ${EVERYTHING_SERVER_BIN} stdio"`;
    // Only the weather half of the tools: the compile fails on the missing memory tool, after
    // the built CLI loaded the SDK, spoke to the server and read its tools/list.
    const result = runBuiltCli(main, ['compile', trajectory, '--tools', spec]);
    expect(result.stderr).toContain('against 13 tools');
    expect(result.stderr).toMatch(
      /`memory.create_entities` is not in the manifest \(known: weather\.echo, .*weather\.get_structured_content/,
    );
    expect(result.status).toBe(1);
  }, 60_000);
});

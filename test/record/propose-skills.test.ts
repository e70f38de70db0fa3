import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callSkill } from '../../src/index.js';
import { connectMcpToolPack } from '../../src/mcp/index.js';
import type { ProposeSkillsResult } from '../../src/record/index.js';
import { openStore } from '../../src/store/index.js';
import { connectClient, memoryServer } from '../helpers/mcp-servers.js';
import { recordEmploymentSession } from '../helpers/record-agent.js';
import { runCli } from '../helpers/run-cli.js';
import { openTempStore } from '../helpers/temp-sqlite-store.js';

const server = memoryServer();
const sessions = mkdtempSync(join(tmpdir(), 'knack-sessions-'));
// The same sessions before any proposal marked them.
const pristine = mkdtempSync(join(tmpdir(), 'knack-sessions-pristine-'));
let storeUrl = '';
let observer: Client;

interface Graph {
  entities: { name: string; entityType: string; observations: string[] }[];
  relations: { from: string; to: string; relationType: string }[];
}

async function readGraph(): Promise<Graph> {
  const result = await observer.callTool({ name: 'read_graph', arguments: {} });
  return result.structuredContent as unknown as Graph;
}

function recordEmployment(
  dir: string,
  person: string,
  company: string,
  options: { outcome?: 'success' | 'failure'; flags?: string[] } = {},
): Promise<void> {
  return recordEmploymentSession({ outDir: dir, server, person, company, ...options });
}

function propose(dir: string, url = storeUrl): ProposeSkillsResult {
  const result = runCli(['propose', dir, '--store', url, '--json']);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ProposeSkillsResult;
}

beforeAll(async () => {
  observer = await connectClient(server);
  await observer.callTool({
    name: 'create_entities',
    arguments: {
      entities: [
        { name: 'Acme Corporation', entityType: 'company', observations: ['makes anvils'] },
        { name: 'Globex Industries', entityType: 'company', observations: ['makes everything'] },
        { name: 'Initech Software', entityType: 'company', observations: ['makes reports'] },
        { name: 'Umbrella Pharmaceuticals', entityType: 'company', observations: ['makes vaccines'] },
      ],
    },
  });
  const temp = await openTempStore();
  storeUrl = temp.url;
  await temp.store.close();
  await recordEmployment(sessions, 'Alice', 'Acme');
  await recordEmployment(sessions, 'Bob', 'Globex');
  await recordEmployment(sessions, 'Carol', 'Initech');
  // The agent thought it failed: kept, never proposed.
  await recordEmployment(sessions, 'Mallory', 'Acme', { outcome: 'failure' });
  cpSync(sessions, pristine, { recursive: true });
}, 180_000);
afterAll(async () => {
  await observer?.close();
});

describe('knack propose', { timeout: 180_000 }, () => {
  let ref = '';
  const unproposedCopy = mkdtempSync(join(tmpdir(), 'knack-sessions-copy-'));

  it('proposes one verified skill from three sessions of one task shape, awaiting review', async () => {
    cpSync(pristine, unproposedCopy, { recursive: true });
    const result = propose(sessions);
    expect(result.published).toHaveLength(1);
    ref = result.published[0] as string;
    expect(result.outcomes).toEqual([
      expect.objectContaining({ status: 'proposed', ref, task: 'Record that Alice works at Acme.' }),
    ]);
    expect(result.outcomes[0]?.sessions).toHaveLength(3);
    expect(result.skipped).toEqual([expect.objectContaining({ reason: 'failure' })]);

    await using store = await openStore({ url: storeUrl });
    const proposed = await store.get(ref);
    expect(proposed.status).toBe('verified');
    expect(proposed.verification).toMatchObject({ isVerified: true });
    expect(proposed.provenance.trajectoryIds).toEqual(result.outcomes[0]?.sessions);
    expect(proposed.provenance.proposal).toMatchObject({
      by: 'knack propose',
      runs: 3,
      minRuns: 3,
      distinctTasks: 3,
    });
    expect(proposed.reviewNotes).toContain('Record that Bob works at Globex.');
    expect(proposed.inputSchema).toMatchObject({ properties: { person: {}, company: {} } });
    // Each proposed session names the version that covers it.
    const marked = readdirSync(sessions).map(
      (name) =>
        (
          JSON.parse(readFileSync(join(sessions, name), 'utf8')) as {
            recording: { proposed?: { ref: string } };
          }
        ).recording.proposed?.ref,
    );
    expect(marked.filter((mark) => mark === ref)).toHaveLength(3);
    const shown = runCli(['show', ref, '--store', storeUrl]);
    expect(shown.stdout).toContain('proposed     by knack propose from 3 recorded sessions (min 3)');
    expect(shown.stdout).toContain('needs review proposed by knack propose from 3 recorded sessions');
  });

  it('does not activate a proposal without a reviewer; approved, it runs on a fourth input against the server', async () => {
    await using store = await openStore({ url: storeUrl });
    await expect(store.promote(ref, { by: 'agent' })).rejects.toMatchObject({ code: 'REVIEW_REQUIRED' });
    await store.review(ref, { decision: 'approve', by: 'ana', note: 'links to the name the graph knows' });
    await store.promote(ref, { by: 'ana' });
    await using tools = await connectMcpToolPack({ server });
    const result = await callSkill({
      store,
      ref: ref.split('@')[0] as string,
      input: { person: 'Dave', company: 'Umbrella' },
      tools,
    });
    expect(result).toMatchObject({
      ok: true,
      value: { person: 'Dave', employer: 'Umbrella Pharmaceuticals' },
    });
    const graph = await readGraph();
    expect(graph.entities).toContainEqual({ name: 'Dave', entityType: 'person', observations: ['employee'] });
    expect(graph.relations).toContainEqual({
      from: 'Dave',
      to: 'Umbrella Pharmaceuticals',
      relationType: 'works_at',
    });
  });

  it('proposes nothing new when run again on the same sessions', async () => {
    const again = propose(sessions);
    expect(again.published).toEqual([]);
    expect(again.outcomes).toEqual([expect.objectContaining({ status: 'already-proposed', ref })]);
    // The same sessions without their marks compile to the same source: no new version either.
    const copy = propose(unproposedCopy);
    expect(copy.published).toEqual([]);
    expect(copy.outcomes).toEqual([expect.objectContaining({ status: 'unchanged', ref })]);
    await using store = await openStore({ url: storeUrl });
    expect(
      (await store.history(ref.split('@')[0] as string)).filter((event) => event.kind === 'published'),
    ).toHaveLength(1);
  });

  it('says how many sessions a task shape still needs', () => {
    const few = mkdtempSync(join(tmpdir(), 'knack-sessions-few-'));
    const [first] = readdirSync(unproposedCopy).sort();
    cpSync(join(unproposedCopy, first as string), join(few, first as string));
    const result = propose(few);
    expect(result.outcomes).toEqual([expect.objectContaining({ status: 'too-few-runs' })]);
    expect(result.outcomes[0]?.message).toContain('needs 3');
  });

  it('knack record --propose proposes once the session that completes a task shape ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'knack-sessions-auto-'));
    const successes = readdirSync(pristine)
      .filter((name) => readFileSync(join(pristine, name), 'utf8').includes('"outcome": "success"'))
      .slice(0, 2);
    for (const name of successes) cpSync(join(pristine, name), join(dir, name));
    const temp = await openTempStore();
    await temp.store.close();
    await recordEmployment(dir, 'Frank', 'Globex', { flags: ['--propose', '--store', temp.url] });
    // The proposal runs in a process of its own, which outlives the recorder, and logs beside the sessions.
    const logFile = join(dir, 'knack-propose.log');
    const readLog = (): string => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
    for (let waited = 0; !readLog().includes('await review') && waited < 120_000; waited += 500)
      await new Promise((resolve) => setTimeout(resolve, 500));
    expect(readLog()).toMatch(/1 proposal\(s\) await review: \w+@1/);
    const store = await openStore({ url: temp.url });
    const names = (await store.list()).map((summary) => `${summary.name}@${summary.latestVersion}`);
    expect(names).toHaveLength(1);
    const proposed = await store.get(names[0] as string);
    await store.close();
    expect(proposed).toMatchObject({ status: 'verified', provenance: { proposal: { runs: 3 } } });
  });
});

// The behaviour every store backend must show (STYLE.md rule 17). Each backend's test file calls
// `describeStoreContract`; every test works in a fresh namespace so runs never collide.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type JsonSchema, KnackError } from '../../core/index.js';
import type { HistoryEvent, SkillStore, StoreBackend } from '../../src/store/index.js';
import { compiledSkill } from './compiled-skill.js';
import { spawnCrashingCaller, spawnPublisher } from './spawn-publisher.js';

export interface StoreContractTarget {
  /** Opens a store on the backend under test in `namespace`. */
  open(namespace: string): Promise<SkillStore>;
  /** Opens the raw backend (to corrupt a record on purpose). */
  openBackend(): Promise<StoreBackend>;
  /** The URL child processes open. */
  url: string;
}

interface SkillResolverShape {
  resolveSkill(
    name: string,
    version: number,
  ): Promise<
    | {
        name: string;
        version: number;
        source: string;
        bundle: string;
        inputSchema: JsonSchema;
        outputSchema: JsonSchema;
      }
    | undefined
  >;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (KnackError.isInstance(error)) return error.code;
    throw error;
  }
  return 'NO_ERROR';
}

export function describeStoreContract(name: string, target: StoreContractTarget): void {
  describe(`store contract: ${name}`, () => {
    const opened: SkillStore[] = [];
    const fresh = async (): Promise<SkillStore> => {
      const store = await target.open(`t${randomUUID().slice(0, 8)}`);
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('counts outcome reports on recorded runs apart from errors, one verdict per run', async () => {
      const store = await fresh();
      await store.publish(compiledSkill({ variant: 'a' }));
      await store.recordRun('refund_order@1', { ok: true }, { runId: 'run-00000001' });
      await store.recordRun('refund_order@1', { ok: true }, { runId: 'run-00000002' });
      const report = await store.reportOutcome({
        runId: 'run-00000001',
        outcome: 'wrong',
        ref: 'refund_order',
        by: 'agent',
        note: 'refunded the wrong order',
      });
      expect(report).toMatchObject({
        runId: 'run-00000001',
        ref: 'refund_order@1',
        outcome: 'wrong',
        by: 'agent',
      });
      await store.reportOutcome({ runId: 'run-00000002', outcome: 'correct' });
      expect((await store.get('refund_order@1')).reliability).toMatchObject({
        runs: 2,
        ok: 2,
        outcomes: { correct: 1, wrong: 1 },
      });
      expect(await codeOf(store.reportOutcome({ runId: 'run-00000001', outcome: 'correct' }))).toBe(
        'ALREADY_EXISTS',
      );
      expect(await codeOf(store.reportOutcome({ runId: 'run-99999999', outcome: 'correct' }))).toBe(
        'NOT_FOUND',
      );
      expect(
        await codeOf(store.reportOutcome({ runId: 'run-00000002', outcome: 'correct', ref: 'other_skill' })),
      ).toBe('INVALID_ARGUMENT');
      expect(await codeOf(store.recordRun('refund_order@1', { ok: true }, { runId: 'run-00000001' }))).toBe(
        'INVALID_ARGUMENT',
      );
      const copy = await fresh();
      await copy.restore(await store.snapshot('refund_order'));
      expect((await copy.get('refund_order@1')).reliability.outcomes).toEqual({ correct: 1, wrong: 1 });
    });

    it("serves the cached active version until another process's promote, seen within 2 s", async () => {
      const store = await fresh();
      await store.publish(compiledSkill({ variant: 'a' }));
      await store.review('refund_order@1', { decision: 'approve', by: 'ana' });
      await store.promote('refund_order@1', { by: 'ana' });
      expect(await store.resolve('refund_order')).toMatchObject({ version: 1, status: 'active' });
      const run = await spawnPublisher({
        url: target.url,
        namespace: store.namespace,
        name: 'refund_order',
        count: 1,
        tag: 'p',
        isPromoted: true,
      });
      expect(run.exitCode, run.stderr).toBe(0);
      const promoted = Date.now();
      let resolved = await store.resolve('refund_order');
      while (resolved.version !== 2 && Date.now() - promoted < 2000) {
        await new Promise((done) => setTimeout(done, 25));
        resolved = await store.resolve('refund_order');
      }
      expect(resolved).toMatchObject({ version: 2, status: 'active', review: { decision: 'approve' } });
      expect(Date.now() - promoted).toBeLessThan(2000);
      expect((await store.resolve('refund_order@1')).status).toBe('deprecated');
    });

    it("sees this process's own status moves at once through the cache", async () => {
      const store = await fresh();
      await store.publish(compiledSkill({ variant: 'a' }));
      await store.publish(compiledSkill({ variant: 'b' }));
      expect(await codeOf(store.resolve('refund_order'))).toBe('NOT_FOUND');
      expect((await store.resolve('refund_order@latest')).version).toBe(2);
      await store.review('refund_order@2', { decision: 'approve', by: 'ana' });
      await store.promote('refund_order@2', { by: 'ana' });
      expect((await store.resolve('refund_order')).version).toBe(2);
      await store.review('refund_order@1', { decision: 'approve', by: 'ana' });
      await store.rollback('refund_order@1', { by: 'ana' });
      expect((await store.resolve('refund_order')).version).toBe(1);
      await store.close();
      expect(await codeOf(store.resolve('refund_order'))).toBe('CLOSED');
    });

    it('keeps maturity moves in the history and folds them for every reader', async () => {
      const namespace = `t${randomUUID().slice(0, 8)}`;
      const store = await target.open(namespace);
      opened.push(store);
      await store.publish(compiledSkill({ variant: 'a' }));
      await store.review('refund_order@1', { decision: 'approve', by: 'ana' });
      await store.promote('refund_order@1', { by: 'ana' });
      const { sequence } = await store.changes();
      await store.recordMaturity('refund_order@1', {
        maturity: 'autonomous',
        reason: 'outside evidence',
        evidence: [{ kind: 'production-runs', passed: 40, total: 40 }],
        by: 'ops',
      });
      expect((await store.changes({ since: sequence })).changes).toMatchObject([
        { kind: 'maturity-changed', name: 'refund_order', version: 1 },
      ]);
      const reader = await target.open(namespace);
      opened.push(reader);
      expect(await reader.get('refund_order')).toMatchObject({
        maturity: 'autonomous',
        maturityMark: { previousMaturity: 'supervised', reason: 'outside evidence', by: 'ops' },
      });
      await reader.setStatus('refund_order@1', 'deprecated', { by: 'ana' });
      expect((await store.get('refund_order@1')).maturity).toBe('deliberate');
      expect((await store.history('refund_order')).at(-1)).toMatchObject({
        kind: 'maturity-changed',
        maturity: 'deliberate',
        previousMaturity: 'autonomous',
        note: 'deprecated: not active',
      });
    });

    it('writes queued runs on an interval and on close; a queued run can be judged at once', async () => {
      const namespace = `t${randomUUID().slice(0, 8)}`;
      const caller = await target.open(namespace);
      const reader = await target.open(namespace);
      opened.push(reader);
      await caller.publish(compiledSkill({ variant: 'a' }));
      caller.queueRun('refund_order@1', { ok: true }, { runId: 'queued-00000001' });
      caller.queueRun('refund_order@1', { ok: false, error: { code: 'TIMEOUT' } });
      caller.queueRun('refund_order@1', { ok: false, error: { code: 'INVALID_INPUT' } });
      // Not written yet: another process (here another store) does not see them.
      expect((await reader.get('refund_order@1')).reliability.runs).toBe(0);
      await caller.reportOutcome({ runId: 'queued-00000001', outcome: 'wrong', by: 'agent' });
      caller.queueRun('refund_order@1', { ok: true }, { runId: 'queued-00000002' });
      expect(() => caller.queueRun('refund_order', { ok: true })).toThrow(
        expect.objectContaining({ code: 'INVALID_SKILL_REF' }),
      );
      expect(() => caller.queueRun('refund_order@1', { ok: true }, { runId: 'short' })).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
      await caller.close();
      expect((await reader.get('refund_order@1')).reliability).toMatchObject({
        runs: 4,
        ok: 2,
        failures: { TIMEOUT: 1, INVALID_INPUT: 1 },
        outcomes: { correct: 0, wrong: 1 },
      });
      // The window counts the skill's own failures (not a bad input) and the wrong report.
      expect(await reader.runWindow('refund_order@1', { windowMs: 60 * 60 * 1000 })).toMatchObject({
        runs: 4,
        failed: 1,
        wrong: 1,
      });
      await reader.reportOutcome({ runId: 'queued-00000002', outcome: 'correct' });
      expect(await codeOf(caller.flushRuns())).toBe('CLOSED');
    });

    it('loses only the queued counts when a caller is SIGKILLed, never a version or its history', async () => {
      const store = await fresh();
      await store.publish(compiledSkill({ variant: 'a' }));
      await store.review('refund_order@1', { decision: 'approve', by: 'ana' });
      await store.promote('refund_order@1', { by: 'ana' });
      const history = await store.history('refund_order');
      const crash = await spawnCrashingCaller({
        url: target.url,
        namespace: store.namespace,
        name: 'refund_order',
        flushed: 7,
        queued: 5,
      });
      expect(crash.signal, crash.stderr).toBe('SIGKILL');
      expect(crash.lines).toEqual([{ flushed: 7 }, { queued: 5 }]);
      const version = await store.get('refund_order');
      expect(version).toMatchObject({ version: 1, status: 'active', maturity: 'supervised' });
      expect(version.reliability).toMatchObject({ runs: 7, ok: 7 });
      expect(await store.history('refund_order')).toEqual(history);
    });

    it('flushes queued runs on its interval without a close', async () => {
      const namespace = `t${randomUUID().slice(0, 8)}`;
      const caller = await target.open(namespace);
      opened.push(caller);
      const reader = await target.open(namespace);
      opened.push(reader);
      await caller.publish(compiledSkill({ variant: 'a' }));
      caller.queueRun('refund_order@1', { ok: true });
      const queued = Date.now();
      let runs = 0;
      while (runs === 0 && Date.now() - queued < 3000) {
        await new Promise((done) => setTimeout(done, 50));
        runs = (await reader.get('refund_order@1')).reliability.runs;
      }
      expect(runs).toBe(1);
    });

    it('reports every publish, review and promote in the change feed, in order', async () => {
      const store = await fresh();
      expect(await store.changes()).toEqual({ sequence: 0, changes: [] });
      await store.publish(compiledSkill({ variant: 'a' }));
      const { sequence } = await store.changes();
      await store.review('refund_order@1', { decision: 'approve', by: 'ana' });
      await store.promote('refund_order@1', { by: 'ana' });
      const later = await store.changes({ since: sequence });
      expect(
        later.changes.map(({ kind, name, version, status }) => ({ kind, name, version, status })),
      ).toEqual([
        { kind: 'reviewed', name: 'refund_order', version: 1, status: undefined },
        { kind: 'status-changed', name: 'refund_order', version: 1, status: 'active' },
        { kind: 'maturity-changed', name: 'refund_order', version: 1, status: undefined },
      ]);
      expect(later.changes.map((change) => change.sequence)).toEqual([
        sequence + 1,
        sequence + 2,
        sequence + 3,
      ]);
    });

    it("lets a watcher see another process's publish within 2 s", async () => {
      const store = await fresh();
      const seen: string[] = [];
      let resolveSeen: () => void = () => undefined;
      const arrived = new Promise<void>((resolve) => (resolveSeen = resolve));
      const watcher = store.watch({
        intervalMs: 200,
        onChange: ({ changes }) => {
          seen.push(...changes.map((change) => `${change.kind} ${change.name}@${change.version}`));
          if (seen.includes('published watched_skill@1')) resolveSeen();
        },
      });
      try {
        await new Promise((resolve) => setTimeout(resolve, 300)); // the watcher has read the start
        const run = await spawnPublisher({
          url: target.url,
          namespace: store.namespace,
          name: 'watched_skill',
          count: 1,
          tag: 'w',
        });
        expect(run.exitCode, run.stderr).toBe(0);
        const published = Date.now();
        await Promise.race([
          arrived,
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error(`not seen in 2 s: ${seen.join(', ')}`)), 2000),
          ),
        ]);
        expect(Date.now() - published).toBeLessThan(2000);
      } finally {
        watcher.close();
      }
      expect(watcher.isClosed).toBe(true);
    });

    it('numbers versions 1, 2, 3 and returns the existing version for identical source', async () => {
      const store = await fresh();
      const first = await store.publish(compiledSkill({ variant: 'a' }));
      const again = await store.publish(compiledSkill({ variant: 'a' }));
      const second = await store.publish(compiledSkill({ variant: 'b' }));
      const third = await store.publish(compiledSkill({ variant: 'c' }));
      expect([first.version, second.version, third.version]).toEqual([1, 2, 3]);
      expect(again).toMatchObject({ version: 1, isNew: false });
      const stored = await store.get('refund_order@2');
      expect(stored).toMatchObject({
        name: 'refund_order',
        version: 2,
        status: 'verified',
        permissions: ['get_order', 'refund_payment'],
      });
      expect(stored.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(stored.provenance.trajectoryIds).toEqual(['t-001']);
    });

    it('serves only active versions by name, any status by name@N and name@latest', async () => {
      const store = await fresh();
      await store.publish(compiledSkill({ variant: 'a' }));
      await store.publish(compiledSkill({ variant: 'b', isVerified: false }));
      expect(await codeOf(store.get('refund_order'))).toBe('NOT_FOUND');
      expect((await store.get('refund_order@latest')).version).toBe(2);
      expect((await store.get('refund_order@latest')).status).toBe('draft');
      await store.review('refund_order@1', { decision: 'approve', by: 'ana', note: 'read it' });
      await store.promote('refund_order@1', { by: 'ana' });
      expect((await store.get('refund_order')).version).toBe(1);
      expect(await codeOf(store.get('refund_order@9'))).toBe('NOT_FOUND');
      expect(await codeOf(store.get('nothing_here'))).toBe('NOT_FOUND');
      expect(await codeOf(store.get('refund_order@x'))).toBe('INVALID_SKILL_REF');
    });

    it('records every status move with who, when and why, and rolls back as a new event', async () => {
      const store = await fresh();
      await store.publish(compiledSkill({ variant: 'a' }), { by: 'compiler' });
      await store.publish(compiledSkill({ variant: 'b' }), { by: 'compiler' });
      await store.review('refund_order@1', { decision: 'approve', by: 'ana' });
      await store.promote('refund_order@1', { by: 'ana', note: 'first release' });
      await store.promote('refund_order@2', { by: 'bo', note: 'same tools' });
      expect((await store.get('refund_order@1')).status).toBe('deprecated');
      const rolledBack = await store.rollback('refund_order@1', { by: 'cy', note: 'v2 double-refunds' });
      expect(rolledBack).toMatchObject({
        kind: 'rolled-back',
        version: 1,
        status: 'active',
        supersedes: 2,
        by: 'cy',
        note: 'v2 double-refunds',
      });
      expect((await store.get('refund_order')).version).toBe(1);
      expect((await store.get('refund_order@2')).status).toBe('deprecated');
      const history = await store.history('refund_order');
      const what = (event: HistoryEvent): unknown[] => [
        event.kind,
        event.version,
        event.status ?? event.decision ?? event.maturity,
      ];
      // v2 went live without an approving review: active, but deliberate.
      expect(history.map(what)).toEqual([
        ['published', 1, 'verified'],
        ['published', 2, 'verified'],
        ['reviewed', 1, 'approve'],
        ['status-changed', 1, 'active'],
        ['maturity-changed', 1, 'supervised'],
        ['status-changed', 2, 'active'],
        ['maturity-changed', 1, 'deliberate'],
        ['rolled-back', 1, 'active'],
        ['maturity-changed', 1, 'supervised'],
      ]);
      expect(history.every((event) => event.by.length > 0 && !Number.isNaN(Date.parse(event.at)))).toBe(true);
      expect(await codeOf(store.setStatus('refund_order@2', 'verified'))).toBe('INVALID_STATUS_TRANSITION');
    });

    it('refuses to activate a version that adds a tool permission until a human approves it', async () => {
      const store = await fresh();
      await store.publish(compiledSkill({ variant: 'a' }), { by: 'compiler' });
      await store.review('refund_order@1', { decision: 'approve', by: 'ana' });
      await store.promote('refund_order@1');
      await store.publish(
        compiledSkill({ variant: 'b', tools: ['get_order', 'refund_payment', 'send_email'] }),
      );
      expect(await codeOf(store.promote('refund_order@2'))).toBe('REVIEW_REQUIRED');
      await store.review('refund_order@2', { decision: 'reject', by: 'ana', note: 'why email?' });
      expect(await codeOf(store.promote('refund_order@2'))).toBe('REVIEW_REQUIRED');
      await store.review('refund_order@2', { decision: 'approve', by: 'ana', note: 'customer asked' });
      await store.promote('refund_order@2');
      expect((await store.get('refund_order')).version).toBe(2);
    });

    it('counts runs per version, apart from the immutable record', async () => {
      const store = await fresh();
      await store.publish(compiledSkill());
      const before = await store.get('refund_order@1');
      await store.recordRun('refund_order@1', { ok: true });
      await store.recordRun('refund_order@1', { ok: true });
      const after = await store.recordRun('refund_order@1', { ok: false, error: { code: 'TIMEOUT' } });
      expect(after).toEqual({ runs: 3, ok: 2, failures: { TIMEOUT: 1 }, outcomes: { correct: 0, wrong: 0 } });
      const { reliability: _before, ...recordBefore } = before;
      const { reliability: _after, ...recordAfter } = await store.get('refund_order@1');
      expect(recordAfter).toEqual(recordBefore);
    });

    it('resolves exact versions for the bundler and undefined for missing ones', async () => {
      const store = await fresh();
      const input = compiledSkill();
      await store.publish(input);
      // The compiler's SkillResolver, declared structurally: the store must satisfy it as is.
      const resolver: SkillResolverShape = store;
      expect(await resolver.resolveSkill('refund_order', 1)).toEqual({
        name: 'refund_order',
        version: 1,
        source: input.source,
        bundle: input.bundle,
        inputSchema: input.inputSchema,
        outputSchema: input.outputSchema,
      });
      expect(await store.resolveSkill('refund_order', 2)).toBeUndefined();
    });

    it('reports STORE_CORRUPT naming the key of a record that fails its schema', async () => {
      const namespace = `t${randomUUID().slice(0, 8)}`;
      const store = await target.open(namespace);
      opened.push(store);
      await store.publish(compiledSkill());
      const backend = await target.openBackend();
      try {
        await backend.set(`${namespace}:version:refund_order:1`, '{"name":"refund_order"}');
      } finally {
        await backend.close();
      }
      await expect(store.get('refund_order@1')).rejects.toThrow(`${namespace}:version:refund_order:1`);
      expect(await codeOf(store.get('refund_order@1'))).toBe('STORE_CORRUPT');
    });

    it('skips a version number claimed by a writer that died before writing the record', async () => {
      const namespace = `t${randomUUID().slice(0, 8)}`;
      const store = await target.open(namespace);
      opened.push(store);
      await store.publish(compiledSkill({ variant: 'a' }));
      const backend = await target.openBackend();
      try {
        expect(await backend.claimVersion(`${namespace}:counter:refund_order:versions`)).toBe(2);
      } finally {
        await backend.close();
      }
      expect((await store.get('refund_order@latest')).version).toBe(1);
      expect(await codeOf(store.get('refund_order@2'))).toBe('NOT_FOUND');
      expect((await store.publish(compiledSkill({ variant: 'b' }))).version).toBe(3);
      expect((await store.snapshot('refund_order')).versions.map((version) => version.version)).toEqual([
        1, 3,
      ]);
    });

    it('folds the history itself when the cached head is stale or unreadable', async () => {
      const namespace = `t${randomUUID().slice(0, 8)}`;
      const store = await target.open(namespace);
      opened.push(store);
      await store.publish(compiledSkill({ variant: 'a' }));
      await store.publish(compiledSkill({ variant: 'b' }));
      await store.review('refund_order@1', { decision: 'approve', by: 'ana' });
      await store.promote('refund_order@1');
      const backend = await target.openBackend();
      try {
        const staleHead = JSON.stringify({ eventCount: 1, statuses: [[1, 'verified']], reviews: [] });
        await backend.set(`${namespace}:head:refund_order`, staleHead);
        expect((await store.get('refund_order')).version).toBe(1);
        expect((await store.get('refund_order@1')).review?.by).toBe('ana');
        await backend.set(`${namespace}:head:refund_order`, '{ not json');
        expect((await store.get('refund_order')).version).toBe(1);
        await store.promote('refund_order@2');
        expect((await store.get('refund_order@1')).status).toBe('deprecated');
      } finally {
        await backend.close();
      }
    });

    it('closes idempotently and throws CLOSED on use after close', async () => {
      const store = await target.open(`t${randomUUID().slice(0, 8)}`);
      expect(store.isClosed).toBe(false);
      await store.close();
      await store.close();
      expect(store.isClosed).toBe(true);
      expect(await codeOf(store.get('refund_order@1'))).toBe('CLOSED');
      expect(await codeOf(store.publish(compiledSkill()))).toBe('CLOSED');
    });

    it('gives concurrent writers in separate processes distinct version numbers, all readable', async () => {
      const store = await fresh();
      const writers = 4;
      const perWriter = 5;
      // A shared start time after every child has booted, so the writers really overlap.
      const startAt = Date.now() + 4000;
      const runs = await Promise.all(
        Array.from({ length: writers }, (_, index) =>
          spawnPublisher({
            url: target.url,
            namespace: store.namespace,
            name: 'shared',
            count: perWriter,
            tag: `w${index}`,
            startAt,
          }),
        ),
      );
      for (const run of runs) expect(run.exitCode, run.stderr).toBe(0);
      const claimed = runs.flatMap((run) => run.versions).sort((a, b) => a - b);
      expect(claimed).toEqual(Array.from({ length: writers * perWriter }, (_, index) => index + 1));
      for (const version of claimed) expect((await store.get(`shared@${version}`)).version).toBe(version);
    });

    it('stores identical source published by concurrent processes once', async () => {
      const store = await fresh();
      const startAt = Date.now() + 4000;
      const runs = await Promise.all(
        Array.from({ length: 3 }, () =>
          spawnPublisher({
            url: target.url,
            namespace: store.namespace,
            name: 'twin',
            count: 3,
            tag: 'same',
            startAt,
          }),
        ),
      );
      for (const run of runs) expect(run.exitCode, run.stderr).toBe(0);
      const snapshot = await store.snapshot('twin');
      expect(snapshot.versions).toHaveLength(3);
      const stored = snapshot.versions.map((version) => version.version);
      for (const run of runs) expect(run.versions).toEqual(stored);
    });

    it('stays readable with whole versions after a writer is SIGKILLed mid-publish', async () => {
      const store = await fresh();
      const run = await spawnPublisher(
        { url: target.url, namespace: store.namespace, name: 'crashy', count: 10_000, tag: 'k' },
        50 + Math.floor(Math.random() * 250),
      );
      expect(run.signal).toBe('SIGKILL');
      const snapshot = await store.snapshot('crashy');
      const numbers = snapshot.versions.map((version) => version.version);
      for (const reported of run.versions) expect(numbers).toContain(reported);
      for (const version of snapshot.versions) expect(version.source).toContain(`// k-`);
      const latest = await store.get('crashy@latest');
      expect(latest.version).toBe(Math.max(...numbers));
      const next = await store.publish(compiledSkill({ name: 'crashy', variant: 'after-crash' }));
      expect(next.version).toBe(snapshot.claimedVersions + 1);
    });
  });
}

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { manualClock, PermanentJobError, systemClock, type Clock, type JobHandler, type JobRecord, type NewJob, type Store } from '@switchboard/core';
import type { StorageConfig } from '@switchboard/storage';
import { isCi, testDatabases } from '@switchboard/storage/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from './config.js';
import { startServer, type RunningServer } from './start-server.js';
import type { JobRunnerSettings } from './startup/job-runner.js';
import { captureLogger } from './testing/capture-logger.js';

/**
 * The durable job runner inside real servers over real databases. Handlers here are the tests'
 * own, registered through `startServer({ jobs: { handlers } })`, the same map the server's own
 * handlers go into.
 */

const t0 = new Date('2025-06-01T08:00:00.000Z');
const hour = 3_600_000;
const dirs: string[] = [];

function config() {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-jobs-'));
  dirs.push(dataDir);
  return parseConfig({
    SWITCHBOARD_PORT: '0',
    SWITCHBOARD_DATA_DIR: dataDir,
    SWITCHBOARD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    SWITCHBOARD_ADMIN_KEY: 'test-admin-key-0123456789abcdef',
  });
}

interface Started {
  readonly server: RunningServer;
  readonly logs: () => string;
}

async function start(options: { clock: Clock; jobs: JobRunnerSettings; storage?: StorageConfig }): Promise<Started> {
  const captured = captureLogger();
  const server = await startServer({
    config: config(),
    logger: captured.logger,
    clock: options.clock,
    jobs: options.jobs,
    ...(options.storage ? { storage: options.storage } : {}),
  });
  return { server, logs: captured.output };
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('job runner in a server', () => {
  const clock = manualClock(t0);
  const calls: Array<{ type: string; id: string; attempt: number }> = [];
  let started: Started;
  let store: Store;
  const flakyFailures = new Map<string, number>();

  const handlers: Record<string, JobHandler> = {
    async flaky(job) {
      calls.push({ type: job.type, id: job.id, attempt: job.attempts });
      const failed = flakyFailures.get(job.id) ?? 0;
      if (failed < 2) {
        flakyFailures.set(job.id, failed + 1);
        throw new Error(`flaky failure ${failed + 1}`);
      }
    },
    async broken(job) {
      calls.push({ type: job.type, id: job.id, attempt: job.attempts });
      throw new Error('always fails');
    },
    async permanent(job) {
      calls.push({ type: job.type, id: job.id, attempt: job.attempts });
      throw new PermanentJobError('the target is gone');
    },
    async slow(job, { signal }) {
      calls.push({ type: job.type, id: job.id, attempt: job.attempts });
      // Ends only when the runner gives up on it.
      await new Promise<void>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
    },
  };

  beforeAll(async () => {
    // The timer polls hourly here: each step below is one `poll()`, at a manual time.
    started = await start({ clock, jobs: { handlers, pollMs: hour, random: () => 1, handlerTimeoutMs: 200, leaseMs: 60_000 } });
    store = started.server.store;
  });
  afterAll(async () => {
    await started?.server.close();
  });

  /** Enqueued due 1 ms from now, so the start-up poll (at the manual "now") cannot take it. */
  const enqueue = async (type: string, overrides: Partial<NewJob> = {}): Promise<string> => {
    const id = randomUUID();
    await store.jobs.enqueue({ id, type, payload: { secretCanary: 'payload-canary-6d1e' }, runAt: new Date(clock.now().getTime() + 1), ...overrides });
    clock.advance(0.001);
    return id;
  };
  const job = async (id: string): Promise<JobRecord> => (await store.jobs.get(id))!;
  const advanceMs = (ms: number) => clock.advance(ms / 1000);

  it('retries a failing job with exponential backoff until it succeeds (3 attempts)', async () => {
    const id = await enqueue('flaky');
    expect(await started.server.jobs.poll()).toBe(1);
    const first = clock.now().getTime();
    // random() = 1: the top of the full-jitter range, 1 s after the first failure, 2 s after the second.
    expect(await job(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Error: flaky failure 1', runAt: new Date(first + 1_000) });

    advanceMs(999);
    expect(await started.server.jobs.poll()).toBe(0);
    advanceMs(1);
    expect(await started.server.jobs.poll()).toBe(1);
    const second = clock.now().getTime();
    expect(await job(id)).toMatchObject({ status: 'queued', attempts: 2, lastError: 'Error: flaky failure 2', runAt: new Date(second + 2_000) });

    advanceMs(1_999);
    expect(await started.server.jobs.poll()).toBe(0);
    advanceMs(1);
    expect(await started.server.jobs.poll()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 3, lockedBy: null });
    expect(calls.filter((c) => c.id === id).map((c) => c.attempt)).toEqual([1, 2, 3]);
  });

  it('gives up after maxAttempts: the job is dead', async () => {
    const id = await enqueue('broken', { maxAttempts: 2 });
    expect(await started.server.jobs.poll()).toBe(1);
    advanceMs(1_000);
    expect(await started.server.jobs.poll()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'dead', attempts: 2, lastError: 'Error: always fails' });
    advanceMs(hour);
    expect(await started.server.jobs.poll()).toBe(0);
    expect(calls.filter((c) => c.id === id)).toHaveLength(2);
  });

  it('fails at once on PermanentJobError, and leaves a type without a handler queued for an instance that has one', async () => {
    const permanent = await enqueue('permanent');
    const unknown = await enqueue('no.such.type');
    expect(await started.server.jobs.poll()).toBe(1);
    expect(await job(permanent)).toMatchObject({ status: 'dead', attempts: 1, lastError: 'PermanentJobError: the target is gone' });
    expect(await job(unknown)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('aborts a run past its timeout and retries it no earlier than its lease would have ended', async () => {
    const id = await enqueue('slow');
    const claimedAt = clock.now().getTime();
    expect(await started.server.jobs.poll()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Error: the handler ran longer than 200 ms', runAt: new Date(claimedAt + 60_000) });
  });

  it('logs job ids and types, never payloads', () => {
    const logs = started.logs();
    expect(logs).toContain('job failed; will retry');
    expect(logs).toContain('"type":"flaky"');
    expect(logs).not.toContain('payload-canary-6d1e');
  });
});

/** A loopback upstream that honours `Idempotency-Key`: a repeated key replays the first result. */
function idempotentUpstream() {
  const requests: Array<{ key: string | undefined; body: string }> = [];
  const effects = new Map<string, { order: number }>();
  const hanging: ServerResponse[] = [];
  let behaviour: (n: number) => 'fail' | 'apply-and-hang' | 'ok' = () => 'ok';
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const key = req.headers['idempotency-key'] as string | undefined;
      requests.push({ key, body });
      const mode = behaviour(requests.length);
      if (mode === 'fail') {
        res.writeHead(503).end();
        return;
      }
      const replayed = key !== undefined && effects.has(key);
      if (!replayed) effects.set(key ?? randomUUID(), { order: effects.size + 1 });
      if (mode === 'apply-and-hang') {
        // The effect is applied, but the caller never hears back (it dies first).
        hanging.push(res);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ replayed }));
    });
  });
  return {
    requests,
    effects,
    setBehaviour(next: typeof behaviour) {
      behaviour = next;
    },
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/effects`;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.each(testDatabases())('a job survives server restarts on $name', (database) => {
  const upstream = idempotentUpstream();
  let url: string;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    url = await upstream.listen();
  });
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await upstream.close();
  });

  /** Calls the upstream with the job id as the idempotency key; a non-2xx answer is a failure. */
  const deliver: JobHandler = async (job, { signal }) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': job.id },
      body: JSON.stringify(job.payload),
      signal,
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`upstream answered ${response.status}`);
  };

  it('is retried by a new server after a failed attempt and after its server died mid-call; the upstream applies it once (at least once + idempotency key)', async () => {
    const opened = await database.open();
    try {
      const settings: JobRunnerSettings = { handlers: { deliver }, pollMs: 10, random: () => 1, leaseMs: 60_000, handlerTimeoutMs: 30_000, stopTimeoutMs: 100 };
      // 1: the upstream is down; 2: it applies the call but the server dies before hearing back; 3+: fine.
      upstream.setBehaviour((n) => (n === 1 ? 'fail' : n === 2 ? 'apply-and-hang' : 'ok'));
      const id = randomUUID();

      // Server A: the first attempt fails; the retry is due 1 s later, which A's clock never reaches.
      const a = await start({ clock: manualClock(t0), jobs: settings, storage: opened.config });
      servers.push(a.server);
      await opened.store.jobs.enqueue({ id, type: 'deliver', payload: { contact: 42 }, runAt: t0 });
      a.server.jobs.wake();
      await vi.waitFor(async () => expect(await opened.store.jobs.get(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Error: upstream answered 503' }), { timeout: 10_000 });
      await a.server.close();

      // Server B, 10 s later: the retry reaches the upstream, which applies it; B stops before the answer.
      const b = await start({ clock: manualClock(new Date(t0.getTime() + 10_000)), jobs: settings, storage: opened.config });
      servers.push(b.server);
      await vi.waitFor(() => expect(upstream.requests).toHaveLength(2), { timeout: 10_000 });
      await b.server.close();
      // B could not record anything: the job stays leased by B's dead worker until the lease ends.
      const leased = await opened.store.jobs.get(id);
      expect(leased).toMatchObject({ status: 'running', attempts: 2, lockedUntil: new Date(t0.getTime() + 10_000 + 60_000) });

      // Server C, after B's lease: it takes the job over and the upstream replays the applied call.
      const c = await start({ clock: manualClock(new Date(t0.getTime() + 120_000)), jobs: settings, storage: opened.config });
      servers.push(c.server);
      await vi.waitFor(async () => expect(await opened.store.jobs.get(id)).toMatchObject({ status: 'done', attempts: 3 }), { timeout: 10_000 });

      // The upstream saw the call three times, always with the job id as its key, and applied it once.
      expect(upstream.requests.map((r) => r.key)).toEqual([id, id, id]);
      expect(upstream.requests.map((r) => JSON.parse(r.body))).toEqual([{ contact: 42 }, { contact: 42 }, { contact: 42 }]);
      expect([...upstream.effects.keys()]).toEqual([id]);
      await c.server.close();
    } finally {
      await Promise.all(servers.map((s) => s.close()));
      await opened.cleanup();
    }
  });
});

const postgres = testDatabases().filter((database) => database.name === 'postgres');

if (postgres.length === 0) {
  describe('two instances running jobs on one PostgreSQL', () => {
    it('is left out only outside CI, when PostgreSQL is unreachable', () => {
      expect(isCi(process.env)).toBe(false);
    });
  });
}

describe.each(postgres)('two instances running jobs on one $name schema', (database) => {
  it('never run one job at the same time, and run each to success once', async () => {
    const opened = await database.open();
    const servers: RunningServer[] = [];
    try {
      const active = new Map<string, number>();
      let overlaps = 0;
      const runs = new Map<string, Array<{ server: number; ok: boolean }>>();
      const handlerFor = (server: number): JobHandler => async (job) => {
        const now = (active.get(job.id) ?? 0) + 1;
        active.set(job.id, now);
        if (now > 1) overlaps += 1;
        try {
          await sleep(2 + Math.floor(Math.random() * 8));
          const previous = runs.get(job.id) ?? [];
          // Every other job fails its first run, so retries race as well.
          const ok = !((job.payload as { flaky: boolean }).flaky && previous.length === 0);
          runs.set(job.id, [...previous, { server, ok }]);
          if (!ok) throw new Error('first run fails');
        } finally {
          active.set(job.id, active.get(job.id)! - 1);
        }
      };
      for (const n of [0, 1]) {
        const { server } = await start({
          clock: systemClock,
          storage: opened.config,
          jobs: { handlers: { work: handlerFor(n) }, pollMs: 5, concurrency: 4, random: () => 0 },
        });
        servers.push(server);
      }
      const count = 40;
      const ids: string[] = [];
      await opened.store.transaction(async (tx) => {
        for (let i = 0; i < count; i += 1) {
          const id = randomUUID();
          ids.push(id);
          await tx.jobs.enqueue({ id, type: 'work', payload: { flaky: i % 2 === 0 }, runAt: new Date() });
        }
      });
      for (const server of servers) server.jobs.wake();
      await vi.waitFor(
        async () => {
          const states = await Promise.all(ids.map((id) => opened.store.jobs.get(id)));
          expect(states.map((s) => s?.status)).toEqual(ids.map(() => 'done'));
        },
        { timeout: 20_000, interval: 50 },
      );

      expect(overlaps).toBe(0);
      for (const [i, id] of ids.entries()) {
        const outcomes = runs.get(id)!.map((r) => r.ok);
        expect(outcomes).toEqual(i % 2 === 0 ? [false, true] : [true]);
      }
      // Both instances took part: the claims did race.
      const servedBy = new Set([...runs.values()].flat().map((r) => r.server));
      expect(servedBy).toEqual(new Set([0, 1]));
    } finally {
      await Promise.all(servers.map((s) => s.close()));
      await opened.cleanup();
    }
  });
});

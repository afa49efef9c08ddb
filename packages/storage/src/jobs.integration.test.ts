import { randomUUID } from 'node:crypto';
import { SwitchboardError, type Job, type NewJob, type Store } from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import { testDatabases, type OpenedTestDatabase } from './testing/test-databases.js';

// Millisecond-precise times that are not "now", so a round trip through the database is visible.
const t0 = new Date('2025-06-01T08:00:00.123Z');
const at = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);
const lease = 30_000;

describe.each(testDatabases())('jobs on $name', (database) => {
  let opened: OpenedTestDatabase;
  let store: Store;
  // Each test uses job types of its own, so claims never see another test's jobs.
  const newType = () => `test.${randomUUID().slice(0, 8)}`;
  const aJob = (type: string, overrides: Partial<NewJob> = {}): NewJob => ({ id: randomUUID(), type, payload: { n: 1 }, runAt: t0, createdAt: t0, ...overrides });
  const claim = (type: string, workerId: string, now: Date, limit = 10): Promise<Job[]> =>
    store.jobs.claim({ now, limit, leaseMs: lease, workerId, types: [type] });

  beforeAll(async () => {
    opened = await database.open();
    store = opened.store;
  });
  afterAll(async () => {
    await opened?.cleanup();
  });

  it('enqueues, claims with a lease and completes', async () => {
    const type = newType();
    const job = aJob(type, { payload: { org: 'acme', list: [1, 'two', null, { deep: true }] }, idempotencyKey: randomUUID() });
    expect(await store.jobs.enqueue(job)).toBe(true);
    expect(await store.jobs.get(job.id)).toMatchObject({ status: 'queued', attempts: 0, maxAttempts: 5, runAt: t0, createdAt: t0, lockedBy: null, lastError: null });

    const [claimed, ...rest] = await claim(type, 'w1', at(1));
    expect(rest).toEqual([]);
    expect(claimed).toMatchObject({ id: job.id, type, payload: job.payload, attempts: 1, maxAttempts: 5, idempotencyKey: job.idempotencyKey });
    expect(await store.jobs.get(job.id)).toMatchObject({ status: 'running', lockedBy: 'w1', lockedUntil: new Date(at(1).getTime() + lease) });
    // Leased: nobody else gets it while the lease runs.
    expect(await claim(type, 'w2', at(2))).toEqual([]);

    expect(await store.jobs.complete(job.id, 'w2', at(3))).toBe(false);
    expect(await store.jobs.complete(job.id, 'w1', at(3))).toBe(true);
    expect(await store.jobs.get(job.id)).toMatchObject({ status: 'done', attempts: 1, lockedBy: null, lockedUntil: null, updatedAt: at(3) });
    // Done is final: not claimed again, even long after, and not completed twice.
    expect(await claim(type, 'w1', at(10_000))).toEqual([]);
    expect(await store.jobs.complete(job.id, 'w1', at(4))).toBe(false);
  });

  it('respects the due time, earliest first, and the claim limit', async () => {
    const type = newType();
    const late = aJob(type, { runAt: at(60) });
    const early = aJob(type, { runAt: at(10) });
    const middle = aJob(type, { runAt: at(30) });
    for (const job of [late, early, middle]) await store.jobs.enqueue(job);
    expect(await claim(type, 'w', at(9))).toEqual([]);
    expect((await claim(type, 'w', at(10))).map((j) => j.id)).toEqual([early.id]);
    await store.jobs.complete(early.id, 'w', at(11));
    expect((await claim(type, 'w', at(100), 1)).map((j) => j.id)).toEqual([middle.id]);
    expect((await claim(type, 'w', at(100))).map((j) => j.id)).toEqual([late.id]);
  });

  it('claims only the listed types', async () => {
    const [a, b] = [newType(), newType()];
    await store.jobs.enqueue(aJob(a));
    await store.jobs.enqueue(aJob(b));
    const claimed = await store.jobs.claim({ now: at(1), limit: 10, leaseMs: lease, workerId: 'w', types: [b] });
    expect(claimed.map((j) => j.type)).toEqual([b]);
    expect(await store.jobs.claim({ now: at(1), limit: 10, leaseMs: lease, workerId: 'w', types: [] })).toEqual([]);
  });

  it('retries at the given time with the error, then fails the job for good', async () => {
    const type = newType();
    const job = aJob(type, { maxAttempts: 2 });
    await store.jobs.enqueue(job);
    await claim(type, 'w', at(1));
    expect(await store.jobs.retry(job.id, 'other', { error: 'nope', runAt: at(5), now: at(2) })).toBe(false);
    expect(await store.jobs.retry(job.id, 'w', { error: 'upstream answered 503', runAt: at(5), now: at(2) })).toBe(true);
    expect(await store.jobs.get(job.id)).toMatchObject({ status: 'queued', attempts: 1, runAt: at(5), lastError: 'upstream answered 503', lockedBy: null });
    expect(await claim(type, 'w', at(4))).toEqual([]);

    const [again] = await claim(type, 'w2', at(5));
    expect(again).toMatchObject({ id: job.id, attempts: 2, lastError: 'upstream answered 503' });
    expect(await store.jobs.fail(job.id, 'w', { error: 'stale', now: at(6) })).toBe(false);
    expect(await store.jobs.fail(job.id, 'w2', { error: 'gave up', now: at(6) })).toBe(true);
    expect(await store.jobs.get(job.id)).toMatchObject({ status: 'dead', attempts: 2, lastError: 'gave up', lockedBy: null });
    expect(await claim(type, 'w', at(10_000))).toEqual([]);
  });

  it('makes an idempotency key enqueue once, also inside a transaction that goes on', async () => {
    const type = newType();
    const key = `key-${randomUUID()}`;
    expect(await store.jobs.enqueue(aJob(type, { idempotencyKey: key }))).toBe(true);
    const second = aJob(type, { idempotencyKey: key });
    // PostgreSQL would abort the transaction on a raised violation; the no-op lets it commit.
    const after = aJob(type);
    const results = await store.transaction(async (tx) => [await tx.jobs.enqueue(second), await tx.jobs.enqueue(after)]);
    expect(results).toEqual([false, true]);
    expect(await store.jobs.get(second.id)).toBeUndefined();
    expect(await store.jobs.get(after.id)).toMatchObject({ status: 'queued' });
    // Jobs without a key never collide with each other.
    expect(await store.jobs.enqueue(aJob(type))).toBe(true);
    // The same id twice is a caller bug, not an idempotent no-op.
    await expect(store.jobs.enqueue({ ...aJob(type), id: after.id })).rejects.toBeInstanceOf(SwitchboardError);
  });

  it('enqueues with the transaction (outbox): a rollback leaves no job', async () => {
    const type = newType();
    const job = aJob(type);
    await expect(
      store.transaction(async (tx) => {
        await tx.jobs.enqueue(job);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await store.jobs.get(job.id)).toBeUndefined();
    await store.transaction((tx) => tx.jobs.enqueue(job));
    expect(await store.jobs.get(job.id)).toMatchObject({ status: 'queued' });
  });

  it('re-claims a job whose lease expired, and the stale worker can no longer settle it', async () => {
    const type = newType();
    const job = aJob(type);
    await store.jobs.enqueue(job);
    await claim(type, 'dead-worker', at(1));
    // Still leased one millisecond before the end.
    expect(await claim(type, 'w2', new Date(at(1).getTime() + lease - 1))).toEqual([]);
    expect(await claim(type, 'w2', new Date(at(1).getTime() + lease))).toEqual([]);
    const [taken] = await claim(type, 'w2', new Date(at(1).getTime() + lease + 1));
    expect(taken).toMatchObject({ id: job.id, attempts: 2 });

    expect(await store.jobs.complete(job.id, 'dead-worker', at(40))).toBe(false);
    expect(await store.jobs.retry(job.id, 'dead-worker', { error: 'x', runAt: at(40), now: at(40) })).toBe(false);
    expect(await store.jobs.fail(job.id, 'dead-worker', { error: 'x', now: at(40) })).toBe(false);
    expect(await store.jobs.get(job.id)).toMatchObject({ status: 'running', lockedBy: 'w2' });
    expect(await store.jobs.complete(job.id, 'w2', at(41))).toBe(true);
  });

  it('refuses bad arguments', async () => {
    await expect(store.jobs.enqueue(aJob(''))).rejects.toThrow(RangeError);
    await expect(store.jobs.enqueue(aJob('t', { maxAttempts: 0 }))).rejects.toThrow(RangeError);
    await expect(store.jobs.claim({ now: t0, limit: 0, leaseMs: lease, workerId: 'w' })).rejects.toThrow(RangeError);
    await expect(store.jobs.deleteFinishedBefore(t0, { limit: 0 })).rejects.toThrow(RangeError);
  });

  it('deletes only finished jobs last updated before the cutoff, oldest first, in batches', async () => {
    // Years before the other tests' jobs, so the cutoff reaches none of theirs.
    const base = new Date('2020-01-01T00:00:00.000Z');
    const after = (seconds: number): Date => new Date(base.getTime() + seconds * 1000);
    const type = newType();
    // One job at a time, so each claim takes exactly that one; it is settled `seconds` after base.
    const settle = async (outcome: 'done' | 'dead' | 'running', seconds: number): Promise<string> => {
      const job = aJob(type, { runAt: base, createdAt: base });
      await store.jobs.enqueue(job);
      expect((await claim(type, 'w', after(seconds), 1)).map((j) => j.id)).toEqual([job.id]);
      if (outcome === 'done') expect(await store.jobs.complete(job.id, 'w', after(seconds))).toBe(true);
      if (outcome === 'dead') expect(await store.jobs.fail(job.id, 'w', { error: 'boom', now: after(seconds) })).toBe(true);
      return job.id;
    };
    const oldFinished = [await settle('dead', 50), await settle('done', 10), await settle('done', 40), await settle('dead', 20), await settle('done', 30)];
    // Oldest first by when they finished.
    const byAge = [oldFinished[1], oldFinished[3], oldFinished[4], oldFinished[2], oldFinished[0]];
    const cutoff = after(24 * 60 * 60);
    const recent = await settle('done', 2 * 24 * 60 * 60);
    // Running since long ago (its lease long expired) and queued since long ago: neither is finished.
    const running = await settle('running', 5);
    const queued = aJob(type, { runAt: base, createdAt: base });
    await store.jobs.enqueue(queued);

    const exists = async (id: string | undefined): Promise<boolean> => (await store.jobs.get(id ?? '')) !== undefined;
    expect(await store.jobs.deleteFinishedBefore(cutoff, { limit: 2 })).toBe(2);
    expect(await Promise.all(byAge.map(exists))).toEqual([false, false, true, true, true]);
    expect(await store.jobs.deleteFinishedBefore(cutoff, { limit: 2 })).toBe(2);
    expect(await Promise.all(byAge.map(exists))).toEqual([false, false, false, false, true]);
    expect(await store.jobs.deleteFinishedBefore(cutoff, { limit: 2 })).toBe(1);
    expect(await store.jobs.deleteFinishedBefore(cutoff, { limit: 2 })).toBe(0);

    expect(await store.jobs.get(running)).toMatchObject({ status: 'running' });
    expect(await store.jobs.get(queued.id)).toMatchObject({ status: 'queued' });
    expect(await store.jobs.get(recent)).toMatchObject({ status: 'done' });
    // A cutoff after everything still leaves the unfinished jobs.
    expect(await store.jobs.deleteFinishedBefore(after(365 * 24 * 60 * 60), { limit: 100 })).toBe(1);
    expect(await store.jobs.get(running)).toMatchObject({ status: 'running' });
    expect(await store.jobs.get(queued.id)).toMatchObject({ status: 'queued' });
  });

});

// Several instances share only PostgreSQL (SQLite is one server per file).
describe.each(testDatabases().filter((d) => d.name === 'postgres'))('concurrent job claims on $name', (database) => {
  let opened: OpenedTestDatabase;
  let store: Store;
  const type = 'test.concurrent';
  beforeAll(async () => {
    opened = await database.open();
    store = opened.store;
  });
  afterAll(async () => {
    await opened?.cleanup();
  });

  it('never gives one job to two concurrent claimers (several stores on one schema)', async () => {
    const count = 120;
    const ids = new Set<string>();
    for (let i = 0; i < count; i += 10) {
      await store.transaction(async (tx) => {
        for (let j = 0; j < 10; j += 1) {
          const job: NewJob = { id: randomUUID(), type, payload: { i: i + j }, runAt: at(i + j) };
          ids.add(job.id);
          await tx.jobs.enqueue(job);
        }
      });
    }
    const stores = await Promise.all([1, 2, 3].map(() => openStore(opened.config)));
    try {
      const all = [store, ...stores];
      const claimedBy = new Map<string, string[]>();
      const claimers = all.length * 2;
      // Every claimer's first claim happens before anyone's second: on a loaded machine one
      // claimer could otherwise drain the queue while the others are still connecting, and the
      // test would not race at all.
      let arrived = 0;
      let allArrived!: () => void;
      const firstRoundDone = new Promise<void>((resolve) => (allArrived = resolve));
      // Every store claims in small batches at once, again and again, until the queue is empty.
      await Promise.all(
        all.flatMap((s, n) =>
          [0, 1].map(async (m) => {
            const worker = `w${n}.${m}`;
            for (let round = 0; ; round += 1) {
              const batch = await s.jobs.claim({ now: at(10_000), limit: 2, leaseMs: lease, workerId: worker, types: [type] });
              for (const job of batch) claimedBy.set(job.id, [...(claimedBy.get(job.id) ?? []), worker]);
              if (round === 0) {
                arrived += 1;
                if (arrived === claimers) allArrived();
                await firstRoundDone;
              }
              if (batch.length === 0) return;
            }
          }),
        ),
      );
      expect(claimedBy.size).toBe(count);
      expect([...claimedBy.keys()].every((id) => ids.has(id))).toBe(true);
      const twice = [...claimedBy].filter(([, workers]) => workers.length > 1);
      expect(twice).toEqual([]);
      // Every claimer took part: the test did race.
      expect(new Set([...claimedBy.values()].flat()).size).toBe(claimers);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});

import { randomUUID } from 'node:crypto';
import { manualClock, type JobRepository, type Store } from '@switchboard/core';
import { testDatabases, type OpenedTestDatabase } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger } from '../testing/capture-logger.js';
import { startJobRetention } from './job-retention.js';

const DAY_SECONDS = 24 * 60 * 60;
const lease = 30_000;

/** Job retention against the real repository, on both databases. */
describe.each(testDatabases())('job retention on $name', (database) => {
  let opened: OpenedTestDatabase;
  let store: Store;

  beforeAll(async () => {
    opened = await database.open();
    store = opened.store;
  });

  afterAll(async () => {
    await opened?.cleanup();
  });

  it('a pass deletes finished jobs older than the retention in batches, and keeps newer and unfinished ones', async () => {
    const clock = manualClock(new Date('2025-06-01T00:00:00.000Z'));
    // Enqueues a job, claims it (the only due one of its type) and settles it now.
    const settle = async (outcome: 'done' | 'dead' | 'running', type = 'test.retention'): Promise<string> => {
      const id = randomUUID();
      await store.jobs.enqueue({ id, type, payload: {}, runAt: clock.now(), createdAt: clock.now() });
      const claimed = await store.jobs.claim({ now: clock.now(), limit: 10, leaseMs: lease, workerId: 'w', types: [type] });
      expect(claimed.map((job) => job.id)).toEqual([id]);
      if (outcome === 'done') await store.jobs.complete(id, 'w', clock.now());
      if (outcome === 'dead') await store.jobs.fail(id, 'w', { error: 'boom', now: clock.now() });
      return id;
    };
    // The real repository; what each statement deleted is kept to count the batches.
    const deletedPerStatement: number[] = [];
    const jobs: Pick<JobRepository, 'deleteFinishedBefore'> = {
      async deleteFinishedBefore(cutoff, options) {
        const deleted = await store.jobs.deleteFinishedBefore(cutoff, options);
        deletedPerStatement.push(deleted);
        return deleted;
      },
    };
    const retention = startJobRetention({ jobs, clock, logger: captureLogger().logger, retentionDays: 30, batchSize: 4 });
    try {
      // Nine finished jobs that become 31 days old, then a running one (whose lease expires) and a
      // queued one of the same age, then a job finished today.
      const old: string[] = [];
      for (let n = 0; n < 9; n += 1) old.push(await settle(n % 3 === 0 ? 'dead' : 'done'));
      const running = await settle('running');
      const queued = randomUUID();
      await store.jobs.enqueue({ id: queued, type: 'test.retention.other', payload: {}, runAt: clock.now(), createdAt: clock.now() });
      clock.advance(31 * DAY_SECONDS);
      // A type of its own: a claim of the first type would also take the running job's expired lease over.
      const recent = await settle('done', 'test.retention.recent');

      expect(await retention.enforce()).toBe(9);
      // The pass at start found nothing old; this one took three statements of at most four rows.
      expect(deletedPerStatement).toEqual([0, 4, 4, 1]);
      for (const id of old) expect(await store.jobs.get(id)).toBeUndefined();
      expect(await store.jobs.get(running)).toMatchObject({ status: 'running' });
      expect(await store.jobs.get(queued)).toMatchObject({ status: 'queued' });
      expect(await store.jobs.get(recent)).toMatchObject({ status: 'done' });

      // Much later the finished job goes; the unfinished ones never do.
      clock.advance(31 * DAY_SECONDS);
      deletedPerStatement.length = 0;
      expect(await retention.enforce()).toBe(1);
      expect(deletedPerStatement).toEqual([1]);
      expect(await store.jobs.get(recent)).toBeUndefined();
      expect(await store.jobs.get(running)).toMatchObject({ status: 'running' });
      expect(await store.jobs.get(queued)).toMatchObject({ status: 'queued' });
    } finally {
      await retention.stop();
    }
  });
});

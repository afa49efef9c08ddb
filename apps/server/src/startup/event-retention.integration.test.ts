import { DEV_ORG_ID, manualClock, newEvent, type AuditEvent, type EventRepository, type Store } from '@switchboard/core';
import { testDatabases, type OpenedTestDatabase } from '@switchboard/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger } from '../testing/capture-logger.js';
import { startEventRetention } from './event-retention.js';

const DAY_SECONDS = 24 * 60 * 60;

/** Retention against the real repository, on both databases. */
describe.each(testDatabases())('event retention on $name', (database) => {
  let opened: OpenedTestDatabase;
  let store: Store;

  beforeAll(async () => {
    opened = await database.open();
    store = opened.store;
  });

  afterAll(async () => {
    await opened?.cleanup();
  });

  it('a pass deletes a backlog larger than one batch, in batches, and keeps newer events', async () => {
    const clock = manualClock(new Date('2025-06-01T00:00:00.000Z'));
    const event = (n: number): AuditEvent =>
      newEvent({ clock }, { orgId: DEV_ORG_ID, type: 'api.invoked', connector: 'acme', actor: { kind: 'system' }, data: { n } });
    // The real repository; what each statement deleted is kept to count the batches.
    const deletedPerStatement: number[] = [];
    const events: Pick<EventRepository, 'deleteOlderThan'> = {
      async deleteOlderThan(cutoff, options) {
        const deleted = await store.events.deleteOlderThan(cutoff, options);
        deletedPerStatement.push(deleted);
        return deleted;
      },
    };
    const retention = startEventRetention({ events, clock, logger: captureLogger().logger, retentionDays: 30, batchSize: 4 });
    try {
      // Eleven events that become 31 days old, then two of today.
      const old = Array.from({ length: 11 }, (_, n) => event(n));
      await store.events.appendMany(old);
      clock.advance(31 * DAY_SECONDS);
      const kept = [event(100), event(101)];
      await store.events.appendMany(kept);

      expect(await retention.enforce()).toBe(11);
      // The pass at start found nothing old; this one took three statements of at most four rows.
      expect(deletedPerStatement).toEqual([0, 4, 4, 3]);
      const left = await store.events.list({ orgId: DEV_ORG_ID, limit: 100 });
      expect(left.map((e) => e.id).sort()).toEqual(kept.map((e) => e.id).sort());

      // The two kept events age out in one short batch.
      clock.advance(31 * DAY_SECONDS);
      deletedPerStatement.length = 0;
      expect(await retention.enforce()).toBe(2);
      expect(deletedPerStatement).toEqual([2]);
      // A batch that comes back exactly full is followed by one more statement, which finds nothing.
      await store.events.appendMany(Array.from({ length: 4 }, (_, n) => event(200 + n)));
      clock.advance(31 * DAY_SECONDS);
      deletedPerStatement.length = 0;
      expect(await retention.enforce()).toBe(4);
      expect(deletedPerStatement).toEqual([4, 0]);
    } finally {
      await retention.stop();
    }
  });
});

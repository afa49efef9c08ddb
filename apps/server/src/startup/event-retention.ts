import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Clock, EventRepository, Logger } from '@switchboard/core';

export interface EventRetentionOptions {
  readonly events: Pick<EventRepository, 'deleteOlderThan'>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly retentionDays: number;
  readonly intervalMs?: number;
  /** Events deleted per statement (default 5,000). */
  readonly batchSize?: number;
}

export interface EventRetention {
  /**
   * Delete every event older than the retention now, batch by batch; returns how many were
   * deleted. A pass stops between batches once `stop()` is called (the next start finishes it).
   */
  enforce(): Promise<number>;
  /** Stop the timer and wait for a pass in progress (before the store closes). */
  stop(): Promise<void>;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Enforce `SWITCHBOARD_EVENT_RETENTION_DAYS`: one pass at start, then hourly. A pass deletes in
 * batches of `batchSize`, the oldest first, yielding to the event loop between statements: the
 * first pass after a long outage may face millions of rows, and one statement for all of them
 * would hold SQLite's single connection (every request waits) or one huge PostgreSQL
 * transaction for as long as it takes. Instances sharing a database may run passes at the same
 * time: each batch deletes only what is still there.
 */
export function startEventRetention(options: EventRetentionOptions): EventRetention {
  const { events, clock, logger, retentionDays } = options;
  const intervalMs = options.intervalMs ?? 60 * 60 * 1000;
  const batchSize = options.batchSize ?? 5_000;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  let running: Promise<number> = Promise.resolve(0);
  let stopped = false;

  const pass = async (): Promise<number> => {
    const cutoff = new Date(clock.now().getTime() - retentionDays * dayMs);
    let deleted = 0;
    try {
      for (;;) {
        const batch = await events.deleteOlderThan(cutoff, { limit: batchSize });
        deleted += batch;
        // A short batch: nothing older was left, or another instance deleted some of the same
        // rows at once (whatever remains goes at its pass or the next one).
        if (batch < batchSize || stopped) break;
        // Requests queued behind this batch get the connection before the next one.
        await yieldToEventLoop();
      }
    } catch (error) {
      // Retried at the next pass; a failed pass must not stop the server.
      logger.error({ errorType: error instanceof Error ? error.name : 'unknown', deleted }, 'deleting old audit events failed');
    }
    if (deleted > 0) logger.info({ deleted, retentionDays }, 'old audit events deleted');
    return deleted;
  };
  // Passes never overlap within one instance.
  const enforce = (): Promise<number> => (running = running.then(pass));

  void enforce();
  const timer = setInterval(() => {
    if (!stopped) void enforce();
  }, intervalMs);
  // The hourly pass never keeps the process alive on its own.
  timer.unref();

  return {
    enforce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

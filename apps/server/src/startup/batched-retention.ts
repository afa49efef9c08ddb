import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Clock, Logger } from '@switchboard/core';

export interface BatchedRetentionOptions {
  /** What is deleted, for the log lines (`old audit events`). */
  readonly what: string;
  /** Delete at most `limit` rows older than `cutoff`, the oldest first; returns how many. */
  readonly deleteBatch: (cutoff: Date, options: { limit: number }) => Promise<number>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly retentionDays: number;
  readonly intervalMs?: number;
  /** Rows deleted per statement (default 5,000). */
  readonly batchSize?: number;
}

export interface BatchedRetention {
  /**
   * Delete everything older than the retention now, batch by batch; returns how many rows went.
   * A pass stops between batches once `stop()` is called (the next start finishes it).
   */
  enforce(): Promise<number>;
  /** Stop the timer and wait for a pass in progress (before the store closes). */
  stop(): Promise<void>;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * A retention rule: one pass at start, then hourly. A pass deletes in batches of `batchSize`, the
 * oldest first, yielding to the event loop between statements: the first pass after a long outage
 * may face millions of rows, and one statement for all of them would hold SQLite's single
 * connection (every request waits) or one huge PostgreSQL transaction for as long as it takes.
 * Instances sharing a database may run passes at the same time: each batch deletes only what is
 * still there.
 */
export function startBatchedRetention(options: BatchedRetentionOptions): BatchedRetention {
  const { what, deleteBatch, clock, logger, retentionDays } = options;
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
        const batch = await deleteBatch(cutoff, { limit: batchSize });
        deleted += batch;
        // A short batch: nothing older was left, or another instance deleted some of the same
        // rows at once (whatever remains goes at its pass or the next one).
        if (batch < batchSize || stopped) break;
        // Requests queued behind this batch get the connection before the next one.
        await yieldToEventLoop();
      }
    } catch (error) {
      // Retried at the next pass; a failed pass must not stop the server.
      logger.error({ errorType: error instanceof Error ? error.name : 'unknown', deleted }, `deleting ${what} failed`);
    }
    if (deleted > 0) logger.info({ deleted, retentionDays }, `${what} deleted`);
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

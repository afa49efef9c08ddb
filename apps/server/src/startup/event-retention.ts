import type { Clock, EventRepository, Logger } from '@switchboard/core';

export interface EventRetentionOptions {
  readonly events: Pick<EventRepository, 'deleteOlderThan'>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly retentionDays: number;
  readonly intervalMs?: number;
}

export interface EventRetention {
  /** Delete every event older than the retention now; returns how many were deleted. */
  enforce(): Promise<number>;
  /** Stop the timer and wait for a pass in progress (before the store closes). */
  stop(): Promise<void>;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Enforce `SWITCHBOARD_EVENT_RETENTION_DAYS`: one pass at start, then hourly. Each pass is a
 * single `DELETE … WHERE at < cutoff`, so instances sharing a database may run it at the same
 * time: the second finds nothing left to delete.
 */
export function startEventRetention(options: EventRetentionOptions): EventRetention {
  const { events, clock, logger, retentionDays } = options;
  const intervalMs = options.intervalMs ?? 60 * 60 * 1000;
  let running: Promise<number> = Promise.resolve(0);
  let stopped = false;

  const pass = async (): Promise<number> => {
    const cutoff = new Date(clock.now().getTime() - retentionDays * dayMs);
    try {
      const deleted = await events.deleteOlderThan(cutoff);
      if (deleted > 0) logger.info({ deleted, retentionDays }, 'old audit events deleted');
      return deleted;
    } catch (error) {
      // Retried at the next pass; a failed pass must not stop the server.
      logger.error({ errorType: error instanceof Error ? error.name : 'unknown' }, 'deleting old audit events failed');
      return 0;
    }
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

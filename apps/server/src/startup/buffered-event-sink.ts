import type { AuditEvent, EventRepository, EventSink, Logger } from '@switchboard/core';

export interface BufferedEventSinkOptions {
  readonly events: Pick<EventRepository, 'appendMany'>;
  readonly logger: Logger;
  /** Write what has been recorded at most this long after the first unwritten event. */
  readonly flushIntervalMs?: number;
  /** Write at once when this many events wait; also the size of one `appendMany`. */
  readonly batchSize?: number;
  /**
   * Events kept while the database does not answer, failed batches awaiting a retry included;
   * beyond this the oldest are dropped.
   */
  readonly maxBuffered?: number;
  /** Attempts per batch before it is dropped: a broken database must not grow memory forever. */
  readonly maxAttempts?: number;
}

export interface BufferedEventSink extends EventSink {
  /** Write everything recorded so far; resolves once it is written (or dropped after its last attempt). */
  flush(): Promise<void>;
  /** Stop the timer and flush; events recorded afterwards are dropped. Call before closing the store. */
  close(): Promise<void>;
}

interface Pending {
  readonly events: AuditEvent[];
  attempts: number;
}

/**
 * The EventSink for events that record no state change (API calls): the invoke path only pushes
 * to memory, and a timer or a full batch writes them with one multi-row insert. Losing the last
 * ~250 ms of invoke events in a crash is the price of not adding a write to every call.
 */
export function createBufferedEventSink(options: BufferedEventSinkOptions): BufferedEventSink {
  const { events, logger } = options;
  const flushIntervalMs = options.flushIntervalMs ?? 250;
  const batchSize = options.batchSize ?? 200;
  const maxBuffered = options.maxBuffered ?? 10_000;
  const maxAttempts = options.maxAttempts ?? 3;

  let buffer: AuditEvent[] = [];
  /** Batches whose write failed, retried on the next flush. */
  const retries: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;
  /** The drain writing now, if any. */
  let inFlight: Promise<void> | undefined;
  /** The one drain waiting for it; every flush asked for meanwhile shares it. */
  let queued: Promise<void> | undefined;
  let closed = false;
  let dropped = 0;

  /**
   * Holds the buffer and the retries to `maxBuffered` events in all, dropping the oldest first
   * (retries are older than anything in the buffer). Without counting the retries, a database
   * that keeps failing would move the whole buffer into them on every flush, without bound.
   */
  const enforceBound = (): void => {
    let excess = buffer.length + retries.reduce((n, pending) => n + pending.events.length, 0) - maxBuffered;
    while (excess > 0 && retries.length > 0) {
      const oldest = retries[0]!;
      const drop = Math.min(excess, oldest.events.length);
      oldest.events.splice(0, drop);
      if (oldest.events.length === 0) retries.shift();
      dropped += drop;
      excess -= drop;
    }
    if (excess > 0) {
      dropped += excess;
      buffer = buffer.slice(excess);
    }
  };

  const reportDropped = () => {
    if (dropped === 0) return;
    // Counts only: event content stays out of the log.
    logger.warn({ dropped }, 'audit events dropped: the buffer was full');
    dropped = 0;
  };

  const write = async (pending: Pending): Promise<void> => {
    pending.attempts += 1;
    try {
      await events.appendMany(pending.events);
    } catch (error) {
      const giveUp = pending.attempts >= maxAttempts || closed;
      logger.error(
        { events: pending.events.length, attempt: pending.attempts, errorType: error instanceof Error ? error.name : 'unknown', droppedBatch: giveUp },
        'writing audit events failed',
      );
      if (!giveUp) {
        retries.push(pending);
        enforceBound();
      }
    }
  };

  /**
   * Writes the retries and the events buffered when it starts, oldest first. Events recorded
   * while it writes stay in the buffer (still bounded) for the next drain: under a slow
   * database a drain ends, and whoever awaits it is released, instead of chasing new events.
   */
  const drain = async (): Promise<void> => {
    reportDropped();
    const due = retries.splice(0, retries.length);
    for (const pending of due) await write(pending);
    // enforceBound may drop from the front meanwhile; this bounds the drain, not which events.
    let remaining = buffer.length;
    while (remaining > 0 && buffer.length > 0) {
      const batch = buffer.slice(0, Math.min(batchSize, remaining));
      buffer = buffer.slice(batch.length);
      remaining -= batch.length;
      await write({ events: batch, attempts: 0 });
    }
  };

  const start = (): Promise<void> => {
    const done = drain().finally(() => {
      inFlight = undefined;
      // A failed batch left for retry needs a later flush even if nothing else is recorded.
      if (retries.length > 0 && !closed) schedule();
    });
    inFlight = done;
    return done;
  };

  /**
   * One drain at a time, in order, and at most one waiting behind it: however many flushes a
   * slow write sees (timer, full batches, callers), they share the waiting drain, which takes
   * everything recorded until it starts. A chain of flushes would only grow with the backlog.
   */
  const flush = (): Promise<void> => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (queued !== undefined) return queued;
    if (inFlight === undefined) return start();
    const startQueued = (): Promise<void> => {
      queued = undefined;
      return start();
    };
    // Even if a drain failed outright, the one behind it still runs.
    const next = inFlight.then(startQueued, startQueued);
    queued = next;
    return next;
  };

  function schedule(): void {
    if (timer !== undefined || closed) return;
    timer = setTimeout(() => void flush(), flushIntervalMs);
    // Never keep the process alive for a pending write (close() flushes on shutdown).
    timer.unref();
  }

  return {
    record(event) {
      if (closed) return;
      buffer.push(event);
      enforceBound();
      if (buffer.length >= batchSize) void flush();
      else schedule();
    },
    flush,
    async close() {
      if (closed) return queued ?? inFlight;
      await flush();
      closed = true;
      // Events recorded during that flush, and a batch that failed in it (its last attempt).
      if (buffer.length > 0 || retries.length > 0) await flush();
    },
  };
}

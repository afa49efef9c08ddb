import {
  jobBackoffMs,
  PermanentJobError,
  type Clock,
  type Job,
  type JobHandler,
  type JobRepository,
  type Logger,
} from '@switchboard/core';

export type { JobHandler } from '@switchboard/core';

export interface JobRunnerOptions {
  readonly store: { readonly jobs: JobRepository };
  readonly clock: Clock;
  readonly logger: Logger;
  /**
   * Handlers by job type, read when a job runs (so entries may be added until `start()`). A
   * claimed job of a type without a handler is marked dead.
   */
  readonly handlers: Readonly<Record<string, JobHandler>>;
  /** Names this runner in leases; unique per process start (two runners never share one). */
  readonly workerId: string;
  /** Idle poll interval; default 500 ms. `wake()` polls at once. */
  readonly pollMs?: number;
  /** How long a claim owns a job; default 5 min. Longer than `handlerTimeoutMs`: leases are never renewed. */
  readonly leaseMs?: number;
  /** A run taking longer is aborted and retried; default 60 s. */
  readonly handlerTimeoutMs?: number;
  /** Jobs running at once in this runner; default 8. */
  readonly concurrency?: number;
  /** `stop()` waits this long for running handlers; default 10 s. */
  readonly stopTimeoutMs?: number;
  /** Backoff randomness (tests pass a constant); default `Math.random`. */
  readonly random?: () => number;
}

export interface JobRunner {
  /** Begin polling. */
  start(): void;
  /** Poll now rather than at the next interval (call after enqueueing in this process). */
  wake(): void;
  /**
   * One claim round now, independent of the timer; resolves when the jobs it claimed have been
   * run and settled, with how many that was. For tests and tools.
   */
  poll(): Promise<number>;
  /**
   * Stop claiming and wait (up to `stopTimeoutMs`) for running handlers. Handlers still running
   * then are aborted and left leased: their jobs run again after the lease expires.
   */
  stop(): Promise<void>;
}

type Outcome = { readonly ok: true } | { readonly ok: false; readonly error: unknown; readonly timedOut: boolean };

/** The stored `last_error`: bounded, and the error's own non-secret message (handlers' contract). */
function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown';
  return text.length > 1_000 ? `${text.slice(0, 1_000)}…` : text;
}

function errorType(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/**
 * Runs durable jobs: polls the store, leases due jobs (`JobRepository.claim`), runs their handlers
 * concurrently, and settles each run: complete on success; on a throw or timeout, retry after
 * exponential backoff with full jitter (`jobBackoffMs`) until `maxAttempts`, then dead; dead at
 * once for `PermanentJobError` or an unknown type. Delivery is at least once: a server dying
 * after a handler's effect but before `complete` leaves the job leased, and another runner takes
 * it when the lease expires. Logs carry the job's id, type and attempt, never its payload.
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { store, clock, logger, handlers, workerId } = options;
  const pollMs = options.pollMs ?? 500;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const handlerTimeoutMs = options.handlerTimeoutMs ?? 60_000;
  const concurrency = options.concurrency ?? 8;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const random = options.random ?? Math.random;
  if (!(leaseMs > handlerTimeoutMs)) throw new RangeError('leaseMs must exceed handlerTimeoutMs: leases are not renewed');
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be a positive integer');

  /** Runs in flight: their settle promise and a way to abort them. */
  const running = new Map<string, { readonly settled: Promise<void>; readonly abort: () => void }>();
  let started = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<unknown> | undefined;
  let again = false;

  const settle = async (job: Job, outcome: Outcome, leaseEnd: number, abandoned: () => boolean): Promise<void> => {
    // After stop() gave up on it, the store may be closing; the lease brings the job back.
    if (abandoned()) return;
    const now = clock.now();
    const fields = { jobId: job.id, type: job.type, attempt: job.attempts, maxAttempts: job.maxAttempts };
    let held: boolean;
    if (outcome.ok) {
      held = await store.jobs.complete(job.id, workerId, now);
      if (held) logger.debug(fields, 'job completed');
    } else if (outcome.error instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
      held = await store.jobs.fail(job.id, workerId, { error: describeError(outcome.error), now });
      if (held) logger.error({ ...fields, errorType: errorType(outcome.error), timedOut: outcome.timedOut }, 'job failed for good');
    } else {
      let runAt = now.getTime() + jobBackoffMs(job.attempts, { random });
      // A timed-out handler may still be running (a promise cannot be killed): keep the job away
      // from other runners until its lease would have ended, as if it still held it.
      if (outcome.timedOut) runAt = Math.max(runAt, leaseEnd);
      held = await store.jobs.retry(job.id, workerId, { error: describeError(outcome.error), runAt: new Date(runAt), now });
      if (held) logger.warn({ ...fields, errorType: errorType(outcome.error), timedOut: outcome.timedOut, retryInMs: runAt - now.getTime() }, 'job failed; will retry');
    }
    if (!held) logger.warn(fields, 'job lease lost before the run ended (it expired and was taken over); outcome discarded');
  };

  const execute = async (job: Job, claimedAt: number, signal: AbortSignal, abandoned: () => boolean): Promise<void> => {
    const leaseEnd = claimedAt + leaseMs;
    const handler = Object.hasOwn(handlers, job.type) ? handlers[job.type] : undefined;
    let outcome: Outcome;
    if (job.attempts > job.maxAttempts) {
      // Its last run's worker died holding the lease (e.g. the handler crashes the process).
      outcome = { ok: false, error: new PermanentJobError('the lease of the last attempt expired'), timedOut: false };
    } else if (handler === undefined) {
      outcome = { ok: false, error: new PermanentJobError(`no handler for job type ${job.type}`), timedOut: false };
    } else {
      let timeout: NodeJS.Timeout | undefined;
      const timedOut = new Promise<Outcome>((resolve) => {
        timeout = setTimeout(() => resolve({ ok: false, error: new Error(`the handler ran longer than ${handlerTimeoutMs} ms`), timedOut: true }), handlerTimeoutMs);
      });
      const ran = (async (): Promise<Outcome> => {
        try {
          await handler(job, { signal });
          return { ok: true };
        } catch (error) {
          return { ok: false, error, timedOut: false };
        }
      })();
      outcome = await Promise.race([ran, timedOut]);
      clearTimeout(timeout);
    }
    try {
      await settle(job, outcome, leaseEnd, abandoned);
    } catch (error) {
      // The store did not answer: the lease expires and the job runs again.
      logger.error({ jobId: job.id, type: job.type, attempt: job.attempts, errorType: errorType(error) }, 'recording a job outcome failed');
    }
  };

  /** Claims what capacity allows and starts each job; returns their settle promises. */
  const claimRound = async (): Promise<Promise<void>[]> => {
    const free = concurrency - running.size;
    if (free <= 0 || stopped) return [];
    const now = clock.now();
    let jobs: Job[];
    try {
      // Only types this instance can run: during a rolling upgrade an older instance leaves a new
      // type's jobs to the instances that know it, instead of killing them.
      jobs = await store.jobs.claim({ now, limit: free, leaseMs, workerId, types: Object.keys(handlers) });
    } catch (error) {
      logger.warn({ errorType: errorType(error) }, 'claiming jobs failed; retrying at the next poll');
      return [];
    }
    // A full batch: more may be due, so look again as soon as a slot frees.
    const saturated = jobs.length === free;
    return jobs.map((job) => {
      const controller = new AbortController();
      let gaveUp = false;
      const settled = execute(job, now.getTime(), controller.signal, () => gaveUp).finally(() => {
        running.delete(job.id);
        if (saturated) wake();
      });
      running.set(job.id, {
        settled,
        abort: () => {
          gaveUp = true;
          controller.abort(new Error('the server is stopping'));
        },
      });
      return settled;
    });
  };

  const schedule = (delay: number): void => {
    if (stopped || !started) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delay);
    // Polling never keeps the process alive on its own.
    timer.unref();
  };

  function tick(): void {
    if (round !== undefined) {
      again = true;
      return;
    }
    round = claimRound().finally(() => {
      round = undefined;
      const soon = again;
      again = false;
      schedule(soon ? 0 : pollMs);
    });
  }

  function wake(): void {
    if (round !== undefined) again = true;
    else schedule(0);
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      schedule(0);
    },
    wake,
    async poll() {
      const settled = await claimRound();
      await Promise.all(settled);
      return settled.length;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
      if (running.size === 0) return;
      let bound: NodeJS.Timeout | undefined;
      const all = Promise.all([...running.values()].map((r) => r.settled));
      const finished = await Promise.race([all.then(() => true), new Promise<boolean>((resolve) => (bound = setTimeout(() => resolve(false), stopTimeoutMs)))]);
      clearTimeout(bound);
      if (finished) return;
      logger.warn({ jobs: running.size }, 'jobs still running at stop were aborted; they run again when their leases expire');
      for (const run of running.values()) run.abort();
    },
  };
}

/** What `startServer` callers may set: tuning, and tests' own handlers (added to the server's). */
export type JobRunnerSettings = Partial<
  Pick<JobRunnerOptions, 'pollMs' | 'leaseMs' | 'handlerTimeoutMs' | 'concurrency' | 'stopTimeoutMs' | 'random'>
> & { readonly handlers?: Readonly<Record<string, JobHandler>> };

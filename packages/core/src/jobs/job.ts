import type { JsonValue } from '../json-value.js';

/** Where a job is in its life: waiting (or waiting to be retried), leased by a worker, finished, given up. */
export type JobStatus = 'queued' | 'running' | 'done' | 'dead';

/** A unit of work run after the request that caused it, at least once, surviving restarts. */
export interface Job {
  readonly id: string;
  /** Selects the handler (e.g. `webhook.deliver`). */
  readonly type: string;
  /** The handler's input. Ids and names only: it is stored in plain text, so never a token or secret. */
  readonly payload: JsonValue;
  /** Runs started so far, including the one in progress for a claimed job. */
  readonly attempts: number;
  /** After this many failed runs the job is `dead`. */
  readonly maxAttempts: number;
  /** Not claimed before this time (the retry time after a failure). */
  readonly runAt: Date;
  readonly idempotencyKey: string | null;
  /** The last failure's message (handlers throw non-secret messages). */
  readonly lastError: string | null;
  readonly createdAt: Date;
}

/** A job with its lease and status, as stored (operations and tests). */
export interface JobRecord extends Job {
  readonly status: JobStatus;
  /** The worker holding the lease while `running`. */
  readonly lockedBy: string | null;
  /** The lease ends here; an expired lease of a `running` job means its worker died. */
  readonly lockedUntil: Date | null;
  readonly updatedAt: Date;
}

export interface NewJob {
  readonly id: string;
  readonly type: string;
  readonly payload: JsonValue;
  readonly runAt: Date;
  /** Default {@link defaultMaxAttempts}. */
  readonly maxAttempts?: number;
  /** Unique across all jobs: enqueueing a second job with the same key is a no-op returning false. */
  readonly idempotencyKey?: string;
  /** Default: the wall clock at enqueue. */
  readonly createdAt?: Date;
}

/** Runs of a job before it is given up (the first run included). */
export const defaultMaxAttempts = 5;

/**
 * The job queue, part of `StoreRepositories`: enqueue through `tx.jobs` inside
 * `Store.transaction` and the job exists exactly when the change that caused it commits (a
 * transactional outbox). A job is owned by one worker at a time through a lease; every write
 * after the claim names the worker and succeeds only while that worker still holds the job, so a
 * worker whose lease expired and was taken over cannot overwrite the new owner's outcome.
 */
export interface JobRepository {
  /** Stores a queued job. False (and nothing stored) when `idempotencyKey` is already taken. */
  enqueue(job: NewJob): Promise<boolean>;
  /**
   * Atomically leases up to `limit` due jobs to `workerId`: queued with `runAt <= now`, or
   * running with an expired lease (its worker died). Each becomes `running` until
   * `now + leaseMs` with `attempts + 1`. Concurrent claimers (other instances) never get the
   * same job. Earliest `runAt` first.
   */
  claim(input: { now: Date; limit: number; leaseMs: number; workerId: string; types?: readonly string[] }): Promise<Job[]>;
  /** `done`; false when `workerId` no longer holds the job. */
  complete(id: string, workerId: string, now: Date): Promise<boolean>;
  /** Back to `queued` until `runAt`, with the error; false when `workerId` no longer holds the job. */
  retry(id: string, workerId: string, input: { error: string; runAt: Date; now: Date }): Promise<boolean>;
  /** `dead` with the error; false when `workerId` no longer holds the job. */
  fail(id: string, workerId: string, input: { error: string; now: Date }): Promise<boolean>;
  get(id: string): Promise<JobRecord | undefined>;
  /**
   * Deletes up to `limit` finished (`done` or `dead`) jobs last updated before `cutoff`, the
   * oldest first; returns how many. Queued and running jobs are never deleted. One statement per
   * call, so callers delete a backlog in batches.
   */
  deleteFinishedBefore(cutoff: Date, options: { limit: number }): Promise<number>;
}

/** What a handler gets besides the job. */
export interface JobContext {
  /** Aborted when the run times out or the server stops: stop work and let the job be retried. */
  readonly signal: AbortSignal;
}

/**
 * Runs one job. Resolving completes it; throwing retries it with backoff until `maxAttempts`,
 * then it is dead; throwing {@link PermanentJobError} makes it dead at once. A job may run more
 * than once (at least once: a crash after the work but before `complete` repeats it), so a
 * handler's effects must be idempotent, e.g. by sending the job id as an idempotency key.
 */
export type JobHandler = (job: Job, context: JobContext) => Promise<void>;

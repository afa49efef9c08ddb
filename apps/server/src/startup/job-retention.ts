import type { Clock, JobRepository, Logger } from '@switchboard/core';
import { startBatchedRetention, type BatchedRetention } from './batched-retention.js';

export interface JobRetentionOptions {
  readonly jobs: Pick<JobRepository, 'deleteFinishedBefore'>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** `SWITCHBOARD_EVENT_RETENTION_DAYS`: finished jobs are kept as long as the audit events. */
  readonly retentionDays: number;
  readonly intervalMs?: number;
  /** Jobs deleted per statement (default 5,000). */
  readonly batchSize?: number;
}

/**
 * Without it `done` and `dead` jobs accumulate forever. Queued and running jobs are never
 * touched: the repository deletes finished jobs only (see `startBatchedRetention`).
 */
export function startJobRetention(options: JobRetentionOptions): BatchedRetention {
  const { jobs, ...rest } = options;
  return startBatchedRetention({ ...rest, what: 'finished jobs', deleteBatch: (cutoff, limit) => jobs.deleteFinishedBefore(cutoff, limit) });
}

import type { Clock, EventRepository, Logger } from '@switchboard/core';
import { startBatchedRetention, type BatchedRetention } from './batched-retention.js';

export interface EventRetentionOptions {
  readonly events: Pick<EventRepository, 'deleteOlderThan'>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly retentionDays: number;
  readonly intervalMs?: number;
  /** Events deleted per statement (default 5,000). */
  readonly batchSize?: number;
}

/** Enforce `SWITCHBOARD_EVENT_RETENTION_DAYS` on the audit events (see `startBatchedRetention`). */
export function startEventRetention(options: EventRetentionOptions): BatchedRetention {
  const { events, ...rest } = options;
  return startBatchedRetention({ ...rest, what: 'old audit events', deleteBatch: (cutoff, limit) => events.deleteOlderThan(cutoff, limit) });
}

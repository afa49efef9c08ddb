import { defaultMaxAttempts, type JobRecord, type JobStatus, type JsonValue, type NewJob } from '@switchboard/core';
import type { Insertable, Selectable } from 'kysely';
import { fromDbDate, fromDbDateOrNull, fromDbJson, toDbDate, toDbJson } from './column-codec.js';
import type { JobsTable } from './schema.js';

export function newJobToRow(job: NewJob): Insertable<JobsTable> {
  const createdAt = toDbDate(job.createdAt ?? new Date());
  return {
    id: job.id,
    type: job.type,
    payload: toDbJson(job.payload),
    status: 'queued',
    attempts: 0,
    max_attempts: job.maxAttempts ?? defaultMaxAttempts,
    run_at: toDbDate(job.runAt),
    locked_by: null,
    locked_until: null,
    idempotency_key: job.idempotencyKey ?? null,
    last_error: null,
    created_at: createdAt,
    updated_at: createdAt,
  };
}

export function jobFromRow(row: Selectable<JobsTable>): JobRecord {
  return {
    id: row.id,
    type: row.type,
    payload: fromDbJson<JsonValue>(row.payload),
    // pg returns INTEGER as a number; Number() also covers a driver returning a string.
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    runAt: fromDbDate(row.run_at),
    idempotencyKey: row.idempotency_key,
    lastError: row.last_error,
    createdAt: fromDbDate(row.created_at),
    // Only this package writes the column, always a `JobStatus`.
    status: row.status as JobStatus,
    lockedBy: row.locked_by,
    lockedUntil: fromDbDateOrNull(row.locked_until),
    updatedAt: fromDbDate(row.updated_at),
  };
}

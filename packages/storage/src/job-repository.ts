import type { Job, JobRepository } from '@switchboard/core';
import { PostgresAdapter, type Kysely } from 'kysely';
import { toDbDate } from './column-codec.js';
import { jobFromRow, newJobToRow } from './job-row.js';
import type { Database } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

/** A job, unless it is the lease's holder's, is left alone by complete / retry / fail. */
function heldBy(db: Kysely<Database>, id: string, workerId: string) {
  return db.updateTable('jobs').where('id', '=', id).where('status', '=', 'running').where('locked_by', '=', workerId);
}

/**
 * The job queue over the `jobs` table (migration 0004). Dialect-agnostic except for the claim's
 * row locks: PostgreSQL needs `FOR UPDATE SKIP LOCKED` (several instances), SQLite has no row
 * locks and needs none (one server per file, and one statement is atomic).
 */
/** RETURNING has no order of its own. */
const sortByRunAt = (jobs: Job[]): Job[] => jobs.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function createJobRepository(db: Kysely<Database>): JobRepository {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    /**
     * `ON CONFLICT (idempotency_key) DO NOTHING` rather than catching the violation: inside a
     * PostgreSQL transaction (the outbox case) a failed statement would abort the caller's whole
     * transaction. A duplicate id is still a conflict.
     */
    async enqueue(job) {
      if (job.type === '') throw new RangeError('a job needs a type');
      if (job.maxAttempts !== undefined && (!Number.isSafeInteger(job.maxAttempts) || job.maxAttempts < 1)) {
        throw new RangeError('maxAttempts must be a positive integer');
      }
      try {
        const result = await db
          .insertInto('jobs')
          .values(newJobToRow(job))
          .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
          .executeTakeFirst();
        return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
      } catch (error) {
        throw translateDatabaseError(error, { conflict: `a job with id ${job.id} already exists` });
      }
    },

    /**
     * One statement: `UPDATE jobs SET … WHERE id IN (SELECT id … LIMIT n) RETURNING *`. On
     * PostgreSQL the subquery takes `FOR UPDATE SKIP LOCKED`: rows another instance's claim has
     * locked are skipped rather than waited for, and a row it has meanwhile claimed and committed
     * is re-checked against the WHERE under READ COMMITTED and dropped, so no two claimers get one
     * job. The outer WHERE repeats the due condition for the same reason.
     */
    async claim({ now, limit, leaseMs, workerId, types }) {
      if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
      if (!Number.isSafeInteger(leaseMs) || leaseMs < 1) throw new RangeError('leaseMs must be a positive integer');
      if (types !== undefined && types.length === 0) return [];
      const nowMs = toDbDate(now);
      let due = db
        .selectFrom('jobs')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', nowMs)]),
            // A lease that ran out while running: its worker died or hung.
            eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowMs)]),
          ]),
        );
      if (types !== undefined) due = due.where('type', 'in', types);
      due = due.orderBy('run_at').orderBy('id').limit(limit);
      if (postgres) due = due.forUpdate().skipLocked();
      // SQLite: look before writing. An idle poll then stays a read, which neither takes the write
      // lock nor counts as a change that drops the invoke path's remembered reads (sqlite-dialect).
      else if ((await due.executeTakeFirst()) === undefined) return [];
      const claimed = {
        status: 'running' as const,
        locked_by: workerId,
        locked_until: nowMs + leaseMs,
        updated_at: nowMs,
      };
      if (postgres) {
        // The locking SELECT as a CTE, which PostgreSQL runs exactly once: as `IN (subquery)` the
        // planner may re-run it (with SKIP LOCKED skipping rows this very statement has locked)
        // and concurrent claimers came back empty-handed while due jobs were waiting.
        const rows = await db
          .with('next', () => due)
          .updateTable('jobs')
          .from('next')
          .set((eb) => ({ ...claimed, attempts: eb('jobs.attempts', '+', 1) }))
          .whereRef('jobs.id', '=', 'next.id')
          .returningAll('jobs')
          .execute();
        return sortByRunAt(rows.map(jobFromRow));
      }
      const rows = await db
        .updateTable('jobs')
        .set((eb) => ({ ...claimed, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', due)
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', nowMs)]),
            eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowMs)]),
          ]),
        )
        .returningAll()
        .execute();
      return sortByRunAt(rows.map(jobFromRow));
    },

    async complete(id, workerId, now) {
      const result = await heldBy(db, id, workerId)
        .set({ status: 'done', locked_by: null, locked_until: null, updated_at: toDbDate(now) })
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async retry(id, workerId, { error, runAt, now }) {
      const result = await heldBy(db, id, workerId)
        .set({ status: 'queued', run_at: toDbDate(runAt), last_error: error, locked_by: null, locked_until: null, updated_at: toDbDate(now) })
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async fail(id, workerId, { error, now }) {
      const result = await heldBy(db, id, workerId)
        .set({ status: 'dead', last_error: error, locked_by: null, locked_until: null, updated_at: toDbDate(now) })
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async get(id) {
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : jobFromRow(row);
    },

    /**
     * `DELETE … WHERE id IN (SELECT id … ORDER BY updated_at LIMIT n)`, as the events'
     * `deleteOlderThan`: both dialects accept it (neither portably takes `DELETE … LIMIT`). The
     * outer WHERE repeats the status so that the statement itself, not only its subquery, can
     * never delete a queued or running job.
     */
    async deleteFinishedBefore(cutoff, { limit }) {
      if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
      const finished = ['done', 'dead'] as const;
      const oldest = db
        .selectFrom('jobs')
        .select('id')
        .where('status', 'in', finished)
        .where('updated_at', '<', toDbDate(cutoff))
        .orderBy('updated_at')
        .orderBy('id')
        .limit(limit);
      const result = await db.deleteFrom('jobs').where('id', 'in', oldest).where('status', 'in', finished).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

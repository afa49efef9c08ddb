import type { Kysely, Migration } from 'kysely';

/**
 * Durable jobs (see `JobRepository`). Portable types only, as in 0001: payload JSON in TEXT,
 * times as epoch-ms BIGINT, status as TEXT.
 */
export const jobsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('run_at', 'bigint', (c) => c.notNull())
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'bigint')
      // Both dialects let a UNIQUE column hold any number of NULLs: only given keys are unique.
      .addColumn('idempotency_key', 'text', (c) => c.unique())
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    // Claiming: status = 'queued' AND run_at <= now, earliest first; and the few running rows
    // whose lease may have expired.
    await db.schema.createIndex('jobs_status_run_at_idx').on('jobs').columns(['status', 'run_at']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('jobs').execute();
  },
};

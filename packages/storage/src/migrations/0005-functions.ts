import type { Kysely, Migration } from 'kysely';

/**
 * Solution functions, the copies releases record, and the org's execution log. Portable types
 * as in 0001. A function and a release's copy go with their solution or release (cascade); the
 * execution log, like the audit events, has no foreign key: it is a record, not state.
 */
export const functionsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('functions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('solution_id', 'text', (c) => c.notNull().references('solutions.id').onDelete('cascade'))
      .addColumn('api_name', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('timeout_ms', 'integer', (c) => c.notNull())
      .addColumn('memory_mb', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    // One function per name in a solution; also the lookup and the cascade from solutions.
    await db.schema.createIndex('functions_solution_id_api_name_key').unique().on('functions').columns(['solution_id', 'api_name']).execute();

    await db.schema
      .createTable('release_functions')
      .addColumn('release_id', 'text', (c) => c.notNull().references('solution_releases.id').onDelete('cascade'))
      .addColumn('api_name', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('timeout_ms', 'integer', (c) => c.notNull())
      .addColumn('memory_mb', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('release_functions_pkey', ['release_id', 'api_name'])
      .execute();

    await db.schema
      .createTable('executions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('solution', 'text', (c) => c.notNull())
      .addColumn('function', 'text', (c) => c.notNull())
      .addColumn('trigger', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('error_code', 'text')
      .addColumn('error_message', 'text')
      .addColumn('logs', 'text', (c) => c.notNull())
      .addColumn('logs_truncated', 'integer', (c) => c.notNull())
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('connector_calls', 'integer', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .execute();
    // Newest-first pages of one org: ORDER BY started_at DESC, id DESC with a (started_at, id) cursor.
    await db.schema.createIndex('executions_org_id_started_at_id_idx').on('executions').columns(['org_id', 'started_at', 'id']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['executions', 'release_functions', 'functions']) {
      await db.schema.dropTable(table).execute();
    }
  },
};

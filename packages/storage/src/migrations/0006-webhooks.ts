import type { Kysely, Migration } from 'kysely';

/**
 * Webhooks, their delivery attempts, and the dispatcher's read position in the audit log.
 * Portable types only, as in 0001.
 */
export const webhooksMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      // AES-256-GCM, bound to the row (`webhook:<id>:secret`): never the secret in plain text.
      .addColumn('secret_encrypted', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('response_status', 'integer')
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('finished_at', 'bigint', (c) => c.notNull())
      .execute();
    // Newest-first pages of one webhook, and the cascade from webhooks.
    await db.schema
      .createIndex('webhook_deliveries_webhook_id_started_at_id_idx')
      .on('webhook_deliveries')
      .columns(['webhook_id', 'started_at', 'id'])
      .execute();

    // One row per dispatcher (`name` 'audit-events'): how far it has read the audit log.
    await db.schema
      .createTable('webhook_dispatch_positions')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .execute();

    // The dispatcher reads the few connection, installation and function event types in (at, id)
    // order across orgs; without this it would walk every api.invoked event too.
    await db.schema.createIndex('events_type_at_id_idx').on('events').columns(['type', 'at', 'id']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('events_type_at_id_idx').execute();
    for (const table of ['webhook_dispatch_positions', 'webhook_deliveries', 'webhooks']) {
      await db.schema.dropTable(table).execute();
    }
  },
};

import type { Kysely, Migration } from 'kysely';

/**
 * Connector actions (On Authorization / On Revoking): a solution's draft per (solution, connector)
 * and the copy each release records, so a subscriber org runs what its installed release says.
 * Both go with their solution, connector or release (cascade). The dispatcher's read position is a
 * row (`name` 'connector-actions') of 0006's `webhook_dispatch_positions`.
 */
export const actionsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('connector_actions')
      .addColumn('solution_id', 'text', (c) => c.notNull().references('solutions.id').onDelete('cascade'))
      .addColumn('connector_id', 'text', (c) => c.notNull().references('connectors.id').onDelete('cascade'))
      .addColumn('on_authorize', 'text')
      .addColumn('on_revoke', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('connector_actions_pkey', ['solution_id', 'connector_id'])
      .execute();
    // Org `dev` looks actions up by connector across solutions; also the cascade from connectors.
    await db.schema.createIndex('connector_actions_connector_id_idx').on('connector_actions').column('connector_id').execute();

    await db.schema
      .createTable('release_actions')
      .addColumn('release_id', 'text', (c) => c.notNull().references('solution_releases.id').onDelete('cascade'))
      // No foreign key: a release is a record of what was, like its connector pins.
      .addColumn('connector_id', 'text', (c) => c.notNull())
      .addColumn('on_authorize', 'text')
      .addColumn('on_revoke', 'text')
      .addPrimaryKeyConstraint('release_actions_pkey', ['release_id', 'connector_id'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['release_actions', 'connector_actions']) {
      await db.schema.dropTable(table).execute();
    }
  },
};

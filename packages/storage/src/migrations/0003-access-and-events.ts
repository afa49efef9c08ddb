import type { Kysely, Migration } from 'kysely';

/**
 * Org API keys, SDK sessions and audit events; the consented connector version on connections;
 * the connector version and opener origin of pending authorizations. Portable types only, as in
 * 0001. SQLite takes one ADD COLUMN per ALTER TABLE, hence one statement per column.
 */
export const accessAndEventsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('org_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_used_at', 'bigint')
      .execute();
    // listByOrg and the cascade from orgs.
    await db.schema.createIndex('org_keys_org_id_idx').on('org_keys').columns(['org_id', 'created_at']).execute();
    // The target of sdk_sessions' (key_id, org_id) foreign key, which both dialects require to be unique.
    await db.schema.createIndex('org_keys_id_org_id_key').unique().on('org_keys').columns(['id', 'org_id']).execute();

    await db.schema
      .createTable('sdk_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('allowed_origins', 'text', (c) => c.notNull())
      .addColumn('connectors', 'text')
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      // The minting key, in the session's own org: a session can never belong to another org than
      // its key. Deleting the key ends every session it minted, in the same statement.
      .addForeignKeyConstraint('sdk_sessions_key_id_org_id_fkey', ['key_id', 'org_id'], 'org_keys', ['id', 'org_id'], (fk) =>
        fk.onDelete('cascade'),
      )
      .execute();
    // allowedOriginsForOrg (org, unexpired) and the cascade from orgs.
    await db.schema
      .createIndex('sdk_sessions_org_id_expires_at_idx')
      .on('sdk_sessions')
      .columns(['org_id', 'expires_at'])
      .execute();
    // The cascade from org_keys.
    await db.schema.createIndex('sdk_sessions_key_id_org_id_idx').on('sdk_sessions').columns(['key_id', 'org_id']).execute();
    // deleteExpired.
    await db.schema.createIndex('sdk_sessions_expires_at_idx').on('sdk_sessions').column('expires_at').execute();

    // No foreign key to orgs: only retention removes audit records, and a buffered batch must not
    // fail as a whole over one row.
    await db.schema
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('connector', 'text')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    // Newest-first pages of one org: ORDER BY at DESC, id DESC with a (at, id) cursor.
    await db.schema.createIndex('events_org_id_at_id_idx').on('events').columns(['org_id', 'at', 'id']).execute();
    // Retention: deleteOlderThan.
    await db.schema.createIndex('events_at_idx').on('events').column('at').execute();

    await db.schema.alterTable('connections').addColumn('consented_version', 'integer').execute();
    await db.schema.alterTable('authorization_requests').addColumn('connector_version', 'integer').execute();
    // Rows pending at upgrade time get '' (post to nobody); they expire within minutes.
    await db.schema
      .alterTable('authorization_requests')
      .addColumn('opener_origin', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    // Who started the flow (an Actor as JSON), named by the callback's events. Rows pending at
    // upgrade time get the platform.
    await db.schema
      .alterTable('authorization_requests')
      .addColumn('actor', 'text', (c) => c.notNull().defaultTo('{"kind":"system"}'))
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('authorization_requests').dropColumn('actor').execute();
    await db.schema.alterTable('authorization_requests').dropColumn('opener_origin').execute();
    await db.schema.alterTable('authorization_requests').dropColumn('connector_version').execute();
    await db.schema.alterTable('connections').dropColumn('consented_version').execute();
    for (const table of ['events', 'sdk_sessions', 'org_keys']) {
      await db.schema.dropTable(table).execute();
    }
  },
};

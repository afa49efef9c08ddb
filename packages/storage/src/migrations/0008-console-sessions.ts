import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Console sign-in sessions (the `sb_console` cookie). Only the SHA-256 of each session's secret is
 * stored. An org session references the org key it was opened with, in the key's own org:
 * revoking the key deletes its console sessions in the same statement, as it does its SDK
 * sessions (0003). An admin session has no key row to follow; it carries a fingerprint of the admin
 * key instead (an HMAC keyed by the session's secret), so it ends when the admin key changes.
 * Portable types only, as in 0001.
 */
export const consoleSessionsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('console_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('org_id', 'text', (c) => c.references('orgs.id').onDelete('cascade'))
      .addColumn('key_id', 'text')
      .addColumn('admin_fingerprint', 'text')
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      // Both columns null (admin) leave the key unchecked (MATCH SIMPLE, both dialects).
      .addForeignKeyConstraint('console_sessions_key_id_org_id_fkey', ['key_id', 'org_id'], 'org_keys', ['id', 'org_id'], (fk) => fk.onDelete('cascade'))
      .addCheckConstraint(
        'console_sessions_kind_check',
        sql`(kind = 'admin' and org_id is null and key_id is null and admin_fingerprint is not null) or (kind = 'org' and org_id is not null and key_id is not null and admin_fingerprint is null)`,
      )
      .execute();
    // The cascade from org_keys.
    await db.schema.createIndex('console_sessions_key_id_org_id_idx').on('console_sessions').columns(['key_id', 'org_id']).execute();
    // deleteExpired.
    await db.schema.createIndex('console_sessions_expires_at_idx').on('console_sessions').column('expires_at').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('console_sessions').execute();
  },
};

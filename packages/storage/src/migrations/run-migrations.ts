import { Migrator, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { migrations } from './migrations.js';

/** PostgreSQL `invalid_schema_name`. */
const SCHEMA_VANISHED = '3F000';
const ATTEMPTS = 3;

/**
 * Brings the schema up to date. `schema` (PostgreSQL) pins kysely's own bookkeeping tables to
 * that schema: without it the Migrator looks for them in every schema of the database and can
 * mistake another schema's tables for its own.
 *
 * Even so, the Migrator's table check introspects every schema of the database, and fails with
 * `invalid_schema_name` when some other schema is dropped in the middle of that scan (seen with
 * parallel test runs sharing one database). Nothing has been migrated at that point and
 * migrations run in transactions, so the whole step is retried.
 */
export async function runMigrations(db: Kysely<Database>, schema?: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => ({ ...migrations }) },
      ...(schema === undefined ? {} : { migrationTableSchema: schema }),
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error === undefined) return;
    if (attempt < ATTEMPTS && (error as { code?: unknown }).code === SCHEMA_VANISHED) continue;
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    const message = failed === undefined ? 'database migration failed' : `database migration ${failed} failed`;
    throw new Error(message, { cause: error });
  }
}

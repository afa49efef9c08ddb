import { Migrator, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { migrations } from './migrations.js';

/**
 * Brings the schema up to date. `schema` (PostgreSQL) pins kysely's own bookkeeping tables to
 * that schema: without it the Migrator looks for them in every schema of the database and can
 * mistake another schema's tables for its own.
 */
export async function runMigrations(db: Kysely<Database>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    const message = failed === undefined ? 'database migration failed' : `database migration ${failed} failed`;
    throw new Error(message, { cause: error });
  }
}

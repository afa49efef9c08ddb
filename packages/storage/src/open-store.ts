import { silentLogger, type Logger, type Store } from '@switchboard/core';
import { Kysely } from 'kysely';
import { createStore } from './create-store.js';
import { runMigrations } from './migrations/run-migrations.js';
import { assertSchemaName } from './postgres/assert-schema-name.js';
import { createPostgresDialect } from './postgres/postgres-dialect.js';
import type { Database } from './schema.js';
import { createSqliteDialect } from './sqlite/sqlite-dialect.js';
import type { StorageConfig } from './storage-config.js';

const defaultPoolSize = 10;

export interface OpenStoreOptions {
  /** Receives pool-level failures that belong to no query (an idle connection dropping). */
  readonly logger?: Logger;
}

/**
 * Opens the database, brings its schema up to date and returns the Store. Safe to call from
 * several instances at once: kysely's Migrator takes a database lock while migrating.
 */
export async function openStore(config: StorageConfig, options: OpenStoreOptions = {}): Promise<Store> {
  if (config.kind === 'sqlite') {
    const { dialect, readNow } = createSqliteDialect(config.file);
    const db = new Kysely<Database>({ dialect });
    await migrateOrDestroy(db);
    return createStore({ kind: 'sqlite', db }, { readNow });
  }

  const schema = config.schema ?? 'public';
  assertSchemaName(schema);
  const poolSize = config.poolSize ?? defaultPoolSize;
  if (!Number.isInteger(poolSize) || poolSize < 1) throw new RangeError('poolSize must be a positive integer');
  const db = new Kysely<Database>({
    dialect: createPostgresDialect({ url: config.url, schema, poolSize, logger: options.logger ?? silentLogger }),
  });
  // The Migrator creates the schema when it is missing, before any table goes into it.
  await migrateOrDestroy(db, schema);
  return createStore({ kind: 'postgres', db, poolSize });
}

async function migrateOrDestroy(db: Kysely<Database>, schema?: string): Promise<void> {
  try {
    await runMigrations(db, schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

import type { Logger } from '@switchboard/core';
import { PostgresDialect } from 'kysely';
import pg from 'pg';

export interface PostgresDialectOptions {
  readonly url: string;
  /** Already checked by `assertSchemaName`. */
  readonly schema: string;
  readonly poolSize: number;
  readonly logger: Logger;
}

/**
 * A kysely dialect over a pg pool whose every connection has `search_path` set to the store's
 * schema at startup, so plain table names (and raw SQL) resolve there without per-query plumbing.
 */
export function createPostgresDialect(options: PostgresDialectOptions): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    options: `-c search_path=${options.schema}`,
    // Fail a query that cannot get a connection in time instead of hanging the request forever.
    connectionTimeoutMillis: 30_000,
  });
  // An idle client dying (server restart, network cut) is emitted on the pool; unhandled, that
  // event would crash the process. The pool already discards the client; the next query reconnects.
  pool.on('error', (error) => {
    options.logger.warn({ err: error.message }, 'idle PostgreSQL connection failed');
  });
  return new PostgresDialect({ pool });
}

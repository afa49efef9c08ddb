import { SwitchboardError, type Connection, type LockedConnection } from '@switchboard/core';
import { sql, type Kysely } from 'kysely';
import { connectionFromRow } from './connection-row.js';
import { createKeyedMutex } from './keyed-mutex.js';
import { createLockedConnection } from './locked-connection.js';
import type { Database } from './schema.js';
import { createSemaphore } from './semaphore.js';

/**
 * How long a PostgreSQL lock waiter (another instance) waits for the row. Token requests made
 * under the lock must time out well before this, so a waiter normally gets the lock.
 */
export const connectionLockTimeoutMs = 20_000;

/** SQLSTATE 55P03 lock_not_available: `lock_timeout` expired. */
const lockNotAvailable = '55P03';

export type WithConnectionLock = <T>(
  connectionId: string,
  fn: (locked: LockedConnection) => Promise<T>,
) => Promise<T | undefined>;

export type ConnectionLockOptions =
  | { readonly kind: 'sqlite'; readonly db: Kysely<Database> }
  | {
      readonly kind: 'postgres';
      readonly db: Kysely<Database>;
      readonly poolSize: number;
      /** Default {@link connectionLockTimeoutMs}; tests shorten it. */
      readonly lockTimeoutMs?: number;
    };

async function readConnection(db: Kysely<Database>, id: string, forUpdate: boolean): Promise<Connection | undefined> {
  const query = db.selectFrom('connections').selectAll().where('id', '=', id);
  const row = await (forUpdate ? query.forUpdate() : query).executeTakeFirst();
  return row === undefined ? undefined : connectionFromRow(row);
}

async function runLocked<T>(
  db: Kysely<Database>,
  current: Connection,
  fn: (locked: LockedConnection) => Promise<T>,
): Promise<T> {
  const handle = createLockedConnection(db, current);
  try {
    return await fn(handle.locked);
  } finally {
    handle.release();
  }
}

function isLockTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === lockNotAvailable;
}

/**
 * The refresh lock of a connection (see `Store.withConnectionLock`).
 *
 * Both dialects first take an in-process mutex per connection id: callers of one instance queue
 * in memory instead of each holding a pooled connection while blocked on the row.
 *
 * PostgreSQL then opens a transaction, takes the row with `SELECT … FOR UPDATE` (excluding other
 * instances) and runs `fn` with writes inside that transaction; it commits when `fn` returns and
 * rolls back when it throws. At most half the pool may be held by lock transactions at once, so
 * `fn` can still run ordinary store queries (e.g. read credentials) without starving the pool.
 *
 * SQLite (one instance per file) needs no more than the mutex; `fn`'s writes are single
 * statements (or, with an audit event, a transaction of two), because a transaction held across
 * a network call would block the only connection.
 *
 * Not reentrant: calling it again for the same id inside `fn` waits for itself forever.
 */
export function createConnectionLock(options: ConnectionLockOptions): WithConnectionLock {
  const mutex = createKeyedMutex();
  const { db } = options;

  if (options.kind === 'sqlite') {
    return (connectionId, fn) =>
      mutex.runExclusive(connectionId, async () => {
        const current = await readConnection(db, connectionId, false);
        return current === undefined ? undefined : runLocked(db, current, fn);
      });
  }

  const lockTimeout = sql.lit(`${options.lockTimeoutMs ?? connectionLockTimeoutMs}ms`);
  const transactions = createSemaphore(Math.max(1, Math.floor(options.poolSize / 2)));
  return (connectionId, fn) =>
    mutex.runExclusive(connectionId, () =>
      transactions.run(async () => {
        try {
          return await db.transaction().execute(async (trx) => {
            await sql`set local lock_timeout = ${lockTimeout}`.execute(trx);
            const current = await readConnection(trx, connectionId, true);
            return current === undefined ? undefined : runLocked(trx, current, fn);
          });
        } catch (error) {
          if (!isLockTimeout(error)) throw error;
          throw new SwitchboardError(
            'upstream_unavailable',
            'another instance is refreshing this connection; try again shortly',
            { cause: error },
          );
        }
      }),
    );
}

import { SwitchboardError, type AuditEvent, type Connection, type LockedConnection } from '@switchboard/core';
import type { Kysely, Selectable } from 'kysely';
import { clearConnectionTokens } from './clear-connection-tokens.js';
import { toDbDate } from './column-codec.js';
import { connectionErrorToDb, connectionFromRow, connectionTokensToDb } from './connection-row.js';
import { createEventRepository } from './event-repository.js';
import { inTransaction } from './in-transaction.js';
import type { ConnectionsTable, Database } from './schema.js';

const isWritten = (row: Selectable<ConnectionsTable> | undefined): boolean => row !== undefined;

/** Lets the lock owner end the handle once the lock is released. */
export interface LockedConnectionHandle {
  readonly locked: LockedConnection;
  release(): void;
}

/**
 * The writes allowed under a connection's refresh lock. `db` is the lock's transaction
 * (PostgreSQL) or the plain database (SQLite).
 *
 * The refresh writes (`saveRefreshed`, `markNeedsReauthorization`, `recordError`) are
 * conditional on the token generation the holder last saw. On PostgreSQL the row lock already
 * guarantees it; on SQLite the lock is in-process only and does not stop
 * `saveAuthorized` / `clearTokens` (a re-authorization or a disconnect) from landing while a
 * refresh is on the network. Without the condition the late refresh would overwrite the new
 * tokens or resurrect a disconnected connection. When the condition fails nothing is written and
 * the row as it now is comes back (its `tokenGeneration` tells the caller it lost).
 *
 * A write given an audit event stores it atomically with the change, and only when something
 * was written: a write that lost its generation check records nothing. On PostgreSQL `db` is
 * already the lock's transaction; on SQLite the write and the insert get a transaction of their
 * own, two local statements long (no network call inside, so the single connection is held
 * only briefly). Without an event a SQLite write stays one statement.
 *
 * After `release()` every write throws: a write that escaped the lock would defeat it (and, on
 * PostgreSQL, hit a finished transaction).
 */
export function createLockedConnection(db: Kysely<Database>, current: Connection): LockedConnectionHandle {
  let released = false;
  let expectedGeneration = current.tokenGeneration;
  const id = current.id;

  const assertHeld = (): void => {
    if (released) throw new Error('the connection lock was already released; write inside withConnectionLock');
  };

  /**
   * Runs `write`, then appends `event` when `wrote` says the write changed the row, both in one
   * transaction (the lock's own on PostgreSQL).
   */
  const withEvent = async <R>(
    event: AuditEvent | undefined,
    write: (db: Kysely<Database>) => Promise<R>,
    wrote: (result: R) => boolean,
  ): Promise<R> => {
    if (event === undefined) return write(db);
    const run = async (trx: Kysely<Database>): Promise<R> => {
      const result = await write(trx);
      if (wrote(result)) await createEventRepository(trx).append(event);
      return result;
    };
    return inTransaction(db, run);
  };

  /** Applies a guarded write's outcome: the written row, or else the row as it now is. */
  const settle = async (written: Selectable<ConnectionsTable> | undefined): Promise<Connection> => {
    if (written !== undefined) {
      expectedGeneration = written.token_generation;
      return connectionFromRow(written);
    }
    const now = await db.selectFrom('connections').selectAll().where('id', '=', id).executeTakeFirst();
    // Only reachable on SQLite (the row is locked on PostgreSQL): deleted while the lock was held.
    if (now === undefined) throw new SwitchboardError('not_found', `connection ${id} no longer exists`);
    return connectionFromRow(now);
  };

  const locked: LockedConnection = {
    current,

    async saveRefreshed(tokens, now, event) {
      assertHeld();
      const write = (on: Kysely<Database>) =>
        on
          .updateTable('connections')
          .set((eb) => ({
            ...connectionTokensToDb(tokens),
            status: 'authorized',
            last_refreshed_at: toDbDate(now),
            last_error: null,
            token_generation: eb('token_generation', '+', 1),
            updated_at: toDbDate(now),
          }))
          .where('id', '=', id)
          .where('token_generation', '=', expectedGeneration)
          .returningAll()
          .executeTakeFirst();
      return settle(await withEvent(event, write, isWritten));
    },

    async markNeedsReauthorization(error, now, event) {
      assertHeld();
      const write = (on: Kysely<Database>) =>
        on
          .updateTable('connections')
          .set({ status: 'needs_reauthorization', last_error: connectionErrorToDb(error), updated_at: toDbDate(now) })
          .where('id', '=', id)
          .where('token_generation', '=', expectedGeneration)
          .returningAll()
          .executeTakeFirst();
      return settle(await withEvent(event, write, isWritten));
    },

    async recordError(error, now, event) {
      assertHeld();
      const write = (on: Kysely<Database>) =>
        on
          .updateTable('connections')
          .set({ last_error: connectionErrorToDb(error), updated_at: toDbDate(now) })
          .where('id', '=', id)
          .where('token_generation', '=', expectedGeneration)
          .executeTakeFirst();
      await withEvent(event, write, (result) => result.numUpdatedRows > 0n);
    },

    /**
     * Unconditional, unlike the writes above: ending a connection is the user's explicit request
     * and must not be skipped because the tokens changed meanwhile.
     */
    async clearTokens(now, event) {
      assertHeld();
      await withEvent(event, (on) => clearConnectionTokens(on, id, now), (cleared) => cleared);
      expectedGeneration += 1;
    },
  };

  return {
    locked,
    release() {
      released = true;
    },
  };
}

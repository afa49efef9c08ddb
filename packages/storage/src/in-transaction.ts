import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Runs `fn` in a transaction: `db`'s own when `db` already is one (kysely does not nest
 * transactions: `Transaction.transaction()` throws), else a new one that commits when `fn`
 * resolves and rolls back when it throws. Lets a repository make a multi-statement write atomic
 * whether or not it runs inside `Store.transaction`.
 */
export function inTransaction<R>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<R>): Promise<R> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

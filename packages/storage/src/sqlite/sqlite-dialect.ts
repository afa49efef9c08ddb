import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect } from 'kysely';

/** How long a statement waits for another process's write lock before SQLITE_BUSY. */
const busyTimeoutMs = 5_000;

/**
 * A kysely dialect over one better-sqlite3 connection. kysely serializes every query and
 * transaction on it, so this is one instance per file by design.
 */
export function createSqliteDialect(file: string): SqliteDialect {
  const database = new BetterSqlite3(file);
  // Off by default in SQLite, and the store relies on ON DELETE CASCADE.
  database.pragma('foreign_keys = ON');
  if (file !== ':memory:' && file !== '') {
    // WAL lets readers (e.g. the CLI or a backup) work while the server writes. synchronous stays
    // at its default FULL: a lost commit could drop a rotated refresh token, killing a connection.
    database.pragma('journal_mode = WAL');
    database.pragma(`busy_timeout = ${busyTimeoutMs}`);
  }
  return new SqliteDialect({ database });
}

import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared; the store issues a few dozen, so this is never reached in practice. */
export const defaultMaxCachedStatements = 256;

/**
 * The database as kysely's SQLite driver sees it, with `prepare` cached by SQL text.
 *
 * kysely's driver prepares every statement it runs, and building a native better-sqlite3
 * `Statement` (sqlite3_prepare_v3) costs more than running a point SELECT. The store's queries
 * are parameterised, so a handful of SQL texts cover every call and each is prepared once.
 *
 * Safe because: better-sqlite3 runs `all`/`run` synchronously, so one statement is never used by
 * two queries at once — except while `iterate` walks it (`busy`), when a fresh one is prepared;
 * kysely never switches a statement's mode (`raw`, `pluck`, `expand`); and SQLite re-prepares a
 * statement by itself when the schema changes under it (sqlite3_prepare_v3 semantics). The
 * cache is bounded: at `maxStatements` distinct texts the least recently used one is dropped.
 *
 * `onWrite` is called with the SQL text whenever a statement that may change the database
 * (`readonly` false: INSERT, UPDATE, DELETE, DDL, also with RETURNING) is handed out, i.e. just
 * before kysely runs it. Every write this connection makes goes through here.
 */
export function withCachedStatements(
  database: BetterSqlite3.Database,
  options: { readonly maxStatements?: number; readonly onWrite?: (sql: string) => void } = {},
): SqliteDatabase {
  const { maxStatements = defaultMaxCachedStatements, onWrite } = options;
  // A Map iterates in insertion order; re-inserting on use makes its first key the least recent.
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql);
      if (cached !== undefined && !cached.busy) {
        cache.delete(sql);
        cache.set(sql, cached);
        if (onWrite !== undefined && !cached.readonly) onWrite(sql);
        return cached;
      }
      const statement = database.prepare(sql);
      if (onWrite !== undefined && !statement.readonly) onWrite(sql);
      if (cached === undefined) {
        if (cache.size >= maxStatements) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
    close(): void {
      cache.clear();
      database.close();
    },
  };
}

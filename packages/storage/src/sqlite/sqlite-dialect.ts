import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect, type CompiledQuery } from 'kysely';
import { withCachedStatements } from './cached-statements.js';

/** How long a statement waits for another process's write lock before SQLITE_BUSY. */
const busyTimeoutMs = 5_000;

/** How `readNow` may answer. */
export interface SqliteReadOptions {
  /** Rows as arrays of column values in select-list order, not objects. */
  readonly raw?: boolean;
  /**
   * The rows may come from memory, from the last run of the same query with the same
   * parameters, as long as the database has not changed since (see `createSqliteDialect`).
   * Such rows are shared between callers: never modify them.
   */
  readonly reuseWhileUnchanged?: boolean;
}

/**
 * Runs a compiled SELECT on the SQLite connection at once and returns its rows, or undefined
 * when a transaction is open on the connection: then the query must go through kysely, which
 * queues it behind the transaction.
 */
export type SqliteReadNow = (query: CompiledQuery<unknown>, options?: SqliteReadOptions) => unknown[] | undefined;

/**
 * Tables no `reuseWhileUnchanged` query may read, so that writing them keeps remembered rows.
 *
 * `events` is the audit trail: the buffered event sink appends to it several times a second
 * under load (and retention deletes from it), and with every write counted each append would
 * throw away the invoke path's remembered reads. A statement that only writes `events` cannot
 * change what a query that does not read `events` returns: the table has no triggers and no
 * foreign keys in either direction (migration 0003; `sqlite-dialect.test.ts` checks the schema
 * of a migrated database), so an INSERT or DELETE on it changes no other table. `readNow`
 * refuses to remember a query whose SQL names one of these tables.
 */
export const tablesRememberedReadsIgnore = ['events'] as const;

/**
 * Matches the SQL of a statement that writes only a table of `tablesRememberedReadsIgnore`, as
 * kysely compiles it for SQLite: `insert into "events" …`, `delete from "events" …`, `update
 * "events" set …` (it quotes every identifier, so `"events_x"` does not match). better-sqlite3
 * prepares one statement per text, so nothing can follow it; anything else (a CTE before it,
 * DDL, another table) counts as a write that may change everything.
 */
const writesOnlyIgnoredTable = new RegExp(`^(?:insert into|delete from|update) "(?:${tablesRememberedReadsIgnore.join('|')})" `);

/** Whether SQL text names a table of `tablesRememberedReadsIgnore`. */
const readsIgnoredTable = new RegExp(`"(?:${tablesRememberedReadsIgnore.join('|')})"`);

/** Remembered results at most, over all queries; cleared whenever the database changes. */
const maxRememberedResults = 1024;

export interface SqliteDatabaseHandles {
  readonly dialect: SqliteDialect;
  readonly readNow: SqliteReadNow;
}

/**
 * A kysely dialect over one better-sqlite3 connection. kysely serializes every query and
 * transaction on it, so this is one instance per file by design.
 *
 * `readNow` is the hot path's way around kysely's executor for reads: better-sqlite3 runs a
 * statement synchronously, so outside a transaction kysely's connection mutex guards nothing a
 * read needs, while its chain of async steps (executor, connection provider, driver, mutex)
 * costs more per query than SQLite's indexed lookups.
 *
 * With `reuseWhileUnchanged` it skips even SQLite while the database provably has not changed
 * since the remembered run: no statement that can write was handed out on this connection
 * (every write of the store goes through kysely, hence through `withCachedStatements`) other
 * than writes to tables such queries never read (`tablesRememberedReadsIgnore`), and
 * `PRAGMA data_version` is unchanged, which SQLite moves whenever another connection (the CLI,
 * a second process) commits. Both are checked on every call.
 */
export function createSqliteDialect(file: string): SqliteDatabaseHandles {
  const database = new BetterSqlite3(file);
  // Off by default in SQLite, and the store relies on ON DELETE CASCADE.
  database.pragma('foreign_keys = ON');
  if (file !== ':memory:' && file !== '') {
    // WAL lets readers (e.g. the CLI or a backup) work while the server writes. synchronous stays
    // at its default FULL: a lost commit could drop a rotated refresh token, killing a connection.
    database.pragma('journal_mode = WAL');
    database.pragma(`busy_timeout = ${busyTimeoutMs}`);
  }

  let ownWrites = 0;
  const statements = withCachedStatements(database, {
    onWrite: (sql) => {
      if (!writesOnlyIgnoredTable.test(sql)) ownWrites += 1;
    },
  });
  const dataVersion = database.prepare('PRAGMA data_version').pluck();
  /**
   * Row form (raw or objects) → SQL text → JSON of the parameters → rows; valid while
   * (`ownWrites`, `PRAGMA data_version`) equals (`rememberedWrites`, `rememberedVersion`).
   */
  const remembered = { raw: new Map<string, Map<string, unknown[]>>(), objects: new Map<string, Map<string, unknown[]>>() };
  let rememberedCount = 0;
  let rememberedWrites = -1;
  let rememberedVersion: unknown = undefined;

  const run = (query: CompiledQuery<unknown>, raw: boolean): unknown[] => {
    const statement = statements.prepare(query.sql) as BetterSqlite3.Statement;
    if (!statement.reader) throw new Error('readNow runs only statements that return rows');
    if (!raw) return statement.all(query.parameters);
    // The statement is shared with kysely (which expects objects): raw only for this call, and
    // nothing else can run on it in between (better-sqlite3 is synchronous).
    statement.raw(true);
    try {
      return statement.all(query.parameters);
    } finally {
      statement.raw(false);
    }
  };

  const readNow: SqliteReadNow = (query, options = {}) => {
    // Inside a transaction kysely holds the connection across awaits: wait for it, through kysely.
    if (database.inTransaction) return undefined;
    const raw = options.raw === true;
    if (options.reuseWhileUnchanged !== true) return run(query, raw);

    const version = dataVersion.get();
    if (version !== rememberedVersion || ownWrites !== rememberedWrites || rememberedCount >= maxRememberedResults) {
      remembered.raw.clear();
      remembered.objects.clear();
      rememberedCount = 0;
      rememberedVersion = version;
      rememberedWrites = ownWrites;
    }
    const bySql = raw ? remembered.raw : remembered.objects;
    const parametersKey = JSON.stringify(query.parameters);
    let byParameters = bySql.get(query.sql);
    const known = byParameters?.get(parametersKey);
    if (known !== undefined) return known;
    if (readsIgnoredTable.test(query.sql)) throw new Error(`readNow cannot remember a query on ${tablesRememberedReadsIgnore.join(', ')}: writes to it do not count as changes`);
    const rows = run(query, raw);
    if (byParameters === undefined) bySql.set(query.sql, (byParameters = new Map()));
    byParameters.set(parametersKey, rows);
    rememberedCount += 1;
    return rows;
  };
  return { dialect: new SqliteDialect({ database: statements }), readNow };
}

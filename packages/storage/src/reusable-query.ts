import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { SqliteReadNow } from './sqlite/sqlite-dialect.js';

/** Runs a reusable query with this call's values; resolves to its rows as arrays of column values. */
export type ReusableQuery<K extends string> = (values: Readonly<Record<K, string>>) => Promise<unknown[][]>;

export interface ReusableQueryOptions<K extends string> {
  /** The names of the values each call supplies. */
  readonly names: readonly K[];
  /** The result column names, in select-list order. */
  readonly columns: readonly string[];
  /** SQLite: run at once on the connection (see `createSqliteDialect`). */
  readonly readNow?: SqliteReadNow | undefined;
  /**
   * SQLite: rows may be remembered while the database is unchanged (see `createSqliteDialect`);
   * they are then shared between calls, so callers must not modify them.
   */
  readonly reuseWhileUnchanged?: boolean;
}

/**
 * A kysely query built and compiled once, then run with fresh values for its named parameters.
 *
 * Building and compiling a many-column kysely query costs more than SQLite takes to run an
 * indexed SELECT, so a hot-path query is compiled at startup. `build` is called once with a
 * unique marker string per name; where each marker lands in the compiled parameter list tells
 * where each call's value goes, whatever order the dialect's SQL puts them in. Values are still
 * bound as parameters, never spliced into SQL.
 *
 * Rows come back as arrays in select-list order: with `readNow` (SQLite, no transaction open)
 * the query runs synchronously on the connection and SQLite hands over arrays without building
 * an object per row; otherwise it goes through kysely and each row object is read by `columns`.
 *
 * @throws Error at creation if a name is not bound as a parameter, or something else is.
 */
export function reusableQuery<K extends string>(
  db: Kysely<Database>,
  options: ReusableQueryOptions<K>,
  build: (values: Readonly<Record<K, string>>) => Compilable<unknown>,
): ReusableQuery<K> {
  const { names, columns, readNow } = options;
  const readOptions = { raw: true, reuseWhileUnchanged: options.reuseWhileUnchanged === true } as const;
  const markerOf = (name: K) => `\u0000reusable-query-parameter:${name}`;
  const markers = Object.fromEntries(names.map((name) => [name, markerOf(name)])) as Record<K, string>;
  const compiled: CompiledQuery<unknown> = build(markers).compile();
  const order = compiled.parameters.map((parameter) => {
    const name = names.find((candidate) => markerOf(candidate) === parameter);
    if (name === undefined) throw new Error('reusableQuery: the query binds a parameter that is not one of its names');
    return name;
  });
  for (const name of names) {
    if (!order.includes(name)) throw new Error(`reusableQuery: "${name}" is not bound as a parameter`);
  }
  return async (values) => {
    const query: CompiledQuery<unknown> = { ...compiled, parameters: order.map((name) => values[name]) };
    const rows = readNow?.(query, readOptions);
    if (rows !== undefined) return rows as unknown[][];
    const result = await db.executeQuery(query);
    return result.rows.map((row) => columns.map((column) => (row as Record<string, unknown>)[column]));
  };
}

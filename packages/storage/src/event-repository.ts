import type { AuditEvent, EventRepository } from '@switchboard/core';
import type { CompiledQuery, Insertable, Kysely } from 'kysely';
import { toDbDate } from './column-codec.js';
import { eventFromRow, eventToRow } from './event-row.js';
import type { Database, EventsTable } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

/**
 * Rows per INSERT in `appendMany`, largest first: a batch is written as a few statements of
 * these fixed sizes (200 events: 3 × 64 + 2 × 4), so only four SQL texts ever exist. Each is
 * built and compiled by kysely once and then only bound to new values, and SQLite prepares each
 * once (`withCachedStatements`): a batch-sized text per flush would cost a kysely build of ~1,400
 * value nodes, a fresh sqlite3_prepare, and push the hot path's statements out of the cache.
 * 64 rows × 7 parameters stays far below SQLite's (32766) and PostgreSQL's (65535) limits.
 */
export const chunkSizes = [64, 16, 4, 1] as const;

/** The largest chunk: batches above it take more than one statement. */
export const eventsPerInsert = chunkSizes[0];

const conflict = 'an event with this id already exists';

/** The columns in the order each row's values are bound. */
const columns = ['id', 'org_id', 'type', 'connector', 'actor', 'data', 'at'] as const satisfies readonly (keyof EventsTable)[];

/** One event's column values, in `columns` order. */
function valuesOf(event: AuditEvent): unknown[] {
  const row = eventToRow(event);
  return columns.map((column) => row[column]);
}

/**
 * `INSERT … VALUES (…) × size ON CONFLICT (id) DO NOTHING`, compiled once with a distinct marker
 * per value; where each marker lands in the parameter list says where each row's values go,
 * whatever order the dialect's SQL puts them in. Values are still bound, never spliced into SQL.
 */
function compileInsert(db: Kysely<Database>, size: number): { readonly compiled: CompiledQuery<unknown>; readonly slots: readonly number[] } {
  const marker = (row: number, column: number) => `\u0000event:${row}:${column}`;
  const rows = Array.from({ length: size }, (_, row) =>
    Object.fromEntries(columns.map((column, index) => [column, marker(row, index)])),
  ) as unknown as Insertable<EventsTable>[];
  const compiled = db
    .insertInto('events')
    .values(rows)
    .onConflict((onConflict) => onConflict.column('id').doNothing())
    .compile();
  // slots[i]: the position in the flattened (row, column) values of the statement's i-th parameter.
  const positions = new Map<unknown, number>();
  for (let row = 0; row < size; row += 1) for (let column = 0; column < columns.length; column += 1) positions.set(marker(row, column), row * columns.length + column);
  const slots = compiled.parameters.map((parameter) => {
    const slot = positions.get(parameter);
    if (slot === undefined) throw new Error('event insert: the statement binds an unexpected parameter');
    return slot;
  });
  if (new Set(slots).size !== positions.size) throw new Error('event insert: the statement does not bind every value');
  return { compiled, slots };
}

export function createEventRepository(db: Kysely<Database>): EventRepository {
  /** The compiled INSERT per chunk size, built on first use. */
  const inserts: Partial<Record<number, ReturnType<typeof compileInsert>>> = {};
  return {
    async append(event) {
      try {
        await db.insertInto('events').values(eventToRow(event)).execute();
      } catch (error) {
        throw translateDatabaseError(error, { conflict });
      }
    },

    /**
     * Fixed-size multi-row INSERTs (see {@link chunkSizes}), all in one transaction unless the
     * batch fits one statement or the caller's transaction holds it already: one commit (one WAL
     * sync on SQLite) per batch, and a batch is stored whole or not at all. An id already stored
     * is skipped rather than a conflict, so a buffered batch retried after a failure stores each
     * event once.
     */
    async appendMany(events) {
      if (events.length === 0) return;
      const writeAll = async (target: Kysely<Database>): Promise<void> => {
        let start = 0;
        for (const size of chunkSizes) {
          for (; events.length - start >= size; start += size) {
            const { compiled, slots } = (inserts[size] ??= compileInsert(db, size));
            const values: unknown[] = [];
            for (let i = start; i < start + size; i += 1) values.push(...valuesOf(events[i]!));
            await target.executeQuery({ ...compiled, parameters: slots.map((slot) => values[slot]) });
          }
        }
      };
      try {
        if ((chunkSizes as readonly number[]).includes(events.length)) await writeAll(db);
        else if (db.isTransaction) await writeAll(db);
        else await db.transaction().execute(writeAll);
      } catch (error) {
        throw translateDatabaseError(error, { conflict });
      }
    },

    /**
     * Newest first, (at, id) descending, strictly before the cursor: the row-value comparison
     * `(at, id) < (?, ?)` (both dialects) walks the (org_id, at, id) index backwards, so a page
     * costs its size however deep it is. Type and connector filters are applied on that walk.
     */
    async list(query) {
      let select = db.selectFrom('events').selectAll().where('org_id', '=', query.orgId);
      if (query.type !== undefined) select = select.where('type', '=', query.type);
      if (query.connector !== undefined) select = select.where('connector', '=', query.connector);
      const { before } = query;
      if (before !== undefined) {
        select = select.where((eb) =>
          eb(eb.refTuple('at', 'id'), '<', eb.tuple(toDbDate(before.at), before.id)),
        );
      }
      const rows = await select.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
      return rows.map(eventFromRow);
    },

    /**
     * `DELETE … WHERE id IN (SELECT id … ORDER BY at LIMIT n)`: neither SQLite (without a
     * compile-time option) nor PostgreSQL accepts LIMIT on DELETE itself, both accept it in the
     * subquery, which walks `events_at_idx` from the oldest. Instances running this at once may
     * pick the same rows; PostgreSQL deletes each once and the other statement counts fewer.
     */
    async deleteOlderThan(cutoff, { limit }) {
      if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
      const oldest = db.selectFrom('events').select('id').where('at', '<', toDbDate(cutoff)).orderBy('at').limit(limit);
      const result = await db.deleteFrom('events').where('id', 'in', oldest).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

import type { EventRepository } from '@switchboard/core';
import type { Kysely } from 'kysely';
import { toDbDate } from './column-codec.js';
import { eventFromRow, eventToRow } from './event-row.js';
import type { Database } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

/**
 * Rows per INSERT in `appendMany`: 7 parameters a row keeps a statement far below SQLite's
 * (32766) and PostgreSQL's (65535) bound-parameter limits.
 */
export const eventsPerInsert = 500;

const conflict = 'an event with this id already exists';

export function createEventRepository(db: Kysely<Database>): EventRepository {
  return {
    async append(event) {
      try {
        await db.insertInto('events').values(eventToRow(event)).execute();
      } catch (error) {
        throw translateDatabaseError(error, { conflict });
      }
    },

    /**
     * One multi-row INSERT per {@link eventsPerInsert} events. Chunks are separate statements
     * (callers that need all-or-nothing run this inside `Store.transaction`), so an id already
     * stored is skipped rather than a conflict: a buffered batch retried after a partial failure
     * stores each event once.
     */
    async appendMany(events) {
      for (let start = 0; start < events.length; start += eventsPerInsert) {
        const rows = events.slice(start, start + eventsPerInsert).map(eventToRow);
        try {
          await db
            .insertInto('events')
            .values(rows)
            .onConflict((onConflict) => onConflict.column('id').doNothing())
            .execute();
        } catch (error) {
          throw translateDatabaseError(error, { conflict });
        }
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

import type { WebhookDispatchRepository } from '@switchboard/core';
import type { Kysely } from 'kysely';
import { fromDbDate, toDbDate } from './column-codec.js';
import { eventFromRow } from './event-row.js';
import type { Database } from './schema.js';

/**
 * A dispatcher's row in `webhook_dispatch_positions`: the webhooks' is 'audit-events'; the
 * connector actions' dispatcher (migration 0007) reads the same log from its own row.
 */
export function createWebhookDispatchRepository(db: Kysely<Database>, name = 'audit-events'): WebhookDispatchRepository {
  return {
    async position() {
      const row = await db.selectFrom('webhook_dispatch_positions').select(['at', 'event_id']).where('name', '=', name).executeTakeFirst();
      return row === undefined ? undefined : { at: fromDbDate(row.at), id: row.event_id };
    },

    /**
     * One statement: insert the row, or move it only forward (`(at, event_id) < (?, ?)` in the
     * conflict update's WHERE), so instances finishing passes out of order never move it back.
     */
    async advance(to) {
      const at = toDbDate(to.at);
      await db
        .insertInto('webhook_dispatch_positions')
        .values({ name, at, event_id: to.id })
        .onConflict((conflict) =>
          conflict
            .column('name')
            .doUpdateSet({ at, event_id: to.id })
            .where((eb) => eb(eb.refTuple('webhook_dispatch_positions.at', 'webhook_dispatch_positions.event_id'), '<', eb.tuple(at, to.id))),
        )
        .execute();
    },

    /** Oldest first, strictly after `after`, on the (type, at, id) index of migration 0006. */
    async eventsAfter({ after, types, limit }) {
      if (types.length === 0) return [];
      let select = db.selectFrom('events').selectAll().where('type', 'in', [...types]);
      if (after !== undefined) select = select.where((eb) => eb(eb.refTuple('at', 'id'), '>', eb.tuple(toDbDate(after.at), after.id)));
      const rows = await select.orderBy('at').orderBy('id').limit(limit).execute();
      return rows.map(eventFromRow);
    },
  };
}

import type { WebhookDelivery, WebhookDeliveryRepository } from '@switchboard/core';
import type { Insertable, Kysely, Selectable } from 'kysely';
import { fromDbDate, toDbDate } from './column-codec.js';
import type { Database, WebhookDeliveriesTable } from './schema.js';
import { isForeignKeyViolation } from './foreign-key-violation.js';
import { translateDatabaseError } from './translate-database-error.js';

function deliveryToRow(delivery: WebhookDelivery): Insertable<WebhookDeliveriesTable> {
  return {
    id: delivery.id,
    webhook_id: delivery.webhookId,
    event_id: delivery.eventId,
    event_type: delivery.eventType,
    attempt: delivery.attempt,
    status: delivery.status,
    response_status: delivery.responseStatus,
    duration_ms: delivery.durationMs,
    error: delivery.error,
    started_at: toDbDate(delivery.startedAt),
    finished_at: toDbDate(delivery.finishedAt),
  };
}

function deliveryFromRow(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    eventType: row.event_type,
    attempt: row.attempt,
    status: row.status,
    responseStatus: row.response_status,
    durationMs: row.duration_ms,
    error: row.error,
    startedAt: fromDbDate(row.started_at),
    finishedAt: fromDbDate(row.finished_at),
  };
}

export function createWebhookDeliveryRepository(db: Kysely<Database>): WebhookDeliveryRepository {
  return {
    async insert(delivery) {
      try {
        await db.insertInto('webhook_deliveries').values(deliveryToRow(delivery)).execute();
        return true;
      } catch (error) {
        // The webhook was deleted while the attempt ran: there is no log left to add to.
        if (isForeignKeyViolation(error)) return false;
        throw translateDatabaseError(error, { conflict: `a delivery with id ${delivery.id} already exists` });
      }
    },

    /** Newest first, strictly before the cursor, on the (webhook_id, started_at, id) index. */
    async list(query) {
      let select = db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', query.webhookId);
      const { before } = query;
      if (before !== undefined) {
        select = select.where((eb) => eb(eb.refTuple('started_at', 'id'), '<', eb.tuple(toDbDate(before.at), before.id)));
      }
      const rows = await select.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
      return rows.map(deliveryFromRow);
    },
  };
}

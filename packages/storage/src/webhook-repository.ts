import type { Webhook, WebhookRepository } from '@switchboard/core';
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { fromDbDate, fromDbJson, toDbDate, toDbJson } from './column-codec.js';
import type { Database, WebhooksTable } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

function webhookToRow(webhook: Webhook): Insertable<WebhooksTable> {
  return {
    id: webhook.id,
    url: webhook.url,
    events: toDbJson(webhook.events),
    description: webhook.description,
    secret_encrypted: webhook.secretEncrypted,
    created_at: toDbDate(webhook.createdAt),
    updated_at: toDbDate(webhook.updatedAt),
  };
}

function webhookFromRow(row: Selectable<WebhooksTable>): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: fromDbJson<Webhook['events']>(row.events),
    description: row.description,
    secretEncrypted: row.secret_encrypted,
    createdAt: fromDbDate(row.created_at),
    updatedAt: fromDbDate(row.updated_at),
  };
}

export function createWebhookRepository(db: Kysely<Database>): WebhookRepository {
  return {
    async insert(webhook) {
      try {
        await db.insertInto('webhooks').values(webhookToRow(webhook)).execute();
      } catch (error) {
        throw translateDatabaseError(error, { conflict: `a webhook with id ${webhook.id} already exists` });
      }
    },

    async get(id) {
      const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : webhookFromRow(row);
    },

    async list() {
      const rows = await db.selectFrom('webhooks').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(webhookFromRow);
    },

    async update(id, patch, updatedAt) {
      const set: Updateable<WebhooksTable> = { updated_at: toDbDate(updatedAt) };
      if (patch.url !== undefined) set.url = patch.url;
      if (patch.events !== undefined) set.events = toDbJson(patch.events);
      if (patch.description !== undefined) set.description = patch.description;
      const row = await db.updateTable('webhooks').set(set).where('id', '=', id).returningAll().executeTakeFirst();
      return row === undefined ? undefined : webhookFromRow(row);
    },

    /** Its delivery log goes in the same statement (ON DELETE CASCADE). */
    async delete(id) {
      const result = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

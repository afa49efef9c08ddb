import type { ApiDefinition, ApiPatch, ApiRepository } from '@switchboard/core';
import type { Kysely, Updateable } from 'kysely';
import { apiFromRow } from './api-row.js';
import { toDbDate, toDbJson } from './column-codec.js';
import type { ApisTable, Database } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

/** Only the fields present in the patch; `undefined` means "leave as is". */
function patchToRow(patch: ApiPatch): Updateable<ApisTable> {
  const row: Updateable<ApisTable> = {};
  if (patch.name !== undefined) row.name = patch.name;
  if (patch.description !== undefined) row.description = patch.description;
  if (patch.method !== undefined) row.method = patch.method;
  if (patch.url !== undefined) row.url = patch.url;
  if (patch.headers !== undefined) row.headers = toDbJson(patch.headers);
  if (patch.query !== undefined) row.query = toDbJson(patch.query);
  if (patch.body !== undefined) row.body = toDbJson(patch.body);
  return row;
}

export function createApiRepository(db: Kysely<Database>): ApiRepository {
  return {
    async insert(api) {
      try {
        await db
          .insertInto('apis')
          .values({
            id: api.id,
            connector_id: api.connectorId,
            api_name: api.apiName,
            name: api.name,
            description: api.description,
            method: api.method,
            url: api.url,
            headers: toDbJson(api.headers),
            query: toDbJson(api.query),
            body: toDbJson(api.body),
            created_at: toDbDate(api.createdAt),
            updated_at: toDbDate(api.updatedAt),
          })
          .execute();
      } catch (error) {
        throw translateDatabaseError(error, {
          conflict: `an API named ${api.apiName} already exists on this connector`,
          missingReference: `connector ${api.connectorId} does not exist`,
        });
      }
    },

    async get(connectorId, apiName) {
      const row = await db
        .selectFrom('apis')
        .selectAll()
        .where('connector_id', '=', connectorId)
        .where('api_name', '=', apiName)
        .executeTakeFirst();
      return row === undefined ? undefined : apiFromRow(row);
    },

    /** Ordered by apiName. */
    async list(connectorId) {
      const rows = await db
        .selectFrom('apis')
        .selectAll()
        .where('connector_id', '=', connectorId)
        .orderBy('api_name')
        .execute();
      return rows.map(apiFromRow);
    },

    async update(connectorId, apiName, patch, updatedAt) {
      const row = await db
        .updateTable('apis')
        .set({ ...patchToRow(patch), updated_at: toDbDate(updatedAt) })
        .where('connector_id', '=', connectorId)
        .where('api_name', '=', apiName)
        .returningAll()
        .executeTakeFirst();
      return row === undefined ? undefined : apiFromRow(row);
    },

    async delete(connectorId, apiName) {
      const result = await db
        .deleteFrom('apis')
        .where('connector_id', '=', connectorId)
        .where('api_name', '=', apiName)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

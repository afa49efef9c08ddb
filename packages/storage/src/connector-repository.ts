import type { Connector, ConnectorPatch, ConnectorRepository } from '@switchboard/core';
import type { Kysely, Updateable } from 'kysely';
import { toDbBoolean, toDbDate, toDbJson } from './column-codec.js';
import { connectorFromRow } from './connector-row.js';
import type { ConnectorsTable, Database } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

/** Only the fields present in the patch; `undefined` means "leave as is". */
function patchToRow(patch: ConnectorPatch): Updateable<ConnectorsTable> {
  const row: Updateable<ConnectorsTable> = {};
  if (patch.name !== undefined) row.name = patch.name;
  if (patch.description !== undefined) row.description = patch.description;
  if (patch.serviceName !== undefined) row.service_name = patch.serviceName;
  if (patch.signupUrl !== undefined) row.signup_url = patch.signupUrl;
  if (patch.authorizationUrl !== undefined) row.authorization_url = patch.authorizationUrl;
  if (patch.tokenUrl !== undefined) row.token_url = patch.tokenUrl;
  if (patch.refreshUrl !== undefined) row.refresh_url = patch.refreshUrl;
  if (patch.revokeUrl !== undefined) row.revoke_url = patch.revokeUrl;
  if (patch.revokeUsing !== undefined) row.revoke_using = patch.revokeUsing;
  if (patch.scopes !== undefined) row.scopes = toDbJson(patch.scopes);
  if (patch.scopeSeparator !== undefined) row.scope_separator = patch.scopeSeparator;
  if (patch.pkce !== undefined) row.pkce = toDbBoolean(patch.pkce);
  if (patch.clientAuthMethod !== undefined) row.client_auth_method = patch.clientAuthMethod;
  if (patch.authorizationParams !== undefined) row.authorization_params = toDbJson(patch.authorizationParams);
  if (patch.tokenParams !== undefined) row.token_params = toDbJson(patch.tokenParams);
  if (patch.tokenPlacement !== undefined) row.token_placement = toDbJson(patch.tokenPlacement);
  if (patch.issuer !== undefined) row.issuer = patch.issuer;
  return row;
}

export function createConnectorRepository(db: Kysely<Database>): ConnectorRepository {
  return {
    async insert(connector) {
      try {
        await db
          .insertInto('connectors')
          .values({
            id: connector.id,
            api_name: connector.apiName,
            name: connector.name,
            description: connector.description,
            service_name: connector.serviceName,
            signup_url: connector.signupUrl,
            authorization_url: connector.authorizationUrl,
            token_url: connector.tokenUrl,
            refresh_url: connector.refreshUrl,
            revoke_url: connector.revokeUrl,
            revoke_using: connector.revokeUsing,
            scopes: toDbJson(connector.scopes),
            scope_separator: connector.scopeSeparator,
            pkce: toDbBoolean(connector.pkce),
            client_auth_method: connector.clientAuthMethod,
            authorization_params: toDbJson(connector.authorizationParams),
            token_params: toDbJson(connector.tokenParams),
            token_placement: toDbJson(connector.tokenPlacement),
            issuer: connector.issuer,
            created_at: toDbDate(connector.createdAt),
            updated_at: toDbDate(connector.updatedAt),
          })
          .execute();
      } catch (error) {
        throw translateDatabaseError(error, { conflict: `a connector named ${connector.apiName} already exists` });
      }
    },

    async get(id) {
      const row = await db.selectFrom('connectors').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : connectorFromRow(row);
    },

    async getByApiName(apiName) {
      const row = await db.selectFrom('connectors').selectAll().where('api_name', '=', apiName).executeTakeFirst();
      return row === undefined ? undefined : connectorFromRow(row);
    },

    /** Ordered by apiName, the name users know a connector by. */
    async list() {
      const rows = await db.selectFrom('connectors').selectAll().orderBy('api_name').execute();
      return rows.map(connectorFromRow);
    },

    async update(id, patch, updatedAt) {
      const row = await db
        .updateTable('connectors')
        .set({ ...patchToRow(patch), updated_at: toDbDate(updatedAt) })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row === undefined ? undefined : connectorFromRow(row);
    },

    async delete(id) {
      // Credentials, APIs, connections and pending authorizations go with it: ON DELETE CASCADE.
      const result = await db.deleteFrom('connectors').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

import type { ConnectionRepository } from '@switchboard/core';
import type { Kysely } from 'kysely';
import { clearConnectionTokens } from './clear-connection-tokens.js';
import { toDbDate } from './column-codec.js';
import { connectionErrorToDb, connectionFromRow, connectionTokensToDb } from './connection-row.js';
import type { Database } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

export function createConnectionRepository(db: Kysely<Database>): ConnectionRepository {
  return {
    async get(orgId, connectorId) {
      const row = await db
        .selectFrom('connections')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('connector_id', '=', connectorId)
        .executeTakeFirst();
      return row === undefined ? undefined : connectionFromRow(row);
    },

    async getById(id) {
      const row = await db.selectFrom('connections').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : connectionFromRow(row);
    },

    /** Oldest first; id breaks ties. */
    async listByOrg(orgId) {
      const rows = await db
        .selectFrom('connections')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(connectionFromRow);
    },

    /** Oldest first; id breaks ties. */
    async listLiveByConnector(connectorId) {
      const rows = await db
        .selectFrom('connections')
        .selectAll()
        .where('connector_id', '=', connectorId)
        .where('status', 'in', ['authorized', 'needs_reauthorization'])
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(connectionFromRow);
    },

    /**
     * One INSERT … ON CONFLICT (org_id, connector_id) DO UPDATE, so two callbacks finishing at once
     * cannot both insert. `lastRefreshedAt` is reset: it describes the token chain just replaced.
     * The consented version is replaced with the tokens: they were granted under it.
     */
    async saveAuthorized({ idIfNew, orgId, connectorId, tokens, consentedVersion, now }) {
      const at = toDbDate(now);
      const tokenColumns = connectionTokensToDb(tokens);
      try {
        const row = await db
          .insertInto('connections')
          .values({
            id: idIfNew,
            org_id: orgId,
            connector_id: connectorId,
            status: 'authorized',
            ...tokenColumns,
            authorized_at: at,
            last_refreshed_at: null,
            last_error: null,
            token_generation: 1,
            consented_version: consentedVersion,
            created_at: at,
            updated_at: at,
          })
          .onConflict((conflict) =>
            conflict.columns(['org_id', 'connector_id']).doUpdateSet((eb) => ({
              status: 'authorized',
              ...tokenColumns,
              authorized_at: at,
              last_refreshed_at: null,
              last_error: null,
              token_generation: eb('connections.token_generation', '+', 1),
              consented_version: consentedVersion,
              updated_at: at,
            })),
          )
          .returningAll()
          .executeTakeFirstOrThrow();
        return connectionFromRow(row);
      } catch (error) {
        throw translateDatabaseError(error, {
          conflict: 'a connection with this id already exists',
          missingReference: `org ${orgId} or connector ${connectorId} does not exist`,
        });
      }
    },

    async clearTokens(id, now) {
      await clearConnectionTokens(db, id, now);
    },

    /**
     * Tokens are kept either way: a compatible upgrade does not change the grant, and a
     * connection needing re-authorization keeps its tokens so a disconnect can still revoke them
     * where they were issued (the consented version's endpoints, hence not moved here).
     *
     * The re-authorization branch moves the token generation, as every change of what the tokens
     * may be used for does: a refresh in flight under the SQLite lock (which does not exclude
     * this write) then fails its generation check instead of flipping the row back to
     * `authorized`. A connection without tokens (`not_authorized`) has nothing to re-authorize
     * and is left as it is.
     */
    async applyUpgrade(id, change, now) {
      const at = toDbDate(now);
      if ('consentedVersion' in change) {
        await db
          .updateTable('connections')
          .set({ consented_version: change.consentedVersion, updated_at: at })
          .where('id', '=', id)
          .execute();
        return;
      }
      await db
        .updateTable('connections')
        .set((eb) => ({
          status: 'needs_reauthorization',
          last_error: connectionErrorToDb(change.error),
          token_generation: eb('token_generation', '+', 1),
          updated_at: at,
        }))
        .where('id', '=', id)
        .where('status', '<>', 'not_authorized')
        .execute();
    },

    async delete(id) {
      const result = await db.deleteFrom('connections').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

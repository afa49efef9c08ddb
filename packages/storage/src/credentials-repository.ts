import type { ConnectorCredentials, CredentialsRepository } from '@switchboard/core';
import type { Kysely, Selectable } from 'kysely';
import { fromDbDate, toDbDate } from './column-codec.js';
import type { ConnectorCredentialsTable, Database } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

/** Keeps `IN (…)` lists well below SQLite's and PostgreSQL's bound-parameter limits. */
const idsPerQuery = 500;

function fromRow(row: Selectable<ConnectorCredentialsTable>): ConnectorCredentials {
  return {
    connectorId: row.connector_id,
    clientId: row.client_id,
    clientSecretEncrypted: row.client_secret_encrypted,
    updatedAt: fromDbDate(row.updated_at),
  };
}

export function createCredentialsRepository(db: Kysely<Database>): CredentialsRepository {
  return {
    async upsert(credentials) {
      const values = {
        connector_id: credentials.connectorId,
        client_id: credentials.clientId,
        client_secret_encrypted: credentials.clientSecretEncrypted,
        updated_at: toDbDate(credentials.updatedAt),
      };
      try {
        await db
          .insertInto('connector_credentials')
          .values(values)
          .onConflict((conflict) =>
            conflict.column('connector_id').doUpdateSet({
              client_id: values.client_id,
              client_secret_encrypted: values.client_secret_encrypted,
              updated_at: values.updated_at,
            }),
          )
          .execute();
      } catch (error) {
        throw translateDatabaseError(error, {
          conflict: 'the credentials of this connector changed concurrently',
          missingReference: `connector ${credentials.connectorId} does not exist`,
        });
      }
    },

    async get(connectorId) {
      const row = await db
        .selectFrom('connector_credentials')
        .selectAll()
        .where('connector_id', '=', connectorId)
        .executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },

    async connectorIdsWithCredentials(connectorIds) {
      const found = new Set<string>();
      const unique = [...new Set(connectorIds)];
      for (let start = 0; start < unique.length; start += idsPerQuery) {
        const rows = await db
          .selectFrom('connector_credentials')
          .select('connector_id')
          .where('connector_id', 'in', unique.slice(start, start + idsPerQuery))
          .execute();
        for (const row of rows) found.add(row.connector_id);
      }
      return found;
    },
  };
}

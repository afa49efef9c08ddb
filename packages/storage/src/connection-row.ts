import type { Connection, ConnectionError, ConnectionTokens } from '@switchboard/core';
import type { Selectable } from 'kysely';
import {
  fromDbDate,
  fromDbDateOrNull,
  fromDbJson,
  toDbDate,
  toDbDateOrNull,
  toDbJson,
} from './column-codec.js';
import type { ConnectionsTable } from './schema.js';

/** `last_error` as stored: the date in epoch ms like every other date of the store. */
interface StoredConnectionError {
  readonly code: string;
  readonly message: string;
  readonly at: number;
}

export function connectionErrorToDb(error: ConnectionError): string {
  const stored: StoredConnectionError = { code: error.code, message: error.message, at: toDbDate(error.at) };
  return toDbJson(stored);
}

function connectionErrorFromDb(text: string): ConnectionError {
  const stored = fromDbJson<StoredConnectionError>(text);
  return { code: stored.code, message: stored.message, at: fromDbDate(stored.at) };
}

/** The token columns of a connection, shared by the authorize upsert and the refresh update. */
export function connectionTokensToDb(tokens: ConnectionTokens) {
  return {
    scopes: toDbJson(tokens.scopes),
    access_token_encrypted: tokens.accessTokenEncrypted,
    refresh_token_encrypted: tokens.refreshTokenEncrypted,
    token_type: tokens.tokenType,
    expires_at: toDbDateOrNull(tokens.expiresAt),
    fields_encrypted: tokens.fieldsEncrypted,
  };
}

export function connectionFromRow(row: Selectable<ConnectionsTable>): Connection {
  return {
    id: row.id,
    orgId: row.org_id,
    connectorId: row.connector_id,
    status: row.status,
    scopes: fromDbJson<Connection['scopes']>(row.scopes),
    accessTokenEncrypted: row.access_token_encrypted,
    refreshTokenEncrypted: row.refresh_token_encrypted,
    tokenType: row.token_type,
    expiresAt: fromDbDateOrNull(row.expires_at),
    fieldsEncrypted: row.fields_encrypted,
    authorizedAt: fromDbDateOrNull(row.authorized_at),
    lastRefreshedAt: fromDbDateOrNull(row.last_refreshed_at),
    lastError: row.last_error === null ? null : connectionErrorFromDb(row.last_error),
    tokenGeneration: row.token_generation,
    consentedVersion: row.consented_version,
    createdAt: fromDbDate(row.created_at),
    updatedAt: fromDbDate(row.updated_at),
  };
}

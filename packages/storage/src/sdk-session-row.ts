import type { SdkSession } from '@switchboard/core';
import type { Insertable, Selectable } from 'kysely';
import { fromDbDate, fromDbJson, toDbDate, toDbJson } from './column-codec.js';
import type { SdkSessionsTable } from './schema.js';

export function sdkSessionToRow(session: SdkSession): Insertable<SdkSessionsTable> {
  return {
    id: session.id,
    org_id: session.orgId,
    key_id: session.keyId,
    secret_hash: session.secretHash,
    allowed_origins: toDbJson(session.allowedOrigins),
    connectors: session.connectors === null ? null : toDbJson(session.connectors),
    expires_at: toDbDate(session.expiresAt),
    created_at: toDbDate(session.createdAt),
  };
}

export function sdkSessionFromRow(row: Selectable<SdkSessionsTable>): SdkSession {
  return {
    id: row.id,
    orgId: row.org_id,
    keyId: row.key_id,
    secretHash: row.secret_hash,
    allowedOrigins: fromDbJson<string[]>(row.allowed_origins),
    connectors: row.connectors === null ? null : fromDbJson<string[]>(row.connectors),
    expiresAt: fromDbDate(row.expires_at),
    createdAt: fromDbDate(row.created_at),
  };
}

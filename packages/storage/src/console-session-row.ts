import type { ConsoleSession } from '@switchboard/core';
import type { Insertable, Selectable } from 'kysely';
import { fromDbDate, toDbDate } from './column-codec.js';
import type { ConsoleSessionsTable } from './schema.js';

export function consoleSessionToRow(session: ConsoleSession): Insertable<ConsoleSessionsTable> {
  const base = { id: session.id, secret_hash: session.secretHash, expires_at: toDbDate(session.expiresAt), created_at: toDbDate(session.createdAt) };
  return session.kind === 'admin'
    ? { ...base, kind: 'admin', org_id: null, key_id: null, admin_fingerprint: session.adminFingerprint }
    : { ...base, kind: 'org', org_id: session.orgId, key_id: session.keyId, admin_fingerprint: null };
}

/** The check constraint keeps each kind's columns set (and the other kind's null). */
export function consoleSessionFromRow(row: Selectable<ConsoleSessionsTable>): ConsoleSession {
  const base = { id: row.id, secretHash: row.secret_hash, expiresAt: fromDbDate(row.expires_at), createdAt: fromDbDate(row.created_at) };
  return row.kind === 'admin' ? { ...base, kind: 'admin', adminFingerprint: row.admin_fingerprint! } : { ...base, kind: 'org', orgId: row.org_id!, keyId: row.key_id! };
}

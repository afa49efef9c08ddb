import type { OrgKey } from '@switchboard/core';
import type { Insertable, Selectable } from 'kysely';
import { fromDbDate, fromDbDateOrNull, toDbDate, toDbDateOrNull } from './column-codec.js';
import type { OrgKeysTable } from './schema.js';

export function orgKeyToRow(key: OrgKey): Insertable<OrgKeysTable> {
  return {
    id: key.id,
    org_id: key.orgId,
    name: key.name,
    prefix: key.prefix,
    secret_hash: key.secretHash,
    created_at: toDbDate(key.createdAt),
    last_used_at: toDbDateOrNull(key.lastUsedAt),
  };
}

export function orgKeyFromRow(row: Selectable<OrgKeysTable>): OrgKey {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    prefix: row.prefix,
    secretHash: row.secret_hash,
    createdAt: fromDbDate(row.created_at),
    lastUsedAt: fromDbDateOrNull(row.last_used_at),
  };
}

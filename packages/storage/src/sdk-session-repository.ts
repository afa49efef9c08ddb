import type { SdkSessionRepository } from '@switchboard/core';
import type { Kysely } from 'kysely';
import { fromDbJson, toDbDate } from './column-codec.js';
import type { Database } from './schema.js';
import { sdkSessionFromRow, sdkSessionToRow } from './sdk-session-row.js';
import { translateDatabaseError } from './translate-database-error.js';

/** A session is expired from its `expiresAt` on (the same boundary as every expiry of the store). */
export function createSdkSessionRepository(db: Kysely<Database>): SdkSessionRepository {
  return {
    async insert(session) {
      try {
        await db.insertInto('sdk_sessions').values(sdkSessionToRow(session)).execute();
      } catch (error) {
        throw translateDatabaseError(error, {
          conflict: `an SDK session with id ${session.id} already exists`,
          missingReference: `org ${session.orgId} or its org key ${session.keyId} does not exist`,
        });
      }
    },

    /**
     * A plain read: deleting a key deletes its sessions in the same statement (ON DELETE CASCADE),
     * so a session whose key is gone does not exist. Expiry is the caller's check (it owns the clock).
     */
    async get(id) {
      const row = await db.selectFrom('sdk_sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : sdkSessionFromRow(row);
    },

    /** Distinct, sorted; served by the (org_id, expires_at) index. */
    async allowedOriginsForOrg(orgId, now) {
      const rows = await db
        .selectFrom('sdk_sessions')
        .select('allowed_origins')
        .where('org_id', '=', orgId)
        .where('expires_at', '>', toDbDate(now))
        .execute();
      const origins = new Set<string>();
      for (const row of rows) for (const origin of fromDbJson<string[]>(row.allowed_origins)) origins.add(origin);
      return [...origins].sort();
    },

    async deleteExpired(now) {
      const result = await db.deleteFrom('sdk_sessions').where('expires_at', '<=', toDbDate(now)).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

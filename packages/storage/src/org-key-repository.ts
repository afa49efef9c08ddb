import type { OrgKeyRepository } from '@switchboard/core';
import type { Kysely } from 'kysely';
import { toDbDate } from './column-codec.js';
import { orgKeyFromRow, orgKeyToRow } from './org-key-row.js';
import type { Database } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

export function createOrgKeyRepository(db: Kysely<Database>): OrgKeyRepository {
  return {
    async insert(key) {
      try {
        await db.insertInto('org_keys').values(orgKeyToRow(key)).execute();
      } catch (error) {
        throw translateDatabaseError(error, {
          conflict: `an org key with id ${key.id} already exists`,
          missingReference: `org ${key.orgId} does not exist`,
        });
      }
    },

    async get(id) {
      const row = await db.selectFrom('org_keys').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : orgKeyFromRow(row);
    },

    /** Oldest first; id breaks ties. */
    async listByOrg(orgId) {
      const rows = await db
        .selectFrom('org_keys')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(orgKeyFromRow);
    },

    /**
     * One DELETE scoped to the org, so a key id of another org deletes nothing. Its sessions go in
     * the same statement (ON DELETE CASCADE from sdk_sessions.key_id).
     */
    async delete(orgId, id) {
      const result = await db.deleteFrom('org_keys').where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    /** Only ever forwards: of concurrent requests finishing out of order, the latest use stays. */
    async touch(id, at) {
      const ms = toDbDate(at);
      await db
        .updateTable('org_keys')
        .set({ last_used_at: ms })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', ms)]))
        .execute();
    },
  };
}

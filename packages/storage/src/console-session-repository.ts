import type { ConsoleSessionRepository } from '@switchboard/core';
import type { Kysely } from 'kysely';
import { toDbDate } from './column-codec.js';
import { consoleSessionFromRow, consoleSessionToRow } from './console-session-row.js';
import type { Database } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

/** A session is expired from its `expiresAt` on (the same boundary as every expiry of the store). */
export function createConsoleSessionRepository(db: Kysely<Database>): ConsoleSessionRepository {
  return {
    async insert(session) {
      try {
        await db.insertInto('console_sessions').values(consoleSessionToRow(session)).execute();
      } catch (error) {
        throw translateDatabaseError(error, {
          conflict: `a console session with id ${session.id} already exists`,
          missingReference: session.kind === 'org' ? `org ${session.orgId} or its org key ${session.keyId} does not exist` : 'a referenced row does not exist',
        });
      }
    },

    /** A plain read: revoking an org key deletes its sessions in the same statement (ON DELETE CASCADE). */
    async get(id) {
      const row = await db.selectFrom('console_sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : consoleSessionFromRow(row);
    },

    async delete(id) {
      const result = await db.deleteFrom('console_sessions').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async deleteExpired(now) {
      const result = await db.deleteFrom('console_sessions').where('expires_at', '<=', toDbDate(now)).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

import type { Org, OrgRepository } from '@switchboard/core';
import type { Kysely } from 'kysely';
import { toDbDate } from './column-codec.js';
import { orgFromRow } from './org-row.js';
import type { Database } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

function toRow(org: Org) {
  return { id: org.id, name: org.name, created_at: toDbDate(org.createdAt) };
}

export function createOrgRepository(db: Kysely<Database>): OrgRepository {
  return {
    async insert(org) {
      try {
        await db.insertInto('orgs').values(toRow(org)).execute();
      } catch (error) {
        throw translateDatabaseError(error, { conflict: `an org with id ${org.id} already exists` });
      }
    },

    async get(id) {
      const row = await db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : orgFromRow(row);
    },

    /** Oldest first (the built-in `dev` org leads); id breaks ties. */
    async list() {
      const rows = await db.selectFrom('orgs').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(orgFromRow);
    },

    async lock(id) {
      // A no-op write rather than `SELECT … FOR UPDATE`, which SQLite does not parse: PostgreSQL
      // takes the row lock until the transaction ends, and SQLite's transactions already run
      // one at a time (the write takes its write lock at once).
      const result = await db.updateTable('orgs').set((eb) => ({ name: eb.ref('name') })).where('id', '=', id).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async ensure(org) {
      // DO NOTHING rather than check-then-insert: two instances starting together both succeed.
      await db
        .insertInto('orgs')
        .values(toRow(org))
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
    },
  };
}

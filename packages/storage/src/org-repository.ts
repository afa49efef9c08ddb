import type { Org, OrgRepository } from '@switchboard/core';
import type { Kysely, Selectable } from 'kysely';
import { fromDbDate, toDbDate } from './column-codec.js';
import type { Database, OrgsTable } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

function fromRow(row: Selectable<OrgsTable>): Org {
  return { id: row.id, name: row.name, createdAt: fromDbDate(row.created_at) };
}

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
      return row === undefined ? undefined : fromRow(row);
    },

    /** Oldest first (the built-in `dev` org leads); id breaks ties. */
    async list() {
      const rows = await db.selectFrom('orgs').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(fromRow);
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

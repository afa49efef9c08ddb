import { SwitchboardError, type SolutionPatch, type SolutionRepository } from '@switchboard/core';
import type { Kysely, Updateable } from 'kysely';
import { toDbDate } from './column-codec.js';
import { isForeignKeyViolation } from './foreign-key-violation.js';
import type { Database, SolutionsTable } from './schema.js';
import { solutionFromRow } from './solution-row.js';
import { translateDatabaseError } from './translate-database-error.js';

function patchToRow(patch: SolutionPatch): Updateable<SolutionsTable> {
  const row: Updateable<SolutionsTable> = {};
  if (patch.name !== undefined) row.name = patch.name;
  if (patch.description !== undefined) row.description = patch.description;
  return row;
}

export function createSolutionRepository(db: Kysely<Database>): SolutionRepository {
  return {
    async insert(solution) {
      try {
        await db
          .insertInto('solutions')
          .values({
            id: solution.id,
            api_name: solution.apiName,
            name: solution.name,
            description: solution.description,
            created_at: toDbDate(solution.createdAt),
            updated_at: toDbDate(solution.updatedAt),
          })
          .execute();
      } catch (error) {
        throw translateDatabaseError(error, { conflict: `a solution named ${solution.apiName} already exists` });
      }
    },

    async get(id) {
      const row = await db.selectFrom('solutions').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : solutionFromRow(row);
    },

    async getByApiName(apiName) {
      const row = await db.selectFrom('solutions').selectAll().where('api_name', '=', apiName).executeTakeFirst();
      return row === undefined ? undefined : solutionFromRow(row);
    },

    /** Ordered by apiName. */
    async list() {
      const rows = await db.selectFrom('solutions').selectAll().orderBy('api_name').execute();
      return rows.map(solutionFromRow);
    },

    async update(id, patch, updatedAt) {
      const row = await db
        .updateTable('solutions')
        .set({ ...patchToRow(patch), updated_at: toDbDate(updatedAt) })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row === undefined ? undefined : solutionFromRow(row);
    },

    async delete(id) {
      try {
        // Associations and releases (with their connector rows) go with it: ON DELETE CASCADE.
        const result = await db.deleteFrom('solutions').where('id', '=', id).executeTakeFirst();
        return result.numDeletedRows > 0n;
      } catch (error) {
        // Installations reference the solution without a cascade: the database refuses too.
        if (isForeignKeyViolation(error)) {
          throw new SwitchboardError('in_use', 'the solution is installed in an org', { cause: error });
        }
        throw error;
      }
    },
  };
}

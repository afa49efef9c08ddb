import type { InstallationRepository } from '@switchboard/core';
import type { Kysely } from 'kysely';
import { toDbDate } from './column-codec.js';
import { installationFromRow } from './installation-row.js';
import type { Database } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

export function createInstallationRepository(db: Kysely<Database>): InstallationRepository {
  return {
    async insert(installation) {
      try {
        await db
          .insertInto('installations')
          .values({
            id: installation.id,
            org_id: installation.orgId,
            solution_id: installation.solutionId,
            release_id: installation.releaseId,
            installed_at: toDbDate(installation.installedAt),
            updated_at: toDbDate(installation.updatedAt),
          })
          .execute();
      } catch (error) {
        throw translateDatabaseError(error, {
          conflict: 'the solution is already installed in this org',
          missingReference: 'the org, solution or release does not exist',
        });
      }
    },

    async get(orgId, solutionId) {
      const row = await db
        .selectFrom('installations')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('solution_id', '=', solutionId)
        .executeTakeFirst();
      return row === undefined ? undefined : installationFromRow(row);
    },

    /** Oldest first; id breaks ties. */
    async listByOrg(orgId) {
      const rows = await db
        .selectFrom('installations')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('installed_at')
        .orderBy('id')
        .execute();
      return rows.map(installationFromRow);
    },

    async setRelease(orgId, solutionId, releaseId, now) {
      try {
        const row = await db
          .updateTable('installations')
          .set({ release_id: releaseId, updated_at: toDbDate(now) })
          .where('org_id', '=', orgId)
          .where('solution_id', '=', solutionId)
          .returningAll()
          .executeTakeFirst();
        return row === undefined ? undefined : installationFromRow(row);
      } catch (error) {
        throw translateDatabaseError(error, { conflict: 'conflicting installation', missingReference: `release ${releaseId} does not exist` });
      }
    },

    async delete(orgId, solutionId) {
      const result = await db
        .deleteFrom('installations')
        .where('org_id', '=', orgId)
        .where('solution_id', '=', solutionId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async countBySolution(solutionId) {
      const { count } = await db
        .selectFrom('installations')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('solution_id', '=', solutionId)
        .executeTakeFirstOrThrow();
      // pg returns count(*) (int8) as a string.
      return Number(count);
    },
  };
}

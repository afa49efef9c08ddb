import type { InstalledConnector, InstalledConnectorRepository } from '@switchboard/core';
import type { Kysely } from 'kysely';
import { fromDbJson, toDbJson } from './column-codec.js';
import { inTransaction } from './in-transaction.js';
import type { Database } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

export function createInstalledConnectorRepository(db: Kysely<Database>): InstalledConnectorRepository {
  return {
    async replaceForOrg(orgId, items) {
      const foreign = items.find((item) => item.orgId !== orgId);
      if (foreign !== undefined) throw new RangeError('replaceForOrg: every item must belong to the org being replaced');
      try {
        await inTransaction(db, async (trx) => {
          await trx.deleteFrom('installed_connectors').where('org_id', '=', orgId).execute();
          if (items.length === 0) return;
          await trx
            .insertInto('installed_connectors')
            .values(
              items.map((item) => ({
                org_id: orgId,
                connector_id: item.connectorId,
                version_id: item.versionId,
                version: item.version,
                solution_ids: toDbJson(item.solutionIds),
              })),
            )
            .execute();
        });
      } catch (error) {
        throw translateDatabaseError(error, {
          conflict: 'a connector appears twice in the installed set',
          missingReference: 'the org, a connector or a connector version does not exist',
        });
      }
    },

    /** Ordered by connector id. */
    async listByOrg(orgId) {
      const rows = await db
        .selectFrom('installed_connectors')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('connector_id')
        .execute();
      return rows.map(
        (row): InstalledConnector => ({
          orgId: row.org_id,
          connectorId: row.connector_id,
          versionId: row.version_id,
          version: Number(row.version),
          solutionIds: fromDbJson<string[]>(row.solution_ids),
        }),
      );
    },
  };
}

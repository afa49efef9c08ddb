import { SwitchboardError, type SolutionConnector, type SolutionConnectorRepository } from '@switchboard/core';
import type { Kysely } from 'kysely';
import { fromDbDate, toDbDate } from './column-codec.js';
import { compareText } from './compare-text.js';
import type { Database } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

export function createSolutionConnectorRepository(db: Kysely<Database>): SolutionConnectorRepository {
  /** The associations of a solution (one, when `connectorId` is given) with their connector's API name. */
  const select = (solutionId: string, connectorId?: string) => {
    let query = db
      .selectFrom('solution_connectors as s')
      .innerJoin('connectors as c', 'c.id', 's.connector_id')
      .select(['s.solution_id', 's.connector_id', 'c.api_name', 's.version', 's.updated_at'])
      .where('s.solution_id', '=', solutionId);
    if (connectorId !== undefined) query = query.where('s.connector_id', '=', connectorId);
    return query;
  };
  type Row = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];
  const fromRow = (row: Row): SolutionConnector => ({
    solutionId: row.solution_id,
    connectorId: row.connector_id,
    connectorApiName: row.api_name,
    version: Number(row.version),
    updatedAt: fromDbDate(row.updated_at),
  });

  return {
    async pin({ solutionId, connectorId, version, now }) {
      try {
        await db
          .insertInto('solution_connectors')
          .values({ solution_id: solutionId, connector_id: connectorId, version, updated_at: toDbDate(now) })
          .onConflict((conflict) =>
            conflict.columns(['solution_id', 'connector_id']).doUpdateSet({ version, updated_at: toDbDate(now) }),
          )
          .execute();
      } catch (error) {
        throw translateDatabaseError(error, {
          conflict: 'the connector is already associated',
          missingReference: `the solution, or version ${version} of the connector, does not exist`,
        });
      }
      const row = await select(solutionId, connectorId).executeTakeFirst();
      // Only a concurrent unpin or solution delete between the two statements gets here.
      if (row === undefined) throw new SwitchboardError('not_found', 'the association was removed concurrently');
      return fromRow(row);
    },

    async unpin(solutionId, connectorId) {
      const result = await db
        .deleteFrom('solution_connectors')
        .where('solution_id', '=', solutionId)
        .where('connector_id', '=', connectorId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    /** Ordered by connector API name. */
    async list(solutionId) {
      const rows = await select(solutionId).execute();
      return rows.map(fromRow).sort((a, b) => compareText(a.connectorApiName, b.connectorApiName));
    },

    async isConnectorReferenced(connectorId) {
      // Both lookups use the (connector_id, version) indexes; one round trip.
      const row = await db
        .selectNoFrom((eb) => [
          eb
            .or([
              eb.exists(eb.selectFrom('solution_connectors').select('connector_id').where('connector_id', '=', connectorId)),
              eb.exists(eb.selectFrom('release_connectors').select('connector_id').where('connector_id', '=', connectorId)),
            ])
            .as('referenced'),
        ])
        .executeTakeFirstOrThrow();
      // SQLite answers 0/1, PostgreSQL a boolean.
      return row.referenced === true || Number(row.referenced) === 1;
    },
  };
}

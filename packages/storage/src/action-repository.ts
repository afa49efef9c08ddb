import type { ConnectorActionRepository, ConnectorActions, ReleaseActionRepository, ReleasedActions } from '@switchboard/core';
import type { Kysely, Selectable } from 'kysely';
import { fromDbDate, toDbDate } from './column-codec.js';
import type { ConnectorActionsTable, Database, ReleaseActionsTable } from './schema.js';
import { translateDatabaseError } from './translate-database-error.js';

function actionsFromRow(row: Selectable<ConnectorActionsTable>): ConnectorActions {
  return { solutionId: row.solution_id, connectorId: row.connector_id, onAuthorize: row.on_authorize, onRevoke: row.on_revoke, updatedAt: fromDbDate(row.updated_at) };
}

function releasedFromRow(row: Selectable<ReleaseActionsTable>): ReleasedActions {
  return { releaseId: row.release_id, connectorId: row.connector_id, onAuthorize: row.on_authorize, onRevoke: row.on_revoke };
}

export function createConnectorActionRepository(db: Kysely<Database>): ConnectorActionRepository {
  return {
    async get(solutionId, connectorId) {
      const row = await db.selectFrom('connector_actions').selectAll().where('solution_id', '=', solutionId).where('connector_id', '=', connectorId).executeTakeFirst();
      return row === undefined ? undefined : actionsFromRow(row);
    },

    async put(actions) {
      try {
        if (actions.onAuthorize === null && actions.onRevoke === null) {
          await db.deleteFrom('connector_actions').where('solution_id', '=', actions.solutionId).where('connector_id', '=', actions.connectorId).execute();
          return;
        }
        const values = { on_authorize: actions.onAuthorize, on_revoke: actions.onRevoke, updated_at: toDbDate(actions.updatedAt) };
        await db
          .insertInto('connector_actions')
          .values({ solution_id: actions.solutionId, connector_id: actions.connectorId, ...values })
          .onConflict((conflict) => conflict.columns(['solution_id', 'connector_id']).doUpdateSet(values))
          .execute();
      } catch (error) {
        throw translateDatabaseError(error, { conflict: 'the actions were set concurrently', missingReference: 'the solution or connector does not exist' });
      }
    },

    async list(solutionId) {
      const rows = await db.selectFrom('connector_actions').selectAll().where('solution_id', '=', solutionId).orderBy('connector_id').execute();
      return rows.map(actionsFromRow);
    },

    async listByConnector(connectorId) {
      const rows = await db.selectFrom('connector_actions').selectAll().where('connector_id', '=', connectorId).orderBy('solution_id').execute();
      return rows.map(actionsFromRow);
    },
  };
}

export function createReleaseActionRepository(db: Kysely<Database>): ReleaseActionRepository {
  return {
    async insertMany(actions) {
      if (actions.length === 0) return;
      try {
        await db
          .insertInto('release_actions')
          .values(actions.map((a) => ({ release_id: a.releaseId, connector_id: a.connectorId, on_authorize: a.onAuthorize, on_revoke: a.onRevoke })))
          .execute();
      } catch (error) {
        throw translateDatabaseError(error, { conflict: 'the release already records actions for this connector', missingReference: 'the release does not exist' });
      }
    },

    async get(releaseId, connectorId) {
      const row = await db.selectFrom('release_actions').selectAll().where('release_id', '=', releaseId).where('connector_id', '=', connectorId).executeTakeFirst();
      return row === undefined ? undefined : releasedFromRow(row);
    },

    async list(releaseId) {
      const rows = await db.selectFrom('release_actions').selectAll().where('release_id', '=', releaseId).orderBy('connector_id').execute();
      return rows.map(releasedFromRow);
    },
  };
}

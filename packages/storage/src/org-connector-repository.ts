import { DEV_ORG_ID, type OrgConnector, type OrgConnectorRepository } from '@switchboard/core';
import type { Kysely } from 'kysely';
import { fromDbJson } from './column-codec.js';
import { compareText } from './compare-text.js';
import { connectorFromRow } from './connector-row.js';
import type { Database } from './schema.js';
import { connectorFromSnapshot } from './snapshot-codec.js';

interface InstalledRow {
  readonly api_name: string;
  readonly version: number;
  readonly connector: string;
  readonly solution_ids: string;
}

/**
 * Org `dev` uses every draft; any other org exactly the versions in its `installed_connectors`,
 * as their snapshots. The solution ids are turned into API names with one more query.
 */
export function createOrgConnectorRepository(db: Kysely<Database>): OrgConnectorRepository {
  const installed = (orgId: string) =>
    db
      .selectFrom('installed_connectors as i')
      .innerJoin('connectors as c', 'c.id', 'i.connector_id')
      .innerJoin('connector_versions as v', 'v.id', 'i.version_id')
      .select(['c.api_name', 'i.version', 'v.connector', 'i.solution_ids'])
      .where('i.org_id', '=', orgId);

  async function toOrgConnectors(rows: readonly InstalledRow[]): Promise<OrgConnector[]> {
    const idsByRow = rows.map((row) => fromDbJson<string[]>(row.solution_ids));
    const allIds = [...new Set(idsByRow.flat())];
    const names = new Map<string, string>();
    if (allIds.length > 0) {
      const solutions = await db.selectFrom('solutions').select(['id', 'api_name']).where('id', 'in', allIds).execute();
      for (const solution of solutions) names.set(solution.id, solution.api_name);
    }
    return rows.map((row, i) => ({
      connector: connectorFromSnapshot(row.connector),
      version: Number(row.version),
      solutions: idsByRow[i]!.flatMap((id) => names.get(id) ?? []).sort(compareText),
    }));
  }

  return {
    async resolve(orgId, connectorApiName) {
      if (orgId === DEV_ORG_ID) {
        const row = await db.selectFrom('connectors').selectAll().where('api_name', '=', connectorApiName).executeTakeFirst();
        return row === undefined ? undefined : { connector: connectorFromRow(row), version: null, solutions: [] };
      }
      const row = await installed(orgId).where('c.api_name', '=', connectorApiName).executeTakeFirst();
      return row === undefined ? undefined : (await toOrgConnectors([row]))[0];
    },

    async list(orgId) {
      if (orgId === DEV_ORG_ID) {
        const rows = await db.selectFrom('connectors').selectAll().execute();
        return rows
          .map((row): OrgConnector => ({ connector: connectorFromRow(row), version: null, solutions: [] }))
          .sort((a, b) => compareText(a.connector.apiName, b.connector.apiName));
      }
      const rows = await installed(orgId).execute();
      return (await toOrgConnectors(rows)).sort((a, b) => compareText(a.connector.apiName, b.connector.apiName));
    },
  };
}

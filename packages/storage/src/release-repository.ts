import type { ReleasedConnector, ReleaseRepository, SolutionRelease } from '@switchboard/core';
import type { Kysely, Selectable } from 'kysely';
import { fromDbDate, toDbDate } from './column-codec.js';
import { compareText } from './compare-text.js';
import { inTransaction } from './in-transaction.js';
import type { Database, SolutionReleasesTable } from './schema.js';
import { compareSemver } from './semver-precedence.js';
import { translateDatabaseError } from './translate-database-error.js';

/** Each release's connectors, ordered by API name (one query for any number of releases). */
async function connectorsByRelease(db: Kysely<Database>, releaseIds: readonly string[]): Promise<Map<string, ReleasedConnector[]>> {
  const byRelease = new Map<string, ReleasedConnector[]>(releaseIds.map((id) => [id, []]));
  if (releaseIds.length === 0) return byRelease;
  const rows = await db.selectFrom('release_connectors').selectAll().where('release_id', 'in', releaseIds).execute();
  for (const row of rows) {
    byRelease
      .get(row.release_id)
      ?.push({ connectorId: row.connector_id, connectorApiName: row.connector_api_name, version: Number(row.version) });
  }
  for (const connectors of byRelease.values()) connectors.sort((a, b) => compareText(a.connectorApiName, b.connectorApiName));
  return byRelease;
}

async function withConnectors(db: Kysely<Database>, rows: readonly Selectable<SolutionReleasesTable>[]): Promise<SolutionRelease[]> {
  const connectors = await connectorsByRelease(db, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    solutionId: row.solution_id,
    version: row.version,
    notes: row.notes,
    connectors: connectors.get(row.id) ?? [],
    createdAt: fromDbDate(row.created_at),
  }));
}

/** Newest first: by creation, then (same instant) by semver precedence, which the service keeps increasing. */
function newestFirst(a: SolutionRelease, b: SolutionRelease): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || compareSemver(b.version, a.version);
}

export function createReleaseRepository(db: Kysely<Database>): ReleaseRepository {
  return {
    async insert(release) {
      try {
        await inTransaction(db, async (trx) => {
          await trx
            .insertInto('solution_releases')
            .values({
              id: release.id,
              solution_id: release.solutionId,
              version: release.version,
              notes: release.notes,
              created_at: toDbDate(release.createdAt),
            })
            .execute();
          if (release.connectors.length > 0) {
            await trx
              .insertInto('release_connectors')
              .values(
                release.connectors.map((connector) => ({
                  release_id: release.id,
                  connector_id: connector.connectorId,
                  connector_api_name: connector.connectorApiName,
                  version: connector.version,
                })),
              )
              .execute();
          }
        });
      } catch (error) {
        throw translateDatabaseError(error, {
          conflict: `release ${release.version} of this solution already exists`,
          missingReference: 'the solution, or a connector version of the release, does not exist',
        });
      }
    },

    async list(solutionId) {
      const rows = await db.selectFrom('solution_releases').selectAll().where('solution_id', '=', solutionId).execute();
      return (await withConnectors(db, rows)).sort(newestFirst);
    },

    async get(solutionId, version) {
      const row = await db
        .selectFrom('solution_releases')
        .selectAll()
        .where('solution_id', '=', solutionId)
        .where('version', '=', version)
        .executeTakeFirst();
      return row === undefined ? undefined : (await withConnectors(db, [row]))[0];
    },

    async getById(id) {
      const row = await db.selectFrom('solution_releases').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : (await withConnectors(db, [row]))[0];
    },
  };
}

import { SwitchboardError, type ApiDefinition, type ConnectorVersion, type ConnectorVersionRepository, type Logo } from '@switchboard/core';
import { sql, type Kysely } from 'kysely';
import { toDbDate } from './column-codec.js';
import { compareText } from './compare-text.js';
import { connectorVersionColumns, connectorVersionFromRow, type ConnectorVersionRow } from './connector-version-row.js';
import { inTransaction } from './in-transaction.js';
import type { Database } from './schema.js';
import { apiFromSnapshot, apiToSnapshot, connectorToSnapshot } from './snapshot-codec.js';
import { translateDatabaseError } from './translate-database-error.js';

/** A Uint8Array view of a driver's Buffer, without copying (a Buffer would not `toEqual` plain bytes). */
function bytesOf(buffer: Uint8Array): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * The APIs of each version, ordered by apiName (one query for any number of versions). Sorted
 * here: PostgreSQL's ORDER BY follows the database collation, which may not be code-point order.
 */
async function apisByVersion(db: Kysely<Database>, versionIds: readonly string[]): Promise<Map<string, ApiDefinition[]>> {
  const byVersion = new Map<string, ApiDefinition[]>(versionIds.map((id) => [id, []]));
  if (versionIds.length === 0) return byVersion;
  const rows = await db
    .selectFrom('connector_version_apis')
    .select(['version_id', 'definition'])
    .where('version_id', 'in', versionIds)
    .execute();
  for (const row of rows) byVersion.get(row.version_id)?.push(apiFromSnapshot(row.definition));
  for (const apis of byVersion.values()) apis.sort((a, b) => compareText(a.apiName, b.apiName));
  return byVersion;
}

async function withApis(db: Kysely<Database>, rows: readonly ConnectorVersionRow[]): Promise<ConnectorVersion[]> {
  const apis = await apisByVersion(db, rows.map((row) => row.id));
  return rows.map((row) => connectorVersionFromRow(row, apis.get(row.id) ?? []));
}

export function createConnectorVersionRepository(db: Kysely<Database>): ConnectorVersionRepository {
  const versions = () => db.selectFrom('connector_versions').select(connectorVersionColumns);

  return {
    async publish(input) {
      try {
        return await inTransaction(db, async (trx) => {
          // Serialises publishes of one connector: PostgreSQL holds this row lock until commit, so
          // a concurrent publish waits here and its next statement (READ COMMITTED: a new snapshot)
          // sees the version just committed; SQLite runs one write transaction at a time anyway.
          // A no-op write rather than SELECT … FOR UPDATE, which SQLite does not parse.
          const locked = await trx
            .updateTable('connectors')
            .set({ updated_at: sql<number>`updated_at` })
            .where('id', '=', input.connectorId)
            .executeTakeFirst();
          if (locked.numUpdatedRows === 0n) {
            throw new SwitchboardError('not_found', `connector ${input.connectorId} does not exist`);
          }
          const { latest } = await trx
            .selectFrom('connector_versions')
            .select((eb) => eb.fn.max('version').as('latest'))
            .where('connector_id', '=', input.connectorId)
            .executeTakeFirstOrThrow();
          const version = latest === null ? 1 : Number(latest) + 1;
          await trx
            .insertInto('connector_versions')
            .values({
              id: input.id,
              connector_id: input.connectorId,
              version,
              connector: connectorToSnapshot(input.connector),
              support_email: input.supportEmail,
              release_notes: input.releaseNotes,
              logo: input.logo === null ? null : Buffer.from(input.logo.bytes),
              logo_content_type: input.logo === null ? null : input.logo.contentType,
              published_at: toDbDate(input.publishedAt),
            })
            .execute();
          if (input.apis.length > 0) {
            await trx
              .insertInto('connector_version_apis')
              .values(input.apis.map((api) => ({ version_id: input.id, api_name: api.apiName, definition: apiToSnapshot(api) })))
              .execute();
          }
          const published: ConnectorVersion = {
            id: input.id,
            connectorId: input.connectorId,
            version,
            connector: input.connector,
            apis: [...input.apis].sort((a, b) => compareText(a.apiName, b.apiName)),
            supportEmail: input.supportEmail,
            releaseNotes: input.releaseNotes,
            logoContentType: input.logo === null ? null : input.logo.contentType,
            publishedAt: input.publishedAt,
          };
          return published;
        });
      } catch (error) {
        throw translateDatabaseError(error, {
          conflict: `version id ${input.id} or an API name of the snapshot is taken`,
          missingReference: `connector ${input.connectorId} does not exist`,
        });
      }
    },

    async list(connectorId) {
      const rows = await versions().where('connector_id', '=', connectorId).orderBy('version', 'desc').execute();
      return withApis(db, rows);
    },

    async get(connectorId, version) {
      const row = await versions().where('connector_id', '=', connectorId).where('version', '=', version).executeTakeFirst();
      return row === undefined ? undefined : (await withApis(db, [row]))[0];
    },

    async getById(id) {
      const row = await versions().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : (await withApis(db, [row]))[0];
    },

    async getLogo(connectorId, version) {
      const row = await db
        .selectFrom('connector_versions')
        .select(['logo', 'logo_content_type'])
        .where('connector_id', '=', connectorId)
        .where('version', '=', version)
        .executeTakeFirst();
      if (row?.logo == null || row.logo_content_type === null) return undefined;
      const logo: Logo = { contentType: row.logo_content_type, bytes: bytesOf(row.logo) };
      return logo;
    },

    /** Served by the (connector_id, version) key; the bytes are not read. */
    async listLogoTypes(connectorIds) {
      if (connectorIds.length === 0) return [];
      const rows = await db
        .selectFrom('connector_versions')
        .select(['connector_id', 'version', 'logo_content_type'])
        .where('connector_id', 'in', [...connectorIds])
        .execute();
      return rows.map((row) => ({ connectorId: row.connector_id, version: Number(row.version), logoContentType: row.logo_content_type }));
    },
  };
}

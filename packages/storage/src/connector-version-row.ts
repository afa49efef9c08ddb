import type { ApiDefinition, ConnectorVersion } from '@switchboard/core';
import type { Selectable } from 'kysely';
import { fromDbDate } from './column-codec.js';
import type { ConnectorVersionsTable } from './schema.js';
import { connectorFromSnapshot } from './snapshot-codec.js';

/** Every column but the logo bytes, which only `getLogo` reads. */
export const connectorVersionColumns = [
  'id',
  'connector_id',
  'version',
  'connector',
  'support_email',
  'release_notes',
  'logo_content_type',
  'published_at',
] as const satisfies readonly (keyof ConnectorVersionsTable)[];

export type ConnectorVersionRow = Pick<Selectable<ConnectorVersionsTable>, (typeof connectorVersionColumns)[number]>;

export function connectorVersionFromRow(row: ConnectorVersionRow, apis: readonly ApiDefinition[]): ConnectorVersion {
  return {
    id: row.id,
    connectorId: row.connector_id,
    // pg returns INTEGER as a number already; Number() keeps SQLite and pg alike if it ever is a BIGINT.
    version: Number(row.version),
    connector: connectorFromSnapshot(row.connector),
    apis,
    supportEmail: row.support_email,
    releaseNotes: row.release_notes,
    logoContentType: row.logo_content_type,
    publishedAt: fromDbDate(row.published_at),
  };
}

import { DEV_ORG_ID, type InvocationRepository, type InvocationTarget } from '@switchboard/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import { apiFromRow } from './api-row.js';
import { connectionFromRow } from './connection-row.js';
import { connectorFromRow } from './connector-row.js';
import { orgFromRow } from './org-row.js';
import { reusableQuery } from './reusable-query.js';
import type {
  ApisTable,
  ConnectionsTable,
  ConnectorsTable,
  ConnectorVersionApisTable,
  ConnectorVersionsTable,
  Database,
  OrgsTable,
} from './schema.js';
import { apiFromSnapshot, connectorFromSnapshot } from './snapshot-codec.js';
import type { SqliteReadNow } from './sqlite/sqlite-dialect.js';

/** Every column of a table (`satisfies` makes the compiler insist on all of them, `id` first). */
const orgColumns = Object.keys({ id: 0, name: 0, created_at: 0 } satisfies Record<keyof OrgsTable, 0>);
const connectorColumns = Object.keys({
  id: 0, api_name: 0, name: 0, description: 0, service_name: 0, signup_url: 0, authorization_url: 0, token_url: 0,
  refresh_url: 0, revoke_url: 0, revoke_using: 0, scopes: 0, scope_separator: 0, pkce: 0, client_auth_method: 0,
  authorization_params: 0, token_params: 0, token_placement: 0, issuer: 0, created_at: 0, updated_at: 0,
} satisfies Record<keyof ConnectorsTable, 0>);
const apiColumns = Object.keys({
  id: 0, connector_id: 0, api_name: 0, name: 0, description: 0, method: 0, url: 0, headers: 0, query: 0, body: 0,
  created_at: 0, updated_at: 0,
} satisfies Record<keyof ApisTable, 0>);
const connectionColumns = Object.keys({
  id: 0, org_id: 0, connector_id: 0, status: 0, scopes: 0, access_token_encrypted: 0, refresh_token_encrypted: 0,
  token_type: 0, expires_at: 0, fields_encrypted: 0, authorized_at: 0, last_refreshed_at: 0, last_error: 0,
  token_generation: 0, consented_version: 0, created_at: 0, updated_at: 0,
} satisfies Record<keyof ConnectionsTable, 0>);

interface Part {
  readonly alias: string;
  readonly columns: readonly string[];
  /** Where the part's columns start in the result row. */
  readonly offset: number;
}

/** Lays the tables' columns out one after another in the result row. */
function layOut(tables: readonly (readonly [alias: string, columns: readonly string[]])[]): Part[] {
  const laidOut: Part[] = [];
  for (const [alias, columns] of tables) {
    const previous = laidOut.at(-1);
    laidOut.push({ alias, columns, offset: previous === undefined ? 0 : previous.offset + previous.columns.length });
  }
  return laidOut;
}

/** The joined tables share column names, so each is selected as `<alias>_<column>`. */
const resultColumnsOf = (parts: readonly Part[]): string[] =>
  parts.flatMap(({ alias, columns }) => columns.map((column) => `${alias}_${column}`));
const selectionOf = (parts: readonly Part[]) =>
  parts.flatMap(({ alias, columns }) => columns.map((column) => sql.ref(`${alias}.${column}`).as(`${alias}_${column}`)));

// Org `dev`: the drafts.
const draftParts = layOut([['o', orgColumns], ['c', connectorColumns], ['a', apiColumns], ['n', connectionColumns]]);
const [orgPart, connectorPart, apiPart, connectionPart] = draftParts as [Part, Part, Part, Part];

// Any other org: the installed version's snapshot (one JSON column each for connector and API).
const installedParts = layOut([['o', orgColumns], ['v', ['connector']], ['va', ['definition']], ['n', connectionColumns]]);
const [installedOrgPart, snapshotPart, apiSnapshotPart, installedConnectionPart] = installedParts as [Part, Part, Part, Part];

/**
 * One table's columns out of the joined row; undefined when the LEFT JOIN found no row (its
 * first column, NOT NULL in every part, is null).
 */
function pick<T>(row: readonly unknown[], { columns, offset }: Part): T | undefined {
  if (row[offset] === null) return undefined;
  const picked: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i += 1) picked[columns[i]!] = row[offset + i];
  return picked as T;
}

/**
 * The records of one result row, frozen: when the row is remembered (SQLite, database
 * unchanged) every invoke that loads it receives these same objects.
 */
function decodeDraft(row: readonly unknown[]): InvocationTarget {
  const org = pick<Selectable<OrgsTable>>(row, orgPart);
  const connector = pick<Selectable<ConnectorsTable>>(row, connectorPart);
  const api = pick<Selectable<ApisTable>>(row, apiPart);
  const connection = pick<Selectable<ConnectionsTable>>(row, connectionPart);
  return deepFreeze({
    org: org && orgFromRow(org),
    connector: connector && connectorFromRow(connector),
    api: api && apiFromRow(api),
    connection: connection && connectionFromRow(connection),
  });
}

/** Like `decodeDraft`, for a row of the installed-version query. */
function decodeInstalled(row: readonly unknown[]): InvocationTarget {
  const org = pick<Selectable<OrgsTable>>(row, installedOrgPart);
  const snapshot = pick<Pick<Selectable<ConnectorVersionsTable>, 'connector'>>(row, snapshotPart);
  const apiSnapshot = pick<Pick<Selectable<ConnectorVersionApisTable>, 'definition'>>(row, apiSnapshotPart);
  const connection = pick<Selectable<ConnectionsTable>>(row, installedConnectionPart);
  return deepFreeze({
    org: org && orgFromRow(org),
    connector: snapshot && connectorFromSnapshot(snapshot.connector),
    api: apiSnapshot && apiFromSnapshot(apiSnapshot.definition),
    connection: connection && connectionFromRow(connection),
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The invoke hot path's read in one indexed query, LEFT JOINed throughout so a missing part
 * still tells which one is missing. Org `dev` reads the drafts: the org by id, the connector by
 * its unique API name, the API by (connector, name), the connection by (org, connector). Every
 * other org reads what it installed: the connector's row in `installed_connectors` picks the
 * version, whose snapshot is the connector and whose `connector_version_apis` row is the API;
 * the connection joins through the installed row, so it is undefined when the connector is.
 * On SQLite a row is reused while the database is unchanged (any write, here or by another
 * connection, makes it read again).
 */
export function createInvocationRepository(db: Kysely<Database>, readNow?: SqliteReadNow): InvocationRepository {
  /** Records decoded from rows SQLite hands out again while the database is unchanged. */
  const decoded = new WeakMap<readonly unknown[], InvocationTarget>();
  const names = ['orgId', 'connectorApiName', 'apiName'] as const;
  // Rows are only read here (`pick` copies), so SQLite may hand out remembered ones.
  const draftQuery = reusableQuery(db, { names, columns: resultColumnsOf(draftParts), readNow, reuseWhileUnchanged: true }, (values) =>
    db
      .selectFrom('orgs as o')
      .leftJoin('connectors as c', (join) => join.on('c.api_name', '=', values.connectorApiName))
      .leftJoin('apis as a', (join) => join.onRef('a.connector_id', '=', 'c.id').on('a.api_name', '=', values.apiName))
      .leftJoin('connections as n', (join) => join.onRef('n.connector_id', '=', 'c.id').onRef('n.org_id', '=', 'o.id'))
      .where('o.id', '=', values.orgId)
      .select(selectionOf(draftParts)),
  );
  const installedQuery = reusableQuery(
    db,
    { names, columns: resultColumnsOf(installedParts), readNow, reuseWhileUnchanged: true },
    (values) =>
      db
        .selectFrom('orgs as o')
        .leftJoin('connectors as c', (join) => join.on('c.api_name', '=', values.connectorApiName))
        .leftJoin('installed_connectors as i', (join) => join.onRef('i.org_id', '=', 'o.id').onRef('i.connector_id', '=', 'c.id'))
        .leftJoin('connector_versions as v', 'v.id', 'i.version_id')
        .leftJoin('connector_version_apis as va', (join) =>
          join.onRef('va.version_id', '=', 'i.version_id').on('va.api_name', '=', values.apiName),
        )
        .leftJoin('connections as n', (join) => join.onRef('n.org_id', '=', 'o.id').onRef('n.connector_id', '=', 'i.connector_id'))
        .where('o.id', '=', values.orgId)
        .select(selectionOf(installedParts)),
  );

  return {
    async load(orgId, connectorApiName, apiName) {
      const draft = orgId === DEV_ORG_ID;
      const [row] = await (draft ? draftQuery : installedQuery)({ orgId, connectorApiName, apiName });
      if (row === undefined) return { org: undefined, connector: undefined, api: undefined, connection: undefined };
      // A remembered row (SQLite, database unchanged) decodes to the same records as last time.
      const known = decoded.get(row);
      if (known !== undefined) return known;
      const target = draft ? decodeDraft(row) : decodeInstalled(row);
      decoded.set(row, target);
      return target;
    },
  };
}

import type { InvocationRepository, InvocationTarget } from '@switchboard/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import { apiFromRow } from './api-row.js';
import { connectionFromRow } from './connection-row.js';
import { connectorFromRow } from './connector-row.js';
import { orgFromRow } from './org-row.js';
import { reusableQuery } from './reusable-query.js';
import type { ApisTable, ConnectionsTable, ConnectorsTable, Database, OrgsTable } from './schema.js';
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
  token_generation: 0, created_at: 0, updated_at: 0,
} satisfies Record<keyof ConnectionsTable, 0>);

type Alias = 'o' | 'c' | 'a' | 'n';
interface Part {
  readonly alias: Alias;
  readonly columns: readonly string[];
  /** Where the part's columns start in the result row. */
  readonly offset: number;
}
const parts: Part[] = [];
for (const [alias, columns] of [['o', orgColumns], ['c', connectorColumns], ['a', apiColumns], ['n', connectionColumns]] as const) {
  const previous = parts.at(-1);
  parts.push({ alias, columns, offset: previous === undefined ? 0 : previous.offset + previous.columns.length });
}
const [orgPart, connectorPart, apiPart, connectionPart] = parts as [Part, Part, Part, Part];
/** The joined tables share column names, so each is selected as `<alias>_<column>`. */
const resultColumns = parts.flatMap(({ alias, columns }) => columns.map((column) => `${alias}_${column}`));

/** One table's columns out of the joined row; undefined when the LEFT JOIN found no row (its NOT NULL id, first, is null). */
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
function decode(row: readonly unknown[]): InvocationTarget {
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

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The invoke hot path's read in one indexed query: the org by id, the connector by its unique
 * API name, the API by (connector, name) and the connection by (org, connector), each LEFT
 * JOINed so a missing part still tells which one is missing. On SQLite the row is reused while
 * the database is unchanged (any write, here or by another connection, makes it read again).
 */
export function createInvocationRepository(db: Kysely<Database>, readNow?: SqliteReadNow): InvocationRepository {
  /** Records decoded from rows SQLite hands out again while the database is unchanged. */
  const decoded = new WeakMap<readonly unknown[], InvocationTarget>();
  // Rows are only read here (`pick` copies), so SQLite may hand out remembered ones.
  const options = { names: ['orgId', 'connectorApiName', 'apiName'] as const, columns: resultColumns, readNow, reuseWhileUnchanged: true };
  const query = reusableQuery(db, options, (values) =>
    db
      .selectFrom('orgs as o')
      .leftJoin('connectors as c', (join) => join.on('c.api_name', '=', values.connectorApiName))
      .leftJoin('apis as a', (join) => join.onRef('a.connector_id', '=', 'c.id').on('a.api_name', '=', values.apiName))
      .leftJoin('connections as n', (join) => join.onRef('n.connector_id', '=', 'c.id').onRef('n.org_id', '=', 'o.id'))
      .where('o.id', '=', values.orgId)
      .select(parts.flatMap(({ alias, columns }) => columns.map((column) => sql.ref(`${alias}.${column}`).as(`${alias}_${column}`)))),
  );

  return {
    async load(orgId, connectorApiName, apiName) {
      const [row] = await query({ orgId, connectorApiName, apiName });
      if (row === undefined) return { org: undefined, connector: undefined, api: undefined, connection: undefined };
      // A remembered row (SQLite, database unchanged) decodes to the same records as last time.
      const known = decoded.get(row);
      if (known !== undefined) return known;
      const target = decode(row);
      decoded.set(row, target);
      return target;
    },
  };
}
